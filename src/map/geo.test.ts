import { describe, expect, it } from 'vitest';
import { fixtureData } from '../test-fixtures/index.ts';
import { boundsOf, pickPlace, toSources } from './geo.ts';

describe('map sources', () => {
  const s = toSources(fixtureData().places);
  it('puts polygons, points and label points in their sources', () => {
    expect(s.areas.features.map((f) => f.properties.pid)).toContain('360500');
    expect(s.points.features.map((f) => f.properties.pid)).toEqual(['park-nanchang-hitech']);
    expect(s.labels.features).toHaveLength(12); // 10 cities + 2 counties
  });
  it('fits Jiangxi', () => {
    const [w, south, e, n] = s.bounds;
    expect(w).toBeGreaterThan(113);
    expect(e).toBeLessThan(119);
    expect(south).toBeGreaterThan(24);
    expect(n).toBeLessThan(31);
  });
});

describe('bounds', () => {
  const square = (x: number, y: number, d: number) => [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
  it('covers points, polygons and multipolygons (outer rings), skipping missing geometries', () => {
    expect(
      boundsOf([
        { type: 'Point', coordinates: [115, 28] },
        null,
        { type: 'Polygon', coordinates: [square(114, 27, 0.5), square(114.1, 27.1, 5)] }, // a hole does not count
        { type: 'MultiPolygon', coordinates: [[square(116, 26, 1)], [square(113.5, 29, 0.2)]] },
      ]),
    ).toEqual([113.5, 26, 117, 29.2]);
  });
  it('a single point is a box of no size; nothing is null', () => {
    expect(boundsOf([{ type: 'Point', coordinates: [115.9, 28.7] }])).toEqual([115.9, 28.7, 115.9, 28.7]);
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([undefined, { type: 'Polygon', coordinates: [] }])).toBeNull();
  });
  it('the map sources’ bounds are those of the city and county polygons', () => {
    const places = fixtureData().places;
    const framed = places.filter((p) => p.properties.level === 'city' || p.properties.level === 'county');
    expect(toSources(places).bounds).toEqual(boundsOf(framed.map((p) => p.geometry)));
    expect(toSources([]).bounds).toEqual([113.5, 24.4, 118.5, 30.1]);
  });
});

describe('which place a click means', () => {
  const hits = [
    { id: '360521', level: 'county' as const },
    { id: '360500', level: 'city' as const },
  ];
  it('zoomed out, a click on a county without its own claim selects the city', () => {
    expect(pickPlace(hits, (id) => id === '360500', 6)).toBe('360500');
  });
  it('a county with its own claim wins', () => {
    expect(pickPlace(hits, (id) => id === '360521', 6)).toBe('360521');
  });
  it('zoomed in, with no claims, the county is chosen', () => {
    expect(pickPlace(hits, () => false, 9)).toBe('360521');
  });
  it('nothing under the pointer → null', () => {
    expect(pickPlace([], () => true, 6)).toBeNull();
  });
});
