/**
 * places.geojson → places.topo.json, the encoding the app reads first: a TopoJSON topology in which every border is
 * one arc shared by all the polygons it bounds (a county border is also a city, region or province border), with
 * integer coordinates on the GeoJSON's own 0.0001° grid, delta-encoded. 177 KB of gzipped GeoJSON become about 40.
 * Decoding (topojson-client `feature`) and rounding to 4 decimals gives back exactly the GeoJSON's rings (a ring may
 * start at another of its points: topojson starts rings at a junction); `checkPlacesTopology` proves it every build.
 */
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { PlaceFeature, PlacesCollection, PlacesTopology } from '../../src/domain/types.ts';
import { BuildError } from '../errors.ts';

/** The grid of places.geojson (places.ts rounds to 4 decimals). */
const STEP = 1e-4;

export function placesTopology(places: PlacesCollection): PlacesTopology {
  // No quantisation here: arcs are found on the exact (already rounded) coordinates, so shared borders match exactly.
  const t = topology({ places: places as unknown as GeoJSON.FeatureCollection });
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  const see = ([x, y]: number[]) => {
    x0 = Math.min(x0, x as number);
    y0 = Math.min(y0, y as number);
  };
  for (const arc of t.arcs) for (const p of arc) see(p);
  const geometries = (t.objects.places as unknown as PlacesTopology['objects']['places']).geometries;
  for (const g of geometries) if (g.type === 'Point' && g.coordinates) see(g.coordinates);
  const q = (v: number, origin: number) => Math.round((v - origin) / STEP);
  const arcs = t.arcs.map((arc) => {
    let px = 0;
    let py = 0;
    return arc.map(([x, y]) => {
      const qx = q(x as number, x0);
      const qy = q(y as number, y0);
      const step: [number, number] = [qx - px, qy - py];
      px = qx;
      py = qy;
      return step;
    });
  });
  for (const g of geometries)
    if (g.type === 'Point' && g.coordinates) g.coordinates = [q(g.coordinates[0], x0), q(g.coordinates[1], y0)];
  return {
    type: 'Topology',
    schemaVersion: places.schemaVersion,
    attribution: places.attribution,
    transform: { scale: [STEP, STEP], translate: [x0, y0] },
    arcs,
    objects: { places: { type: 'GeometryCollection', geometries } },
  };
}

/** As places.ts rounds (and the app, src/data/load.ts). */
const round4 = (v: number): number => Math.round(v * 1e4) / 1e4 + 0;

/** Decodes the topology the way the app does (src/data/load.ts) and fails the build unless it equals the GeoJSON. */
export function checkPlacesTopology(topo: PlacesTopology, places: PlacesCollection, file: string): void {
  const decoded = feature(
    topo as unknown as Parameters<typeof feature>[0],
    topo.objects.places as unknown as Parameters<typeof feature>[1],
  ) as unknown as { features: PlaceFeature[] };
  const round = (c: unknown): unknown => (typeof c === 'number' ? round4(c) : (c as unknown[]).map(round));
  /** A closed ring as a string that does not depend on where it starts (same points, same order). */
  const ringKey = (ring: number[][]): string => {
    const open = ring.slice(0, -1).map((p) => p.join(','));
    let start = 0;
    open.forEach((p, i) => {
      if (p < (open[start] as string)) start = i;
    });
    return [...open.slice(start), ...open.slice(0, start)].join(' ');
  };
  const shape = (g: PlaceFeature['geometry'], rounded: boolean): string => {
    if (!g) return 'null';
    const c = rounded ? round(g.coordinates) : g.coordinates;
    if (g.type === 'Point') return `Point ${JSON.stringify(c)}`;
    const polys = g.type === 'Polygon' ? [c as number[][][]] : (c as number[][][][]);
    return `${g.type} ${polys.map((p) => p.map(ringKey).join(' | ')).join(' || ')}`;
  };
  places.features.forEach((f, i) => {
    const d = decoded.features[i];
    const same =
      d?.id === f.id &&
      JSON.stringify(d.properties) === JSON.stringify(f.properties) &&
      shape(d.geometry, true) === shape(f.geometry, false);
    if (!same) throw new BuildError(file, 0, `place ${f.id} does not decode to its places.geojson feature`);
  });
  if (decoded.features.length !== places.features.length)
    throw new BuildError(file, 0, `${decoded.features.length} places decoded, ${places.features.length} published`);
}
