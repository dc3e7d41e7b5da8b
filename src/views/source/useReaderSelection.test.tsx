// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../state/source.ts';
import { highlightKey, useReaderSelection } from './useReaderSelection.ts';

const hl = (line: number, start: number, assignments: string[] = []): Highlight => ({
  line,
  start,
  end: start + 2,
  status: assignments.length ? 'assigned' : 'no-place',
  assignments,
  reason: null,
});
const highlights = new Map([
  [2, [hl(2, 0), hl(2, 5, ['a1'])]],
  [4, [hl(4, 1)]],
]);

function Reader({ line, ready = true, onLine }: { line: number; ready?: boolean; onLine: (line: number) => void }) {
  const listRef = useRef<HTMLOListElement>(null);
  const { selected, choose } = useReaderSelection(listRef, ready, line, highlights, onLine);
  return (
    <>
      <output data-testid="selected">{selected ?? 'none'}</output>
      <ol ref={listRef}>
        {[1, 2, 3, 4].map((n) => (
          <li key={n} data-line={n} tabIndex={-1}>
            {(highlights.get(n) ?? []).map((h) => (
              <a key={h.start} href={`#${n}`} data-testid={highlightKey(h)} onClick={(e) => choose(e, h)}>
                {n}
              </a>
            ))}
          </li>
        ))}
      </ol>
    </>
  );
}

const li = (n: number) => document.querySelector(`li[data-line="${n}"]`);

describe('useReaderSelection', () => {
  it('focuses the linked line and selects its first highlight that assigns something', () => {
    render(<Reader line={2} onLine={() => {}} />);
    expect(document.activeElement).toBe(li(2));
    expect(screen.getByTestId('selected')).toHaveTextContent('2:5');
  });

  it('waits for the text, and selects nothing on a line without highlights', () => {
    const { rerender } = render(<Reader line={3} ready={false} onLine={() => {}} />);
    expect(document.activeElement).toBe(document.body);
    rerender(<Reader line={3} onLine={() => {}} />);
    expect(document.activeElement).toBe(li(3));
    expect(screen.getByTestId('selected')).toHaveTextContent('none');
  });

  it('a click selects a highlight; on another line it reports the line but leaves the focus where it is', () => {
    const onLine = vi.fn();
    const { rerender } = render(<Reader line={2} onLine={onLine} />);
    fireEvent.click(screen.getByTestId('2:0'));
    expect(screen.getByTestId('selected')).toHaveTextContent('2:0');
    expect(onLine).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('4:1'));
    expect(onLine).toHaveBeenCalledWith(4);
    // The URL's line follows (the parent re-renders with it): no jump, the click's choice stays.
    rerender(<Reader line={4} onLine={onLine} />);
    expect(document.activeElement).toBe(li(2));
    expect(screen.getByTestId('selected')).toHaveTextContent('4:1');
    // A later deep link (e.g. back in history) jumps again.
    rerender(<Reader line={2} onLine={onLine} />);
    expect(document.activeElement).toBe(li(2));
    expect(screen.getByTestId('selected')).toHaveTextContent('2:5');
  });
});
