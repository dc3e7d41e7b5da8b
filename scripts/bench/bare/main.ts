/**
 * The benchmark's baseline: plain TypeScript + maplibre-gl, no React, no store. It uses the app's own style
 * (src/map/style.ts) and source preparation (src/map/geo.ts) on the same places.geojson and fonts, so the
 * explorer's extra cost over MapLibre itself can be measured.
 *
 * `window.__bare.setIndustry(id, mode)` is the "equivalent style change" to choosing an industry in the explorer,
 * with each industry's fills precomputed at load: mode 'state' applies them as a feature-state diff (the mechanism
 * the explorer uses), mode 'paint' as one setPaintProperty with a `match` expression per fill layer.
 */
/// <reference types="vite/client" />
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { isStrongerRole } from '../../../src/domain/roles.ts';
import type { AssignmentsFile, IndustriesFile, PlacesCollection, Role } from '../../../src/domain/types.ts';
import { toSources } from '../../../src/map/geo.ts';
import { buildStyle, FONT, LAYERS, SOURCES } from '../../../src/map/style.ts';
import { NO_DATA_COLOR, roleColor } from '../../../src/state/colors.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    __jxMap?: MapLibreMap;
    __bare?: { industries: string[]; setIndustry(id: string | null, mode?: 'state' | 'paint'): void };
  }
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Fills per industry (the industry and its descendants): strongest role of each place → its colour. */
function fillsByIndustry(assignments: AssignmentsFile, industries: IndustriesFile): Map<string, Map<string, string>> {
  const parent = new Map(industries.industries.map((i) => [i.id, i.parent]));
  const roles = new Map<string, Map<string, Role>>();
  for (const a of assignments.assignments) {
    for (let id: string | null | undefined = a.industry; id; id = parent.get(id)) {
      let byPlace = roles.get(id);
      if (!byPlace) {
        byPlace = new Map();
        roles.set(id, byPlace);
      }
      const prev = byPlace.get(a.place);
      if (!prev || isStrongerRole(a.role, prev)) byPlace.set(a.place, a.role);
    }
  }
  const out = new Map<string, Map<string, string>>();
  for (const [id, byPlace] of roles) out.set(id, new Map([...byPlace].map(([p, r]) => [p, roleColor(r)])));
  return out;
}

async function main() {
  const [places, assignments, industries] = await Promise.all([
    fetchJson<PlacesCollection>('data/places.geojson'),
    fetchJson<AssignmentsFile>('data/assignments.json'),
    fetchJson<IndustriesFile>('data/industries.json'),
  ]);
  const sources = toSources(places.features);
  const fills = fillsByIndustry(assignments, industries);
  const sourceOf = new Map<string, string>();
  for (const f of sources.areas.features) sourceOf.set(f.properties.pid, SOURCES.areas);
  for (const f of sources.points.features) sourceOf.set(f.properties.pid, SOURCES.points);

  const [w, s, e, n] = sources.bounds;
  const map = new MapLibreMap({
    container: 'map',
    style: buildStyle('zh'),
    bounds: [w, s, e, n],
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
  });
  window.__jxMap = map;
  map.on('load', () => {
    (map.getSource(SOURCES.areas) as GeoJSONSource).setData(sources.areas);
    (map.getSource(SOURCES.points) as GeoJSONSource).setData(sources.points);
    (map.getSource(SOURCES.labels) as GeoJSONSource).setData(sources.labels);
  });
  void fetchJson<{ file: string; ranges: string[] }[]>('fonts/sc/faces.json')
    .then((faces) =>
      map.setFontFaces({
        [FONT]: faces.map((f) => ({
          url: new URL(`fonts/sc/${f.file}`, document.baseURI).href,
          'unicode-range': f.ranges,
        })),
      }),
    )
    .catch(() => undefined);

  let applied = new Map<string, string>();
  window.__bare = {
    industries: [...fills.keys()],
    setIndustry(id, mode = 'state') {
      const next = (id && fills.get(id)) || new Map<string, string>();
      if (mode === 'paint') {
        const ids = [...next.keys()];
        const colour = (fallback: string): ExpressionSpecification | string =>
          ids.length
            ? (['match', ['get', 'pid'], ...ids.flatMap((p) => [p, next.get(p) as string]), fallback] as never)
            : fallback;
        map.setPaintProperty(LAYERS.cityFill, 'fill-color', colour(NO_DATA_COLOR));
        map.setPaintProperty(LAYERS.countyFill, 'fill-color', colour('rgba(0,0,0,0)'));
      } else {
        for (const [p, c] of next)
          if (applied.get(p) !== c)
            map.setFeatureState({ source: sourceOf.get(p) ?? SOURCES.areas, id: p }, { fill: c });
        for (const p of applied.keys())
          if (!next.has(p)) map.setFeatureState({ source: sourceOf.get(p) ?? SOURCES.areas, id: p }, { fill: null });
      }
      applied = next;
    },
  };
}

main().catch((error: unknown) => {
  document.body.textContent = `Bare page failed: ${String(error)}`;
});
