/**
 * Where each park is drawn: data/places/park-positions.json names, per park, an NBS township-level unit of
 * data/jiangxi-townships.csv (Vonng/adcode, CC BY 4.0, GCJ-02 like the county polygons) and a precision:
 * - zone: the zone's own statistical unit; township: the host township; county: no township could be named.
 * A zone or township unit must have a point (its own, else the median of its village points, said in the source);
 * the point must lie inside the park's host county polygon. Parks sharing a point are fanned out a little so they
 * do not hide each other. County rows are left to the caller (a point inside the county, as before).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { PositionPrecision } from '../../src/domain/types.ts';
import { readPlainCsv } from '../csv.ts';
import { BuildError } from '../errors.ts';
import { readJsonInput } from '../inputs/read.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TOWNSHIPS_FILE = `${ROOT}data/jiangxi-townships.csv`;
export const PARK_POSITIONS_FILE = `${ROOT}data/places/park-positions.json`;
const TOWNSHIPS_ATTRIBUTION = 'Vonng/adcode, CC BY 4.0; coordinates from AMap (高德), GCJ-02';
/** Spread of parks sharing one point: ≈1 km, well under a township's size, enough to click each at city zoom. */
const SHARED_OFFSET = 0.01;
const DECIMALS = 4;

export interface TownshipRow {
  line: number;
  code: string;
  name: string;
  level: string;
  /** 6-digit county code of the 2016 vintage (赣县 360721, 余江县 360622 …). */
  county: string;
  /** The unit's own point, if the source has one. */
  point: Position | null;
  /** Median of the unit's village points, used when it has no point of its own. */
  villageMedian: Position | null;
  villages: number;
}

const HEADER = [
  'code',
  'parent',
  'name',
  'level',
  'county_code',
  'province',
  'city',
  'county',
  'lng_gcj02',
  'lat_gcj02',
  'in_county_fence',
  'villages_with_coords',
  'village_median_lng_gcj02',
  'village_median_lat_gcj02',
];

export function parseTownships(text: string, file = TOWNSHIPS_FILE): Map<string, TownshipRow> {
  const rows = new Map<string, TownshipRow>();
  const pair = (x: string, y: string, line: number): Position | null => {
    if (x === '' && y === '') return null;
    const p = [Number(x), Number(y)];
    if (!p.every(Number.isFinite)) throw new BuildError(file, line, `bad coordinates "${x},${y}"`);
    return p;
  };
  for (const { line, values } of readPlainCsv(text, file, HEADER)) {
    const [code, , name, level, county, , , , lng, lat, , villages, medianLng, medianLat] = values as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^\d{12}$/.test(code)) throw new BuildError(file, line, `bad code "${code}"`);
    rows.set(code, {
      line,
      code,
      name,
      level,
      county,
      point: pair(lng, lat, line),
      villageMedian: pair(medianLng, medianLat, line),
      villages: villages === '' ? 0 : Number(villages),
    });
  }
  return rows;
}

export interface ParkPositionEntry {
  park: string;
  unit?: string;
  precision: PositionPrecision;
  source: string;
}

/** Read and checked against its schema by the build's input loader (file:line: key messages, like every data/ file). */
export function loadParkPositions(file = PARK_POSITIONS_FILE): ParkPositionEntry[] {
  return readJsonInput<{ positions: ParkPositionEntry[] }>(file, 'park-positions', null).value.positions;
}

export function loadTownships(file = TOWNSHIPS_FILE): Map<string, TownshipRow> {
  return parseTownships(readFileSync(file, 'utf8'), file);
}

export interface ParkPosition {
  precision: PositionPrecision;
  source: string;
  /** Set for zone and township rows; county rows get their point from the caller. */
  point?: Position;
}

export interface ParkPositionInput {
  id: string;
  /** Code of the 2016 county shape the park is drawn in. */
  shapeCode: string;
  shape: Polygon | MultiPolygon;
}

const round = (v: number): number => {
  const f = 10 ** DECIMALS;
  return Math.round(v * f) / f + 0;
};

/**
 * Resolves every park to its precision, source and (for zone/township) point. `mapCode` maps a CSV county code
 * (2016 NBS vintage) to the code of its 2016 shape; `inside` tests a point against a shape. Fails on a park without a
 * row, a row for an unknown park, an unknown unit, a zone/township unit without a point, or a point outside the county.
 */
