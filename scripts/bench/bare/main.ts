/**
 * The benchmark's baseline: plain TypeScript + maplibre-gl, no React, no store. It loads the same places.geojson
 * and draws the same kinds of layers as the explorer, so the explorer's extra cost over MapLibre can be measured.
 * `window.__bare.setIndustry(id)` is the "equivalent style change" to choosing an industry in the explorer: one
 * setPaintProperty with the roles of that industry precomputed.
 */
/// <reference types="vite/client" />
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AssignmentsFile, PlacesCollection, Role } from '../../../src/domain/types.ts';

setWorkerUrl(workerUrl);

const ROLE_COLOURS: Record<Role, string> = { core: '#b2182b', focus: '#ef8a62', supporting: '#fddbc7' };
const RANK: Record<Role, number> = { core: 0, focus: 1, supporting: 2 };
const EMPTY = '#f2f2f2';

declare global {
  interface Window {
    __jxMap?: MapLibreMap;
    __bare?: { industries: string[]; setIndustry(id: string | null): void };
  }
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

async function loadFaces(): Promise<{ url: string; 'unicode-range': string[] }[] | null> {
  try {
    const faces = await fetchJson<{ file: string; ranges: string[] }[]>('fonts/sc/faces.json');
    const base = new URL('fonts/sc/', document.baseURI).href;
    return faces.map((f) => ({ url: base + f.file, 'unicode-range': f.ranges }));
  } catch {
    return null;
  }
}

function colourExpression(roles: Map<string, Role>): ExpressionSpecification | string {
  if (roles.size === 0) return EMPTY;
  const byRole: Record<Role, string[]> = { core: [], focus: [], supporting: [] };
  for (const [place, role] of roles) byRole[role].push(place);
  const expr: unknown[] = ['match', ['get', 'pid']];
  for (const role of ['core', 'focus', 'supporting'] as Role[]) {
    if (byRole[role].length > 0) expr.push(byRole[role], ROLE_COLOURS[role]);
  }
  expr.push(EMPTY);
  return expr as ExpressionSpecification;
}

async function main() {
  const [places, assignments, faces] = await Promise.all([
    fetchJson<PlacesCollection>('data/places.geojson'),
    fetchJson<AssignmentsFile>('data/assignments.json'),
    loadFaces(),
  ]);
  // Precomputed per industry: strongest role per place (what the explorer's selector computes).
  const rolesByIndustry = new Map<string, Map<string, Role>>();
  for (const a of assignments.assignments) {
    let roles = rolesByIndustry.get(a.industry);
    if (!roles) {
      roles = new Map();
      rolesByIndustry.set(a.industry, roles);
    }
    const prev = roles.get(a.place);
    if (!prev || RANK[a.role] < RANK[prev]) roles.set(a.place, a.role);
  }
  const data = {
    type: 'FeatureCollection' as const,
    features: places.features
      .filter((f) => f.geometry)
      .map((f) => ({ ...f, properties: { ...f.properties, pid: f.id, aliases: undefined, members: undefined } })),
  };
  const font = faces ? ['Noto Sans SC'] : ['sans-serif'];
  const style: StyleSpecification = {
    version: 8,
    ...(faces ? { 'font-faces': { 'Noto Sans SC': faces } } : {}),
    sources: { places: { type: 'geojson', data: data as never, promoteId: 'pid' } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      {
        id: 'county-fill',
        type: 'fill',
        source: 'places',
        filter: ['==', ['get', 'level'], 'county'],
        paint: { 'fill-color': EMPTY, 'fill-opacity': 0.9 },
      },
      {
        id: 'city-fill',
        type: 'fill',
        source: 'places',
        filter: ['==', ['get', 'level'], 'city'],
        paint: { 'fill-color': EMPTY, 'fill-opacity': 0.6 },
      },
      {
        id: 'county-line',
        type: 'line',
        source: 'places',
        filter: ['==', ['get', 'level'], 'county'],
        paint: { 'line-color': '#ffffff', 'line-width': 0.5 },
      },
      {
        id: 'city-line',
        type: 'line',
        source: 'places',
        filter: ['==', ['get', 'level'], 'city'],
        paint: { 'line-color': '#555555', 'line-width': 1.2 },
      },
      {
        id: 'park-circle',
        type: 'circle',
        source: 'places',
        filter: ['==', ['get', 'level'], 'park'],
        paint: {
          'circle-radius': 3,
          'circle-color': '#333333',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      },
      {
        id: 'city-label',
        type: 'symbol',
        source: 'places',
        filter: ['==', ['get', 'level'], 'city'],
        layout: { 'text-field': ['get', 'zh'], 'text-font': font, 'text-size': 13 },
        paint: { 'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
    ],
  };
  const map = new MapLibreMap({
    container: 'map',
    style,
    bounds: [
      [113.5, 24.45],
      [118.5, 30.1],
    ],
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
  });
  window.__jxMap = map;
  window.__bare = {
    industries: [...rolesByIndustry.keys()],
    setIndustry(id) {
      const colour = colourExpression(id ? (rolesByIndustry.get(id) ?? new Map()) : new Map());
      map.setPaintProperty('county-fill', 'fill-color', colour);
      map.setPaintProperty('city-fill', 'fill-color', colour);
    },
  };
}

main().catch((error: unknown) => {
  document.body.textContent = `Bare page failed: ${String(error)}`;
});
