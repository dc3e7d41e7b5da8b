import { describe, expect, it } from 'vitest';
import { fixtureData } from '../test-fixtures/index.ts';
import { pickPlace, toSources } from './geo.ts';

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