export function resolveParkPositions(
  parks: readonly ParkPositionInput[],
  entries: readonly ParkPositionEntry[],
  townships: ReadonlyMap<string, TownshipRow>,
  mapCode: (code: string) => string | undefined,
  inside: (p: Position, shape: Polygon | MultiPolygon) => boolean,
  file = PARK_POSITIONS_FILE,
): Map<string, ParkPosition> {
  const byPark = new Map<string, ParkPositionEntry>();
  for (const e of entries) {
    if (byPark.has(e.park)) throw new BuildError(file, 0, `${e.park}: more than one row`);
    byPark.set(e.park, e);
  }
  const known = new Set(parks.map((p) => p.id));
  for (const e of entries) if (!known.has(e.park)) throw new BuildError(file, 0, `${e.park}: no such park`);

  const out = new Map<string, ParkPosition>();
  const fail = (park: string, msg: string) => new BuildError(file, 0, `${park}: ${msg}`);
  for (const park of [...parks].sort((a, b) => a.id.localeCompare(b.id))) {
    const e = byPark.get(park.id);
    if (!e) throw fail(park.id, 'no row (every park needs a precision and a source)');
    const unit = e.unit === undefined ? undefined : townships.get(e.unit);
    if (e.unit !== undefined && !unit) throw fail(park.id, `unit ${e.unit} is not in ${TOWNSHIPS_FILE}`);
    if (unit && mapCode(unit.county) !== park.shapeCode) {
      throw fail(park.id, `unit ${unit.code} ${unit.name} is in county ${unit.county}, not the park's host county`);
    }
    if (e.precision === 'county') {
      out.set(park.id, { precision: 'county', source: e.source });
      continue;
    }
    if (!unit) throw fail(park.id, `precision ${e.precision} needs a unit`);
    const base = unit.point ?? unit.villageMedian;
    if (!base) throw fail(park.id, `unit ${unit.code} ${unit.name} has no point and no village points`);
    const how = unit.point
      ? `point of NBS unit ${unit.code} ${unit.name}`
      : `median of the ${unit.villages} village points of NBS unit ${unit.code} ${unit.name} (it has no point of its own)`;
    const point = [round(base[0] as number), round(base[1] as number)];
    if (!inside(point, park.shape)) throw fail(park.id, `${how} lies outside the host county polygon`);
    out.set(park.id, {
      precision: e.precision,
      source: `${e.source} Position: ${how} (${TOWNSHIPS_ATTRIBUTION}).`,
      point,
    });
  }

  // Parks on the same point: the first (by id) keeps it, the others sit on a small circle around it, inside the county.
  const byPoint = new Map<string, string[]>();
  for (const [id, pos] of out) {
    if (!pos.point) continue;
    const key = pos.point.join(',');
    byPoint.set(key, [...(byPoint.get(key) ?? []), id]);
  }
  const shapeOf = new Map(parks.map((p) => [p.id, p.shape]));
  for (const ids of byPoint.values()) {
    if (ids.length < 2) continue;
    ids.sort();
    ids.forEach((id, k) => {
      const pos = out.get(id) as ParkPosition;
      const [x, y] = pos.point as [number, number];
      const others = ids.length - 1;
      if (k > 0) {
        const angle = Math.PI / 2 + (2 * Math.PI * (k - 1)) / others;
        let r = SHARED_OFFSET;
        let p = [round(x + r * Math.cos(angle)), round(y + r * Math.sin(angle))];
        while (!inside(p, shapeOf.get(id) as Polygon) && r > 0.001) {
          r /= 2;
          p = [round(x + r * Math.cos(angle)), round(y + r * Math.sin(angle))];
        }
        if (!inside(p, shapeOf.get(id) as Polygon)) throw fail(id, 'no room for an offset inside the host county');
        pos.point = p;
      }
      pos.source += ` Shares this unit with ${others} other park${others > 1 ? 's' : ''}: ${
        k === 0 ? 'drawn on the point itself' : 'drawn about 1 km from it'
      } so the points do not overlap.`;
    });
  }
  return out;
}
