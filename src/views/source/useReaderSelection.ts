/**
 * The highlight chosen in the source reader. A deep link (?source=<file>&line=<n>) brings its line into view,
 * focuses it and pre-selects its first highlight that assigns something. A highlight chosen inside the reader is
 * selected and its line goes to the URL (`onLine`) without scrolling or stealing focus.
 */
import { type MouseEvent, type RefObject, useEffect, useRef, useState } from 'react';
import type { Highlight } from '../../state/source.ts';

export const highlightKey = (h: Highlight) => `${h.line}:${h.start}`;

export function useReaderSelection(
  listRef: RefObject<HTMLElement | null>,
  ready: boolean,
  line: number,
  highlights: Map<number, Highlight[]>,
  onLine: (line: number) => void,
) {
  const [selected, setSelected] = useState<string | null>(null);
  // A line chosen inside the reader (a click on a highlight) updates the URL but must not scroll or steal focus.
  const internal = useRef(false);

  useEffect(() => {
    if (!ready) return;
    if (internal.current) {
      internal.current = false;
      return;
    }
    const li = listRef.current?.querySelector<HTMLElement>(`li[data-line="${line}"]`);
    li?.scrollIntoView?.({ block: 'center' });
    li?.focus({ preventScroll: true });
    const onLine = highlights.get(line) ?? [];
    const first = onLine.find((h) => h.assignments.length > 0) ?? onLine[0];
    setSelected(first ? highlightKey(first) : null);
  }, [listRef, ready, line, highlights]);

  const choose = (e: MouseEvent, h: Highlight) => {
    e.preventDefault();
    setSelected(highlightKey(h));
    if (h.line !== line) {
      internal.current = true;
      onLine(h.line);
    }
  };
  return { selected, choose };
}
