/**
 * The static map of the default view, kept across React renders. index.html carries it (written at build time,
 * src/map/static-svg.ts) so it paints with the HTML; React would replace it with its own markup, so `main.tsx` takes
 * the element before React's first render and this component moves it into its box in a layout effect (same commit,
 * before the browser paints: it never disappears between the shell and the explorer).
 */
import { useLayoutEffect, useRef } from 'react';

let node: HTMLElement | null | undefined;

/** Called once in main.tsx, before React renders: remembers the element index.html carries (if any). */
export function takeStaticMap(): HTMLElement | null {
  if (node === undefined) node = typeof document === 'undefined' ? null : document.getElementById('static-map');
  return node ?? null;
}

/** Marks one place on the static map (a red outline), or none; a no-op for places it does not draw. */
export function markStaticPlace(id: string | null): void {
  const svg = takeStaticMap()?.querySelector('svg');
  if (!svg) return;
  svg.querySelector('.selected')?.remove();
  const shape = id ? svg.querySelector(`[id="sm-${CSS.escape(id)}"]`) : null;
  if (!shape) return;
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', `#sm-${id}`);
  use.setAttribute('class', 'selected');
  svg.appendChild(use);
}

export function StaticMap({ hidden = false }: { hidden?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = takeStaticMap();
    if (el && ref.current && el.parentElement !== ref.current) ref.current.appendChild(el);
  });
  useLayoutEffect(() => {
    const el = takeStaticMap();
    if (el) el.hidden = hidden;
  }, [hidden]);
  return <div ref={ref} className="static-map-slot" />;
}
