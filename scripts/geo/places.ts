/**
 * Gazetteer + the committed county topology → places.geojson: polygons for the province, cities, counties,
 * macro-regions and new areas (dissolved from shared arcs), a point inside the host county for each park.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { merge } from 'topojson-client';
import type { Topology, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon } from 'topojson-specification';
import {
  type PlaceFeature,
  type PlaceGeometry,
  type PlaceLevel,
  type PlaceProperties,
  type PlacesCollection,
  SCHEMA_VERSION,
} from '../../src/domain/types.ts';
import { BuildError } from '../errors.ts';
import type { Gazetteer, GazetteerPlace } from '../gazetteer/types.ts';
import { type AreaCodeRow, loadAreaCodes, makeCodeMapper } from './areacodes.ts';
import type { BoundaryMetadata } from './make-boundaries.ts';
import {
  loadParkPositions,
  loadTownships,
  type ParkPositionEntry,
  resolveParkPositions,
  type TownshipRow,
} from './park-positions.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TOPOLOGY_FILE = `${ROOT}data/boundaries/jiangxi-counties-2016.topo.json`;
const AREACODES_FILE = `${ROOT}data/areacodes-jiangxi.csv`;
/** 4 decimals ≈ 10 m: finer than the source's 1/1024° (≈100 m) grid. */
const DECIMALS = 4;
/** Units created after the boundary vintage may have no single 2016 shape (红谷滩区, 2019, from two units). */
const VINTAGE_YEAR = 2016;

type CountyGeometry = (TopoPolygon | TopoMultiPolygon) & { properties: { code: string; name: string; city: string } };

export interface Boundaries {
  topology: Topology;
  counties: Map<string, CountyGeometry>;
  metadata: BoundaryMetadata;
  /** Any county-level code (2012–2020 and before) → the code of the 2016 shape that stands for it. */
  mapCode: (code: string) => string | undefined;
}

export function loadBoundaries(
  topologyFile = TOPOLOGY_FILE,
  rows: readonly AreaCodeRow[] = loadAreaCodes(AREACODES_FILE),
): Boundaries {
  const topology = JSON.parse(readFileSync(topologyFile, 'utf8')) as Topology & { metadata: BoundaryMetadata };
  const object = topology.objects.counties;
  if (object?.type !== 'GeometryCollection') throw new BuildError(topologyFile, 0, 'no "counties" object');
  const counties = new Map<string, CountyGeometry>();
  for (const g of object.geometries as CountyGeometry[]) counties.set(g.properties.code, g);
  return {
    topology,
    counties,
    metadata: topology.metadata,
    mapCode: makeCodeMapper(rows, new Set(counties.keys())),
  };
}

export function attributionOf(m: BoundaryMetadata): string {
  return (
    `Boundaries: AMap (高德地图) county shapes as of late 2016 (${m.vintage}), via the npm package ${m.source.split(' ')[0]}; ` +
    `subject to AMap's terms (https://lbs.amap.com/home/terms), not the package's MIT licence. ` +
    `Coordinates in ${m.datum} (about 0.5 km off WGS84), simplified. ` +
    'Units before 2016 are drawn with their 2016 successor; new areas are whole-county approximations. ' +
    "Parks are points at their zone's NBS statistical unit, their host township or inside their host county " +
    '(each park says which); township points: NBS 2016 units via Vonng/adcode, CC BY 4.0, coordinates from AMap, GCJ-02.'
  );
}

const round = (v: number): number => {
  const f = 10 ** DECIMALS;
  return Math.round(v * f) / f + 0; // + 0 turns -0 into 0
};

/** Rounds a ring and drops the consecutive duplicates rounding creates; undefined if the ring collapses. */
function roundRing(ring: Position[]): Position[] | undefined {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [round(x as number), round(y as number)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : undefined;
}

function roundPolygons(mp: MultiPolygon): Polygon | MultiPolygon {
  const polys: Position[][][] = [];
  for (const poly of mp.coordinates) {
    const [outer, ...holes] = poly.map(roundRing);
    if (!outer) continue;
    polys.push([outer, ...holes.filter((h): h is Position[] => h !== undefined)]);
  }
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polys };
}

/** Shoelace area in square degrees (planar; used to pick the main part and in tests). */
export function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    a += (xj - xi) * (yj + yi);
  }
  return Math.abs(a / 2);
}

