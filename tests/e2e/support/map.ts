/**
 * Looking at the map the way a user sees it: which places are painted (rendered features), what colour the pixels
 * of a place have (read back from the WebGL drawing buffer right after a frame), and where on screen to click one.
 * Layer and source ids are the app's (src/map/style.ts, docs/app.md).
 */
import type { Page } from 'playwright-core';

export const FILL_LAYERS = ['city-fill', 'county-fill', 'area-fill'];

export interface CanvasSummary {
  width: number;
  height: number;
  /** Share of pixels that differ from the background colour. */
  painted: number;
  /** The most common colours (hex) with their share of pixels. */
  top: { hex: string; share: number }[];
}

/** Reads the whole drawing buffer during the next frame and summarises its colours. */
export async function canvasSummary(page: Page, background: string): Promise<CanvasSummary> {
  return page.evaluate(
    (bg) =>
      new Promise<CanvasSummary>((resolve, reject) => {
        const map = window.__jxMap;
        if (!map) return reject(new Error('window.__jxMap is missing'));
        const canvas = map.getCanvas();
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
        if (!gl) return reject(new Error('the map canvas has no WebGL context'));
        map.once('render', () => {
          const { width, height } = canvas;
          const px = new Uint8Array(width * height * 4);
          gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, px);
          const counts = new Map<string, number>();
          const target = Number.parseInt(bg.slice(1), 16);
          let painted = 0;
          for (let i = 0; i < px.length; i += 4) {
            const v = ((px[i] ?? 0) << 16) | ((px[i + 1] ?? 0) << 8) | (px[i + 2] ?? 0);
            if (v !== target) painted++;
            const hex = `#${v.toString(16).padStart(6, '0')}`;
            counts.set(hex, (counts.get(hex) ?? 0) + 1);
          }
          const total = width * height;
          const top = [...counts]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 8)
            .map(([hex, n]) => ({ hex, share: n / total }));
          resolve({ width, height, painted: painted / total, top });
        });
        map.triggerRepaint();
      }),
    background,
  );
}

export interface PlaceOnScreen {
  /** CSS pixels relative to the map canvas, inside the place and on its fill. */
  points: { x: number; y: number }[];
  /** The point nearest the middle of those, for clicking. */
  centre: { x: number; y: number } | null;
}

/** Screen points (a grid over the place's bounding box) where the place's fill is the rendered fill feature. */
export async function placeOnScreen(page: Page, id: string, layer = 'city-fill'): Promise<PlaceOnScreen> {
  return page.evaluate(
    ({ id, layer }) => {
      const map = window.__jxMap;
      if (!map) throw new Error('window.__jxMap is missing');
      const mine = map.queryRenderedFeatures({ layers: [layer] }).filter((f) => String(f.properties.pid) === id);
      let [w, s, e, n] = [180, 90, -180, -90];
      const visit = (c: unknown): void => {
        if (Array.isArray(c) && typeof c[0] === 'number') {
          const [x, y] = c as [number, number];
          w = Math.min(w, x);
          e = Math.max(e, x);
          s = Math.min(s, y);
          n = Math.max(n, y);
        } else if (Array.isArray(c)) for (const d of c) visit(d);
      };
      for (const f of mine) visit((f.geometry as { coordinates: unknown }).coordinates);
      if (mine.length === 0) return { points: [], centre: null };
      const a = map.project([w, n]);
      const b = map.project([e, s]);
      const points: { x: number; y: number }[] = [];
      const steps = 12;
      for (let i = 1; i < steps; i++)
        for (let j = 1; j < steps; j++) {
          const x = a.x + ((b.x - a.x) * i) / steps;
          const y = a.y + ((b.y - a.y) * j) / steps;
          const hits = map.queryRenderedFeatures([x, y], { layers: [layer] });
          if (hits.some((h) => String(h.properties.pid) === id)) points.push({ x, y });
        }
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      const centre = points.reduce<{ x: number; y: number } | null>(
        (best, p) => (!best || Math.hypot(p.x - mx, p.y - my) < Math.hypot(best.x - mx, best.y - my) ? p : best),
        null,
      );
      return { points, centre };
    },
    { id, layer },
  );
}

/** Colours (hex) of the drawing buffer at the given CSS-pixel points, read during the next frame. */
export async function pixelsAt(page: Page, points: { x: number; y: number }[]): Promise<string[]> {
  return page.evaluate(
    (pts) =>
      new Promise<string[]>((resolve, reject) => {
        const map = window.__jxMap;
        if (!map) return reject(new Error('window.__jxMap is missing'));
        const canvas = map.getCanvas();
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        const ratio = canvas.width / canvas.clientWidth;
        map.once('render', () => {
          const px = new Uint8Array(4);
          resolve(
            pts.map(({ x, y }) => {
              gl.readPixels(
                Math.round(x * ratio),
                canvas.height - 1 - Math.round(y * ratio),
                1,
                1,
                gl.RGBA,
                gl.UNSIGNED_BYTE,
                px,
              );
              return `#${[px[0], px[1], px[2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
            }),
          );
        });
        map.triggerRepaint();
      }),
    points,
  );
}

/** The fill colour the app asked for (feature-state `fill`) per place id, for the given ids. */
export async function fillStates(page: Page, ids: string[]): Promise<Record<string, string | null>> {
  return page.evaluate((list) => {
    const map = window.__jxMap;
    if (!map) throw new Error('window.__jxMap is missing');
    const out: Record<string, string | null> = {};
    for (const id of list) {
      const state = map.getFeatureState({ source: 'areas', id }) as { fill?: string | null };
      out[id] = state.fill ?? null;
    }
    return out;
  }, ids);
}

/** Unique place ids painted in the given layers in the current view. */
export async function renderedPlaceIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ls) => {
    const map = window.__jxMap;
    if (!map) throw new Error('window.__jxMap is missing');
    const existing = ls.filter((l) => map.getLayer(l));
    return [...new Set(map.queryRenderedFeatures({ layers: existing }).map((f) => String(f.properties.pid)))].sort();
  }, layers);
}

/** Distance between two hex colours in RGB (0–441). */
export function colourDistance(a: string, b: string): number {
  const p = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  const [x, y] = [p(a), p(b)];
  return Math.hypot(...x.map((v, i) => v - (y[i] ?? 0)));
}
