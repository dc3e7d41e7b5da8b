/**
 * A roving focus over a grid of cells (the APG "grid" pattern, written by hand: a library would cost more JS than
 * this). One cell is the tab stop (tabIndex 0, the rest -1); the arrow keys, Home/End (Ctrl: the grid's corners)
 * and PageUp/PageDown (ten rows) move it and the focus; Enter or Space activates it. Cells are found in the
 * container by their data-r / data-c attributes.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';

export interface GridPos {
  r: number;
  c: number;
}

const clamp = (n: number, size: number) => Math.max(0, Math.min(size - 1, n));

/** Where a key moves the focus from `at` in a grid of rows × cols (clamped to the grid); null: not a move key. */
export function gridMove(key: string, ctrl: boolean, at: GridPos, rows: number, cols: number): GridPos | null {
  const { r, c } = at;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [r - 1, c],
    ArrowDown: [r + 1, c],
    ArrowLeft: [r, c - 1],
    ArrowRight: [r, c + 1],
    Home: ctrl ? [0, 0] : [r, 0],
    End: ctrl ? [rows - 1, cols - 1] : [r, cols - 1],
    PageUp: [r - 10, c],
    PageDown: [r + 10, c],
  };
  const to = moves[key];
  return to ? { r: clamp(to[0], rows), c: clamp(to[1], cols) } : null;
}

/**
 * The roving focus of a rows × cols grid. `follow`: a cell to make the tab stop whenever it changes (e.g. the open
 * cell after a re-sort). `onActivate`: Enter or Space on a cell. Put `ref` on the container and `onKeyDown` on each
 * cell (with data-r, data-c and tabIndex={tabIndex(r, c)}); `select` makes a clicked cell the tab stop.
 */
export function useGridFocus<T extends HTMLElement>(
  rows: number,
  cols: number,
  follow: GridPos | null,
  onActivate: (at: GridPos) => void,
) {
  const ref = useRef<T>(null);
  const [active, select] = useState<GridPos>({ r: 0, c: 0 });
  // Fewer rows or columns than before (a filter): the tab stop stays inside the grid.
  const r = Math.min(active.r, Math.max(0, rows - 1));
  const c = Math.min(active.c, Math.max(0, cols - 1));

  useEffect(() => {
    if (follow) select((a) => (a.r === follow.r && a.c === follow.c ? a : follow));
  }, [follow]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (!cell) return;
    const at = { r: Number(cell.dataset.r), c: Number(cell.dataset.c) };
    const to = gridMove(e.key, e.ctrlKey, at, rows, cols);
    if (to) {
      e.preventDefault();
      select(to);
      ref.current?.querySelector<HTMLElement>(`[data-r="${to.r}"][data-c="${to.c}"]`)?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(at);
    }
  };

  return { ref, tabIndex: (ri: number, ci: number) => (ri === r && ci === c ? 0 : -1), onKeyDown, select };
}
