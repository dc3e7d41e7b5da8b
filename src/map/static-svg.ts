/**
 * The map of the default view ("all plans, all industries") as a small SVG, written into index.html at build time
 * (vite.config.ts) so the page shows a painted Jiangxi before any script or data has arrived, and as the map itself
 * when the browser has no WebGL. Pure: places + the default view's fills in, markup out.
 *
 * It draws what the live style (style.ts) draws at the default fit, from the same geometry and colours: counties filled
 * by every claim that reaches them (their city's fill, else the "nothing" grey), white county lines, grey city lines,
 * the dark outline of counties with claims of their own, park points, city labels in both languages (CSS shows the
 * one of `<html lang>`). Macro-region outlines are left out (about a third of the size; they are only outlines). The projection is Web Mercator over the same bounds the live map
 * fits (toSources().bounds), so with the same padding (static-map.css) the live map replaces it without a jump.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { PlaceFeature } from '../domain/types.ts';
import { NO_DATA_COLOR } from '../state/colors.ts';
import { labelPoint, toSources } from './geo.ts';

/**
 * Width of the drawing in SVG units: about the width Jiangxi gets on a laptop screen, so one unit (the grid
 * coordinates are rounded to) is about a pixel there and label and point sizes in units are about pixels.
 */
const WIDTH = 400;

export interface StaticMapInput {
  places: PlaceFeature[];
  /** Fill per place id under the default view (Deriver output). */
  fills: ReadonlyMap<string, string>;
  /** Places with claims of their own under the default view (counties among them get the dark outline). */
  claimed: ReadonlySet<string>;
}

/** Points whose triangle with their neighbours is smaller than this (in grid units²) are dropped. */
const MIN_AREA = 2;

/**
 * Visvalingam-style simplification that keeps shared borders shared: the points where borders meet (on three or more
 * rings, or with different neighbours on different rings) never move, and every other point has the same neighbours
 * on each ring it lies on, so the decision to drop it is the same on both sides of a border. Each round drops the
 * points whose triangle is under `minArea` and smaller than their neighbours' (ties by position), so two neighbours
 * never go in the same round. Returns the dropped points (by key) — apply the same set to the city outlines, which
 * are made of the same points.
 */
export function simplifyShared(rings: [number, number][][], minArea: number): Set<number> {
  const keyOf = (p: [number, number]): number => p[0] * 65536 + p[1];
  const seen = new Map<number, { rings: number; around: string }>();
  const fixed = new Set<number>();
  rings.forEach((ring) => {
    const n = ring.length;
    ring.forEach((p, i) => {
      const k = keyOf(p);
      const a = keyOf(ring[(i + n - 1) % n] as [number, number]);
      const b = keyOf(ring[(i + 1) % n] as [number, number]);
      const around = a < b ? `${a},${b}` : `${b},${a}`;
      const s = seen.get(k);
      if (!s) seen.set(k, { rings: 1, around });
      else {
        s.rings++;
        if (s.rings > 2 || s.around !== around) fixed.add(k);
      }
    });
  });
  const removed = new Set<number>();
  let current = rings.map((r) => [...r]);
  for (let round = 0; round < 40; round++) {
    const area = new Map<number, number>();
    for (const ring of current) {
      const n = ring.length;
      if (n <= 4) continue;
      ring.forEach((p, i) => {
        const k = keyOf(p);
        if (fixed.has(k)) return;
        const a = ring[(i + n - 1) % n] as [number, number];
        const b = ring[(i + 1) % n] as [number, number];
        area.set(k, Math.abs((p[0] - a[0]) * (b[1] - a[1]) - (p[1] - a[1]) * (b[0] - a[0])) / 2);
      });
    }
    const drop = new Set<number>();
    for (const ring of current) {
      const n = ring.length;
      ring.forEach((p, i) => {
        const k = keyOf(p);
        const own = area.get(k);
        if (own === undefined || own >= minArea) return;
        const smaller = (q: [number, number]) => {
          const kq = keyOf(q);
          const aq = area.get(kq) ?? Number.POSITIVE_INFINITY;
          return own < aq || (own === aq && k < kq);
        };
        if (smaller(ring[(i + n - 1) % n] as [number, number]) && smaller(ring[(i + 1) % n] as [number, number]))
          drop.add(k);
      });
    }
    if (drop.size === 0) break;
    for (const k of drop) removed.add(k);
    current = current.map((r) => r.filter((p) => !drop.has(keyOf(p))));
  }
  return removed;
}

const mercY = (lat: number): number => {
  const phi = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
};
const mercX = (lon: number): number => (lon + 180) / 360;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Pt = [number, number];
const keyOf = (p: Pt): number => p[0] * 65536 + p[1];

/** Web Mercator onto the drawing's integer grid: WIDTH units across the bounds, north up. */
function gridProjection([w, s, e, n]: readonly number[]) {
  const x0 = mercX(w ?? 0);
  const y0 = mercY(n ?? 0);
  const k = WIDTH / (mercX(e ?? 0) - x0);
  return {
    height: Math.round((mercY(s ?? 0) - y0) * k),
    project: ([lon = 0, lat = 0]: Position): Pt => [
      Math.round((mercX(lon) - x0) * k),
      Math.round((mercY(lat) - y0) * k),
    ],
  };
}