export function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function geometryArea(g: Polygon | MultiPolygon): number {
  let a = 0;
  for (const [outer, ...holes] of polygonsOf(g))
    a += ringArea(outer ?? []) - holes.reduce((s, h) => s + ringArea(h), 0);
  return a;
}

function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (
      yi > (y as number) !== yj > (y as number) &&
      (x as number) < ((xj - xi) * ((y as number) - yi)) / (yj - yi) + xi
    ) {
      inside = !inside;
    }
  }
  return inside;
}

export function pointInGeometry(p: Position, g: Polygon | MultiPolygon): boolean {
  return polygonsOf(g).some(([outer, ...holes]) => inRing(p, outer ?? []) && !holes.some((h) => inRing(p, h)));
}

/**
 * Deterministic spots for `n` parks in one county: the pole of inaccessibility of its largest part, then points on a
 * circle around it at half the pole's distance to the edge (so they stay inside) and at most 0.05° (≈5 km) out.
 */
export function parkSpots(county: Polygon | MultiPolygon, n: number): Position[] {
  const main = polygonsOf(county).reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a));
  const pole = polylabel(main, 0.0005);
  const r = Math.min(pole.distance * 0.5, 0.05);
  const spots: Position[] = [[round(pole[0]), round(pole[1])]];
  for (let k = 1; k < n; k++) {
    const angle = Math.PI / 2 + (2 * Math.PI * (k - 1)) / (n - 1);
    spots.push([round(pole[0] + r * Math.cos(angle)), round(pole[1] + r * Math.sin(angle))]);
  }
  return spots;
}

/** Output order: largest first, parks (points, drawn on top) last. */
const LEVEL_ORDER = new Map<PlaceLevel, number>(
  (['province', 'macro', 'city', 'county', 'newarea', 'park'] as const).map((l, i) => [l, i]),
);
const PROPERTY_ORDER: (keyof PlaceProperties)[] = [
  'zh',
  'en',
  'level',
  'adminCode',
  'city',
  'county',
  'aliases',
  'pinyin',
  'members',
  'approximate',
  'positionPrecision',
  'positionSource',
  'validFrom',
  'validTo',
  'note',
];

/** The gazetteer place's properties minus id, in a fixed key order so output does not depend on how it was built. */
function propertiesOf(place: GazetteerPlace): PlaceProperties {
  const { id: _id, ...rest } = place;
  const source = rest as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = [
    ...PROPERTY_ORDER,
    ...Object.keys(source)
      .filter((k) => !PROPERTY_ORDER.includes(k as never))
      .sort(),
  ];
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out as unknown as PlaceProperties;
}

/** The curated park → unit rows and the township points they refer to (scripts/geo/park-positions.ts). */
export interface ParkPositionData {
  entries: readonly ParkPositionEntry[];
  townships: ReadonlyMap<string, TownshipRow>;
}

export function loadParkPositionData(): ParkPositionData {
  return { entries: loadParkPositions(), townships: loadTownships() };
}

/** The published places: one feature per gazetteer place, with its dissolved shape or its point, in level order. */
export function buildPlacesCollection(
  gazetteer: Gazetteer,
  boundaries: Boundaries = loadBoundaries(),
  parkPositionData: ParkPositionData = loadParkPositionData(),
): PlacesCollection {
  const parks = parkPoints(gazetteer, boundaries, parkPositionData);
  const features = gazetteer.places.map((p) => placeFeature(p, gazetteer, boundaries, parks));
  features.sort(
    (a, b) =>
      (LEVEL_ORDER.get(a.properties.level) ?? 99) - (LEVEL_ORDER.get(b.properties.level) ?? 99) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    type: 'FeatureCollection',
    schemaVersion: SCHEMA_VERSION,
    attribution: attributionOf(boundaries.metadata),
    features,
  };
}

const placeError = (p: GazetteerPlace, msg: string) =>
  new BuildError('data/places', 0, `place ${p.id} (${p.zh}): ${msg}`);

/** The union of some 2016 counties' shapes. */
function dissolve({ topology, counties }: Boundaries, codes: Iterable<string>): Polygon | MultiPolygon {
  const geoms = [...new Set(codes)].sort().map((c) => counties.get(c) as CountyGeometry);
  return roundPolygons(merge(topology, geoms));
}

