/**
 * The static map of the default view, kept across React renders. index.html carries it (written at build time,
 * src/map/static-svg.ts) so it paints with the HTML; React would replace it with its own markup, so `main.tsx` takes
 * the element before React's first render and this component moves it into its box in a layout effect (same commit,
 * before the browser paints: it never disappears between the shell and the explorer).
 */
import { useLayoutEffect, useRef } from 'react';
import { bestFitPadding } from './fit.ts';

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

/**
 * Places the drawing where the live map's default fit puts the province: the same paddings (fit.ts, the legend's
 * strip on the left or at the bottom, whichever shows it larger) for the legend measured now.
 */
function frameStaticMap(el: HTMLElement): void {
  const svg = el.querySelector<SVGSVGElement>('svg.static-map-svg');
  const box = svg?.viewBox?.baseVal;
  if (!svg || !box || box.width <= 0 || box.height <= 0) return;
  const size = { width: el.clientWidth, height: el.clientHeight };
  if (size.width <= 0 || size.height <= 0) return;
  const legend = el.closest('.map-layer')?.querySelector<HTMLElement>('[data-testid="legend"]');
  const legendBox = legend ? { width: legend.offsetWidth, height: legend.offsetHeight } : null;
  const p = bestFitPadding(size, legendBox, { width: box.width, height: box.height });
  // Custom properties on the box (static-map.css reads them), so the SVG itself keeps its markup's attributes.
  el.style.setProperty('--sm-top', `${p.top}px`);
  el.style.setProperty('--sm-left', `${p.left}px`);
  el.style.setProperty('--sm-width', `${Math.max(0, size.width - p.left - p.right)}px`);
  el.style.setProperty('--sm-height', `${Math.max(0, size.height - p.top - p.bottom)}px`);
}

export function StaticMap({ hidden = false }: { hidden?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = takeStaticMap();
    if (el && ref.current && el.parentElement !== ref.current) ref.current.appendChild(el);
  });
  // Framed in the same commit as the move (before paint), and again when the map box or the legend changes size.
  useLayoutEffect(() => {
    const el = takeStaticMap();
    if (!el || !ref.current) return;
    frameStaticMap(el);
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => frameStaticMap(el));
    observer.observe(el);
    const legend = el.closest('.map-layer')?.querySelector<HTMLElement>('[data-testid="legend"]');
    if (legend) observer.observe(legend);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    const el = takeStaticMap();
    if (el) el.hidden = hidden;
  }, [hidden]);
  return <div ref={ref} className="static-map-slot" />;
}
