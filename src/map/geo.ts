/** Pure geometry helpers for the map: source data from places, label points, bounds, and the click rule. */
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import type { PlaceFeature, PlaceGeometry, PlaceLevel } from '../domain/types.ts';

export interface MapProps {
  pid: string;
  level: PlaceLevel;
  name_zh: string;
  name_en: string;
}

export interface MapSources {
  areas: FeatureCollection<Polygon | import('geojson').MultiPolygon, MapProps>;
  points: FeatureCollection<Point, MapProps>;
  labels: FeatureCollection<Point, MapProps>;
  /** [west, south, east, north] of the city and county polygons (Jiangxi). */
  bounds: Bounds;
}

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** Where the map opens when the gazetteer has no polygons (Jiangxi, roughly). */
const JIANGXI: Bounds = [113.5, 24.4, 118.5, 30.1];

/**
 * The box around geometries: a point's position, a polygon's outer rings (holes lie inside them). Null when there is
 * nothing to bound (no geometry, or only empty ones).
 */
export function boundsOf(geometries: Iterable<PlaceGeometry | null | undefined>): Bounds | null {
  const b: Bounds = [180, 90, -180, -90];
  const extend = ([x = 0, y = 0]: Position) => {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  };
  for (const g of geometries) {
    if (!g) continue;
    if (g.type === 'Point') extend(g.coordinates);
    else
      for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
        for (const p of poly[0] ?? []) extend(p);
  }
  return b[0] <= b[2] ? b : null;
}

const ringArea = (ring: Position[]): number => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    a += (xj - xi) * (yj + yi);
  }
  return Math.abs(a / 2);
};

/** A point well inside the largest part of a polygon, for its label. */
export function labelPoint(geometry: Polygon | import('geojson').MultiPolygon): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0] ?? [];
  for (const p of polygons) if (ringArea(p[0] ?? []) > ringArea(best[0] ?? [])) best = p;
  const [x = 0, y = 0] = polylabel(best as number[][][], 0.01);
  return [x, y];
}

export function toSources(places: PlaceFeature[]): MapSources {
  const areas: MapSources['areas']['features'] = [];
  const points: MapSources['points']['features'] = [];
  const labels: MapSources['labels']['features'] = [];
  // The default fit frames the city and county polygons.
  const framed: PlaceGeometry[] = [];
  for (const f of places) {
    const g = f.geometry;
    if (!g) continue;
    const properties: MapProps = {
      pid: f.id,
      level: f.properties.level,
      name_zh: f.properties.zh,
      name_en: f.properties.en,
    };
    if (g.type === 'Point') {
      points.push({ type: 'Feature', properties, geometry: g });
      continue;
    }
    if (f.properties.level === 'province') continue;
    areas.push({ type: 'Feature', properties, geometry: g } as Feature<Polygon, MapProps>);
    if (f.properties.level === 'city' || f.properties.level === 'county') {
      framed.push(g);
      labels.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: labelPoint(g) } });
    }
  }
  return {
    areas: { type: 'FeatureCollection', features: areas },
    points: { type: 'FeatureCollection', features: points },
    labels: { type: 'FeatureCollection', features: labels },
    bounds: boundsOf(framed) ?? JIANGXI,
  };
}

/**
 * Which place a click (or hover) means, given the places under the pointer. A park beats a county beats a city, but
 * only when it carries something under the current filter; otherwise zoomed out picks the city, zoomed in the county.
 */
export function pickPlace(
  hits: { id: string; level: PlaceLevel }[],
  hasValue: (id: string) => boolean,
  zoom: number,
): string | null {
  const order: PlaceLevel[] = ['park', 'newarea', 'county', 'city'];
  const byLevel = (l: PlaceLevel) => hits.find((h) => h.level === l)?.id ?? null;
  for (const l of order) {
    const id = byLevel(l);
    if (id && hasValue(id)) return id;
  }
  const park = byLevel('park');
  if (park) return park;
  return zoom >= 8 ? (byLevel('county') ?? byLevel('city')) : (byLevel('city') ?? byLevel('county'));
}
