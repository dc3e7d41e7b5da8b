/**
 * The map style as plain data: sources are filled by ExplorerMap, colours come from feature-state (set by the
 * explorer from the current filter), so filter changes never re-set data. No `glyphs` key: labels are drawn in the
 * browser from the `font-faces` the app serves itself (see docs/app.md).
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from '../state/colors.ts';

export const FONT = 'Noto Sans SC';

/** Layer ids the e2e tests and benchmarks may rely on (documented in docs/app.md). */
export const LAYERS = {
  cityFill: 'city-fill',
  countyFill: 'county-fill',
  areaFill: 'area-fill',
  countyLine: 'county-line',
  cityLine: 'city-line',
  macroLine: 'macro-line',
  countyOwnLine: 'county-own-line',
  highlight: 'place-highlight',
  parks: 'park-points',
  parksHalo: 'park-points-halo',
  parksMatch: 'park-points-match',
  cityLabels: 'city-labels',
  countyLabels: 'county-labels',
  parkLabels: 'park-labels',
} as const;

export const SOURCES = { areas: 'areas', points: 'points', labels: 'labels' } as const;

const fill = (fallback: string): ExpressionSpecification => [
  'to-color',
  ['coalesce', ['feature-state', 'fill'], fallback],
];
const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

export function nameField(lang: 'zh' | 'en'): ExpressionSpecification {
  return ['get', lang === 'zh' ? 'name_zh' : 'name_en'];
}

export function buildStyle(lang: 'zh' | 'en'): StyleSpecification {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  const text = {
    'text-font': [FONT],
    'text-field': nameField(lang),
    'text-max-width': 8,
  };
  const halo = { 'text-color': '#1d1d1b', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 };
  return {
    version: 8,
    sources: {
      [SOURCES.areas]: { type: 'geojson', data: empty, promoteId: 'pid' },
      [SOURCES.points]: { type: 'geojson', data: empty, promoteId: 'pid' },
      [SOURCES.labels]: { type: 'geojson', data: empty },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3f1ec' } },
      {
        id: LAYERS.cityFill,
        type: 'fill',
        source: SOURCES.areas,
        filter: ['==', ['get', 'level'], 'city'],
        paint: { 'fill-color': fill(NO_DATA_COLOR) },
      },
      {
        // Counties sit on their city. Each is filled by every claim that reaches it (its own and its city's, see
        // placeFills), so no county looks "less" than the city around it; counties with claims of their own get
        // an outline (county-own-line).
        id: LAYERS.countyFill,
        type: 'fill',
        source: SOURCES.areas,
        filter: ['==', ['get', 'level'], 'county'],
        paint: { 'fill-color': fill('rgba(0,0,0,0)') },
      },
      {
        // New areas (赣江新区) overlap their cities: never filled, so what lies below stays readable. The layer is
        // kept (invisible) for clicks; macro-casing/macro-line outline them while they carry a claim.
        id: LAYERS.areaFill,
        type: 'fill',
        source: SOURCES.areas,
        filter: ['==', ['get', 'level'], 'newarea'],
        paint: { 'fill-color': '#000000', 'fill-opacity': 0 },
      },
      {
        id: LAYERS.countyLine,
        type: 'line',
        source: SOURCES.areas,
        filter: ['==', ['get', 'level'], 'county'],
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.3, 9, 1.2] },
      },
      {
        id: LAYERS.cityLine,
        type: 'line',
        source: SOURCES.areas,
        filter: ['==', ['get', 'level'], 'city'],
        paint: { 'line-color': '#6b6b66', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 2] },
      },
      {
        // Counties with claims of their own: an outline that reads as "has its own claims" (legend), not a lighter fill.
        id: LAYERS.countyOwnLine,
        type: 'line',
        source: SOURCES.areas,
        filter: ['==', ['get', 'level'], 'county'],
        paint: {
          'line-color': '#1d1d1b',
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.3, 9, 2.6],
          'line-opacity': ['case', state('own'), 0.9, 0],
        },
      },
      {
        // Macro-regions (赣南 …) and new areas: a thin dark dashed outline only while they carry a visible assignment,
        // never a fill, so the cities and counties below stay readable. Their claims are listed in the panel.
        id: LAYERS.macroLine,
        type: 'line',
        source: SOURCES.areas,
        filter: ['in', ['get', 'level'], ['literal', ['macro', 'newarea']]],
        paint: {
          'line-color': '#1d1d1b',
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.2, 9, 2.2],
          'line-dasharray': [3, 2],
          'line-opacity': ['case', ['!=', ['feature-state', 'fill'], null], 0.85, 0],
        },
      },
      {
        id: LAYERS.highlight,
        type: 'line',
        source: SOURCES.areas,
        filter: ['in', ['get', 'level'], ['literal', ['city', 'county', 'newarea', 'macro']]],
        paint: {
          'line-color': ['case', state('selected'), '#d7191c', '#1d1d1b'],
          'line-width': ['case', state('selected'), 3.5, state('hover'), 2, 0],
        },
      },
      {
        // Every park, dimmed: parks that do not match the filter stay findable but recede. A dark outline keeps them
        // visible on any fill.
        id: LAYERS.parks,
        type: 'circle',
        source: SOURCES.points,
        paint: {
          'circle-color': '#ffffff',
          'circle-opacity': 0.6,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 6],
          'circle-stroke-color': ['case', state('selected'), '#d7191c', state('hover'), '#1d1d1b', '#55554f'],
          'circle-stroke-opacity': ['case', state('selected'), 1, state('hover'), 1, 0.7],
          'circle-stroke-width': ['case', state('selected'), 3, state('hover'), 2, 1],
        },
      },
      {
        // Parks that match the filter (feature-state `own`, set by ExplorerMap): a dark halo, so a blue park on a
        // blue county still stands out ... Every park is in these two layers and the others are transparent: drawn
        // above the dimmed layer, the matches come out on top, and a filter change stays a feature-state change (a
        // layer filter would send every point tile back to the worker, ≈ 100 ms before the map is idle again).
        id: LAYERS.parksHalo,
        type: 'circle',
        source: SOURCES.points,
        paint: {
          'circle-color': '#1d1d1b',
          'circle-opacity': ['case', state('own'), 1, 0],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 7.5, 10, 13],
        },
      },
      {
        // ... and on top of it the park in its colour with a white ring, larger than the rest.
        id: LAYERS.parksMatch,
        type: 'circle',
        source: SOURCES.points,
        paint: {
          'circle-color': fill('#ffffff'),
          'circle-opacity': ['case', state('own'), 1, 0],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 4.5, 10, 9.5],
          'circle-stroke-color': ['case', state('selected'), '#d7191c', '#ffffff'],
          'circle-stroke-opacity': ['case', state('own'), 1, 0],
          'circle-stroke-width': ['case', state('selected'), 3, 2],
        },
      },
      {
        id: LAYERS.cityLabels,
        type: 'symbol',
        source: SOURCES.labels,
        filter: ['==', ['get', 'level'], 'city'],
        layout: { ...text, 'text-size': 13 },
        paint: halo,
      },
      {
        id: LAYERS.countyLabels,
        type: 'symbol',
        source: SOURCES.labels,
        minzoom: 7.5,
        filter: ['==', ['get', 'level'], 'county'],
        layout: { ...text, 'text-size': 11 },
        paint: halo,
      },
      {
        id: LAYERS.parkLabels,
        type: 'symbol',
        source: SOURCES.points,
        minzoom: 8.5,
        layout: { ...text, 'text-size': 10, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
        paint: halo,
      },
    ],
  } as StyleSpecification;
}
