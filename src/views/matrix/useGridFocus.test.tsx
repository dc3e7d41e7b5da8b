// @vitest-environment jsdom
/** The matrix's hand-written roving focus, on a bare grid: moves, clamping, one tab stop, activation, follow. */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { type GridPos, gridMove, useGridFocus } from './useGridFocus.ts';

function Grid({
  rows,
  cols,
  follow = null,
  onActivate = () => {},
}: {
  rows: number;
  cols: number;
  follow?: GridPos | null;
  onActivate?: (at: GridPos) => void;
}) {
  const grid = useGridFocus<HTMLTableElement>(rows, cols, follow, onActivate);
  return (
    <table ref={grid.ref}>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed grid
          <tr key={r}>
            {Array.from({ length: cols }, (_, c) => (
              <td
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed grid
                key={c}
                data-r={r}
                data-c={c}
                data-testid={`${r},${c}`}
                tabIndex={grid.tabIndex(r, c)}
                onKeyDown={grid.onKeyDown}
                onClick={() => grid.select({ r, c })}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const stops = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('td[tabindex="0"]')].map((td) => `${td.dataset.r},${td.dataset.c}`);
const focused = () => {
  const el = document.activeElement as HTMLElement;
  return `${el.dataset.r},${el.dataset.c}`;
};

describe('gridMove', () => {
  const at = { r: 5, c: 2 };
  it('moves one cell with the arrows, ten rows with PageUp/PageDown, to the row ends with Home/End', () => {
    expect(gridMove('ArrowUp', false, at, 20, 6)).toEqual({ r: 4, c: 2 });
    expect(gridMove('ArrowDown', false, at, 20, 6)).toEqual({ r: 6, c: 2 });
    expect(gridMove('ArrowLeft', false, at, 20, 6)).toEqual({ r: 5, c: 1 });
    expect(gridMove('ArrowRight', false, at, 20, 6)).toEqual({ r: 5, c: 3 });
    expect(gridMove('PageDown', false, at, 20, 6)).toEqual({ r: 15, c: 2 });
    expect(gridMove('Home', false, at, 20, 6)).toEqual({ r: 5, c: 0 });
    expect(gridMove('End', false, at, 20, 6)).toEqual({ r: 5, c: 5 });
  });
  it('goes to the corners with Ctrl+Home / Ctrl+End and stays inside the grid', () => {
    expect(gridMove('Home', true, at, 20, 6)).toEqual({ r: 0, c: 0 });
    expect(gridMove('End', true, at, 20, 6)).toEqual({ r: 19, c: 5 });
    expect(gridMove('PageUp', false, at, 20, 6)).toEqual({ r: 0, c: 2 });
    expect(gridMove('ArrowUp', false, { r: 0, c: 0 }, 20, 6)).toEqual({ r: 0, c: 0 });
    expect(gridMove('ArrowRight', false, { r: 0, c: 5 }, 20, 6)).toEqual({ r: 0, c: 5 });
  });
  it('is null for keys that do not move', () => {
    expect(gridMove('Enter', false, at, 20, 6)).toBeNull();
    expect(gridMove('a', false, at, 20, 6)).toBeNull();
  });
});

describe('useGridFocus', () => {
  it('has one tab stop, which the arrow keys, Home and End move together with the focus', async () => {
    const user = userEvent.setup();
    const { container } = render(<Grid rows={3} cols={4} />);
    expect(stops(container)).toEqual(['0,0']);
    await user.tab();
    expect(focused()).toBe('0,0');
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(focused()).toBe('1,2');
    expect(stops(container)).toEqual(['1,2']);
    await user.keyboard('{End}');
    expect(focused()).toBe('1,3');
    await user.keyboard('{Home}');
    expect(focused()).toBe('1,0');
    await user.keyboard('{Control>}{End}{/Control}');
    expect(focused()).toBe('2,3');
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(focused()).toBe('0,0');
    await user.keyboard('{ArrowUp}{ArrowLeft}');
    expect(focused()).toBe('0,0');
    await user.keyboard('{PageDown}');
    expect(focused()).toBe('2,0');
    expect(stops(container)).toEqual(['2,0']);
    // Tab leaves the grid (one tab stop), Shift+Tab comes back to the same cell.
    await user.tab();
    expect(document.activeElement).toBe(document.body);
    await user.tab({ shift: true });
    expect(focused()).toBe('2,0');
  });

  it('activates the cell with Enter or Space, and a click makes a cell the tab stop', async () => {
    const user = userEvent.setup();
    const onActivate = vi.fn();
    const { container } = render(<Grid rows={3} cols={4} onActivate={onActivate} />);
    await user.click(screen.getByTestId('1,1'));
    expect(stops(container)).toEqual(['1,1']);
    await user.keyboard('{Enter}');
    expect(onActivate).toHaveBeenLastCalledWith({ r: 1, c: 1 });
    await user.keyboard('{ArrowRight} ');
    expect(onActivate).toHaveBeenLastCalledWith({ r: 1, c: 2 });
    expect(onActivate).toHaveBeenCalledTimes(2);
    // Arrow keys do not scroll the page; other keys pass through.
    expect(fireEvent.keyDown(screen.getByTestId('1,2'), { key: 'ArrowDown' })).toBe(false);
    expect(fireEvent.keyDown(screen.getByTestId('2,2'), { key: 'x' })).toBe(true);
  });

  it('follows a given cell, and keeps the tab stop inside a grid that shrank', () => {
    const { container, rerender } = render(<Grid rows={3} cols={4} follow={{ r: 2, c: 3 }} />);
    expect(stops(container)).toEqual(['2,3']);
    rerender(<Grid rows={2} cols={2} follow={{ r: 2, c: 3 }} />);
    expect(stops(container)).toEqual(['1,1']);
    rerender(<Grid rows={3} cols={4} follow={{ r: 0, c: 1 }} />);
    expect(stops(container)).toEqual(['0,1']);
  });
});