/** Rings on the grid, without consecutive duplicates or the closing point. */
function ringsOf(g: Polygon | MultiPolygon, project: (p: Position) => Pt): Pt[][] {
  const out: Pt[][] = [];
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    for (const ring of poly) {
      const pts: Pt[] = [];
      for (const pos of ring) {
        const p = project(pos);
        const last = pts[pts.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
      }
      const first = pts[0];
      const last = pts[pts.length - 1];
      if (pts.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) pts.pop();
      if (pts.length >= 3) out.push(pts);
    }
  return out;
}

/** An SVG path with relative moves, leaving out the points the shared simplification removed. */
function pathOf(rings: Pt[][], removed: ReadonlySet<number>): string {
  return rings
    .map((ring) => ring.filter((p) => !removed.has(keyOf(p))))
    .filter((ring) => ring.length >= 3)
    .map((ring) => {
      let d = '';
      ring.forEach((p, i) => {
        const prev = ring[i - 1];
        if (!prev) d = `M${p[0]} ${p[1]}l`;
        else {
          const dx = p[0] - prev[0];
          const dy = p[1] - prev[1];
          d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy < 0 ? '' : ' '}${dy}`;
        }
      });
      return `${d}z`;
    })
    .join('');
}

/** Counties grouped by the colour they show (their own fill, else their city's), so each colour is written once. */
function countyLayers(
  counties: PlaceFeature[],
  paths: (c: PlaceFeature) => string,
  colourOf: (c: PlaceFeature) => string,
  claimed: ReadonlySet<string>,
): { groups: string; ownLines: string } {
  const byColor = new Map<string, string[]>();
  const ownIds: string[] = [];
  for (const c of counties) {
    const id = `sm-${c.id}`;
    const d = paths(c);
    if (!d) continue;
    const color = colourOf(c);
    byColor.set(color, [...(byColor.get(color) ?? []), `<path id="${id}" d="${d}"/>`]);
    if (claimed.has(c.id)) ownIds.push(id);
  }
  const groups = [...byColor]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([color, list]) => `<g fill="${color}">${list.join('')}</g>`)
    .join('');
  return { groups, ownLines: ownIds.map((id) => `<use href="#${id}"/>`).join('') };
}

export function staticMapSvg({ places, fills, claimed }: StaticMapInput): string {
  const { height, project } = gridProjection(toSources(places).bounds);
  const level = (l: string) => places.filter((p) => p.properties.level === l && p.geometry);
  const cities = level('city');
  const counties = level('county');
  const cityFill = new Map(cities.map((c) => [c.id, fills.get(c.id) ?? NO_DATA_COLOR]));
  const countyRings = new Map(counties.map((c) => [c.id, ringsOf(c.geometry as Polygon | MultiPolygon, project)]));
  const removed = simplifyShared([...countyRings.values()].flat(), MIN_AREA);

  const county = countyLayers(
    counties,
    (c) => pathOf(countyRings.get(c.id) ?? [], removed),
    (c) => fills.get(c.id) ?? cityFill.get(c.properties.city ?? '') ?? NO_DATA_COLOR,
    claimed,
  );
  const cityLines = cities
    .map(
      (c) => `<path id="sm-${c.id}" d="${pathOf(ringsOf(c.geometry as Polygon | MultiPolygon, project), removed)}"/>`,
    )
    .join('');
  const parks = places
    .filter((p) => p.properties.level === 'park' && p.geometry?.type === 'Point')
    .map((p) => {
      const [x, y] = project((p.geometry as { coordinates: Position }).coordinates);
      return `<circle cx="${x}" cy="${y}" r="4.5" fill="${fills.get(p.id) ?? '#ffffff'}"/>`;
    })
    .join('');
  const labels = cities
    .map((c) => {
      const [x, y] = project(labelPoint(c.geometry as Polygon | MultiPolygon));
      return (
        `<text x="${x}" y="${y}"><tspan class="sm-zh">${esc(c.properties.zh)}</tspan>` +
        `<tspan class="sm-en" x="${x}">${esc(c.properties.en)}</tspan></text>`
      );
    })
    .join('');

  // static-map.css sets vector-effect: line widths are screen pixels (the live map's at its default zoom) at any size.
  return (
    `<svg class="static-map-svg" viewBox="0 0 ${WIDTH} ${height}" preserveAspectRatio="xMidYMid meet" ` +
    `aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">` +
    `<g stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">${county.groups}</g>` +
    `<g fill="none" stroke="#6b6b66" stroke-width="1.1" stroke-linejoin="round">${cityLines}</g>` +
    `<g fill="none" stroke="#1d1d1b" stroke-opacity="0.9" stroke-width="1.6" stroke-linejoin="round">${county.ownLines}</g>` +
    `<g stroke="#555550" stroke-width="1">${parks}</g>` +
    `<g class="sm-labels" font-size="12" text-anchor="middle" dominant-baseline="middle" fill="#1d1d1b" ` +
    `stroke="#ffffff" stroke-opacity="0.9" stroke-width="3" paint-order="stroke" stroke-linejoin="round">${labels}</g>` +
    '</svg>'
  );
}

/** Captions in both languages; CSS shows the one matching `<html lang>` (the markup is there before any script). */
export const STATIC_MAP_CAPTION = {
  zh: '预览图（默认视图：全部规划、全部产业）',
  en: 'Preview (default view: all plans, all industries)',
} as const;

/** The element index.html carries in the map's place: the SVG and a caption that says it is a preview. */
export function staticMapMarkup(input: StaticMapInput): string {
  return (
    '<div class="static-map" id="static-map" data-testid="static-map">' +
    staticMapSvg(input) +
    `<p class="static-map-caption"><span lang="zh-CN">${STATIC_MAP_CAPTION.zh}</span>` +
    `<span lang="en">${STATIC_MAP_CAPTION.en}</span></p></div>`
  );
}