/** The 2016 county codes that make up a place (cities: their counties; macro-regions: their members'). */
function countyCodes(p: GazetteerPlace, gazetteer: Gazetteer, boundaries: Boundaries, trail: string[] = []): string[] {
  const { counties, mapCode } = boundaries;
  if (trail.includes(p.id)) throw placeError(p, `member cycle ${[...trail, p.id].join(' → ')}`);
  switch (p.level) {
    case 'province':
      return [...counties.keys()];
    case 'city': {
      const code = p.adminCode ?? p.id;
      const own = [...counties.values()].filter((g) => g.properties.city === code).map((g) => g.properties.code);
      if (own.length === 0) throw placeError(p, `no county of city ${code} in the boundaries`);
      return own;
    }
    case 'county': {
      const code = mapCode(p.adminCode ?? p.id);
      if (code !== undefined) return [code];
      if ((p.validFrom ?? 0) > VINTAGE_YEAR) return [];
      throw placeError(p, `code ${p.adminCode ?? p.id} has no 2016 shape and no successor or predecessor with one`);
    }
    case 'macro':
    case 'newarea': {
      if (!p.members?.length) throw placeError(p, 'has no members');
      return p.members.flatMap((m) => {
        const member = gazetteer.byId(m);
        if (!member) throw placeError(p, `unknown member "${m}"`);
        return countyCodes(member, gazetteer, boundaries, [...trail, p.id]);
      });
    }
    case 'park':
      return [];
  }
}

/** Each park's resolved position (precision, source) and the point it is drawn at. */
interface ParkPoints {
  positions: ReturnType<typeof resolveParkPositions>;
  points: Map<string, Point>;
}

/** Parks at a zone or township unit take its point; the rest share deterministic spots in their county, in id order. */
function parkPoints(gazetteer: Gazetteer, boundaries: Boundaries, data: ParkPositionData): ParkPoints {
  const { mapCode } = boundaries;
  const parkShape = new Map<string, string>();
  for (const p of gazetteer.places) {
    if (p.level !== 'park') continue;
    const code = p.county ? mapCode(p.county) : undefined;
    if (!code) throw placeError(p, `host county ${p.county ?? '(none)'} has no 2016 shape`);
    parkShape.set(p.id, code);
  }
  const positions = resolveParkPositions(
    [...parkShape].map(([id, code]) => ({ id, shapeCode: code, shape: dissolve(boundaries, [code]) })),
    data.entries,
    data.townships,
    mapCode,
    pointInGeometry,
  );
  const parksByCounty = new Map<string, string[]>();
  for (const [id, code] of parkShape) {
    if (positions.get(id)?.point) continue;
    parksByCounty.set(code, [...(parksByCounty.get(code) ?? []), id]);
  }
  const points = new Map<string, Point>();
  for (const [id, pos] of positions) if (pos.point) points.set(id, { type: 'Point', coordinates: pos.point });
  for (const [code, ids] of parksByCounty) {
    const spots = parkSpots(dissolve(boundaries, [code]), ids.length);
    [...ids].sort().forEach((id, i) => {
      points.set(id, { type: 'Point', coordinates: spots[i] as Position });
    });
  }
  return { positions, points };
}

function placeFeature(
  p: GazetteerPlace,
  gazetteer: Gazetteer,
  boundaries: Boundaries,
  parks: ParkPoints,
): PlaceFeature {
  const pos = parks.positions.get(p.id);
  // Every park point stands in for an area, whatever its precision; the precision says how far off it may be.
  const properties = propertiesOf(
    p.level === 'park'
      ? ({
          ...p,
          approximate: true,
          positionPrecision: pos?.precision,
          positionSource: pos?.source,
        } as GazetteerPlace)
      : p,
  );
  let geometry: PlaceGeometry | null;
  if (p.level === 'park') {
    geometry = parks.points.get(p.id) ?? null;
  } else {
    const codes = countyCodes(p, gazetteer, boundaries);
    geometry = codes.length ? dissolve(boundaries, codes) : null;
    if (p.level === 'newarea') properties.approximate = true;
  }
  return { type: 'Feature', id: p.id, properties, geometry };
}
