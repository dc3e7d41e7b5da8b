import type { Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PlaceFeature } from '../../src/domain/types.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { loadParkPositions, loadTownships, parseTownships, resolveParkPositions } from './park-positions.ts';
import { buildPlacesCollection, loadBoundaries, pointInGeometry } from './places.ts';

const boundaries = loadBoundaries();
const gazetteer = loadGazetteer();
const real = buildPlacesCollection(gazetteer, boundaries);
const parks = real.features.filter((f) => f.properties.level === 'park');
const park = (id: string): PlaceFeature => {
  const f = parks.find((p) => p.id === id);
  if (!f) throw new Error(`no park ${id}`);
  return f;
};
const entries = loadParkPositions();
const townships = loadTownships();

describe('park positions (data/places/park-positions.json + data/jiangxi-townships.csv)', () => {
  it('gives every park a precision and a source, and the curated file one row per park', () => {
    expect(parks.length).toBeGreaterThan(40);
    for (const p of parks) {
      expect(['zone', 'township', 'county'], p.id).toContain(p.properties.positionPrecision);
      expect(p.properties.positionSource?.length ?? 0, p.id).toBeGreaterThan(10);
    }
    expect(entries.map((e) => e.park).sort()).toEqual(parks.map((p) => p.id).sort());
  });

  it('names only units that exist in the townships CSV, in the park’s host county', () => {
    for (const e of entries) {
      if (e.unit === undefined) continue;
      const unit = townships.get(e.unit);
      expect(unit, `${e.park} ${e.unit}`).toBeDefined();
      const host = gazetteer.byId(e.park)?.county as string;
      expect(boundaries.mapCode(unit?.county as string), e.park).toBe(boundaries.mapCode(host));
    }
  });

  it('puts every park point inside its host county polygon', () => {
    for (const p of parks) {
      const host = boundaries.mapCode(p.properties.county as string) as string;
      const county = real.features.find((f) => f.id === host);
      expect(pointInGeometry((p.geometry as Point).coordinates, county?.geometry as Polygon), p.id).toBe(true);
    }
  });

  it('places a zone or township park exactly at its unit’s point (or ≈1 km from it when the unit is shared)', () => {
    for (const e of entries.filter((x) => x.precision !== 'county')) {
      const unit = townships.get(e.unit as string);
      const base = (unit?.point ?? unit?.villageMedian) as number[];
      const [x, y] = (park(e.park).geometry as Point).coordinates as [number, number];
      expect(Math.hypot(x - (base[0] as number), y - (base[1] as number)), e.park).toBeLessThanOrEqual(0.0101);
    }
    const spots = new Set(parks.map((p) => JSON.stringify((p.geometry as Point).coordinates)));
    expect(spots.size).toBe(parks.length);
  });

  it('reports the count by precision (documented in docs/gazetteer.md)', () => {
    const count = { zone: 0, township: 0, county: 0 };
    for (const p of parks) count[p.properties.positionPrecision as keyof typeof count]++;
    // The CSV has a point for only a few zone units (most 「（…开发区）」 units have none): see docs/gazetteer.md.
    expect(count).toEqual({ zone: 4, township: 22, county: 28 });
  });

  it('小蓝: the zone’s own NBS unit 小蓝经济开发区 (village median, it has no point of its own)', () => {
    const p = park('park-xiaolan-jingkaiqu');
    expect(p.properties.positionPrecision).toBe('zone');
    expect(p.properties.positionSource).toMatch(/360121403000 小蓝经济开发区/);
    expect(p.properties.positionSource).toMatch(/median of the 7 village points/);
    expect((p.geometry as Point).coordinates).toEqual([115.9093, 28.5398]);
  });

  it('新建长堎工业园区: the township its name carries, 长堎 (长堎镇 in the 2016 list, 长堎街道 today)', () => {
    const p = park('park-xinjian-changleng-gongyeyuan');
    expect(p.properties.positionPrecision).toBe('township');
    expect(p.properties.positionSource).toMatch(/360112100000 长堎镇/);
    expect((p.geometry as Point).coordinates).toEqual([115.8212, 28.697]);
  });

  it('places zones at the township a cited source names (inferences say "human decision")', () => {
    const cases: [string, RegExp][] = [
      ['park-yingtan-gongyeyuan', /360602006000 白露街道/],
      ['park-jinggangshan-jingkaiqu', /360821100000 敦厚镇/],
      ['park-yuanzhou-yiyao-gongyeyuan', /360902010000 金园街道/],
      ['park-nanchang-linkong-jingjiqu', /360112107000 乐化镇/],
    ];
    for (const [id, unit] of cases) {
      const p = park(id);
      expect(p.properties.positionPrecision, id).toBe('township');
      expect(p.properties.positionSource, id).toMatch(unit);
      expect(p.properties.positionSource, id).toMatch(/^human decision: .*https?:\/\//);
    }
  });

  it('keeps parks without a sourced township at county precision', () => {
    expect(park('park-ganzhou-gaoxinqu').properties.positionPrecision).toBe('county');
    expect(park('park-guangfeng-gongyeyuan').properties.positionPrecision).toBe('county');
    expect(park('park-nankang-gongyeyuan').properties.positionPrecision).toBe('county');
  });
});

describe('resolveParkPositions guards', () => {
  const rows = parseTownships(
    [
      'code,parent,name,level,county_code,province,city,county,lng_gcj02,lat_gcj02,in_county_fence,villages_with_coords,village_median_lng_gcj02,village_median_lat_gcj02',
      '360121100000,360121000000,莲塘镇,town,360121,江西省,南昌市,南昌县,115.934181,28.542563,yes,15,115.939328,28.555370',
      '360121403000,360121000000,小蓝经济开发区,town,360121,江西省,南昌市,南昌县,,,,7,115.909319,28.539766',
      '360121572000,360121000000,江西省良种繁殖场,town,360121,江西省,南昌市,南昌县,,,,0,,',
      '360124101000,360124000000,李渡镇,town,360124,江西省,南昌市,进贤县,116.180804,28.226314,yes,3,116.169605,28.230097',
    ].join('\n'),
    'test.csv',
  );
  const shape = (code: string) => boundaries.counties.get(code) && buildCounty(code);
  function buildCounty(code: string): Polygon {
    const f = real.features.find((x) => x.id === code);
    return f?.geometry as Polygon;
  }
  const inNanchang = [{ id: 'park-x', shapeCode: '360121', shape: shape('360121') as Polygon }];
  const run = (e: Parameters<typeof resolveParkPositions>[1], ps = inNanchang) =>
    resolveParkPositions(ps, e, rows, boundaries.mapCode, pointInGeometry, 'test.json');

  it('uses the unit’s own point, else its village median', () => {
    expect(
      run([{ park: 'park-x', unit: '360121100000', precision: 'township', source: 'test row' }]).get('park-x'),
    ).toMatchObject({ precision: 'township', point: [115.9342, 28.5426] });
    expect(
      run([{ park: 'park-x', unit: '360121403000', precision: 'zone', source: 'test row' }]).get('park-x')?.point,
    ).toEqual([115.9093, 28.5398]);
  });

  it('fails on a missing row, an unknown unit, a unit without any point, or a unit in another county', () => {
    expect(() => run([])).toThrow(/park-x: no row/);
    expect(() => run([{ park: 'park-x', unit: '360121999000', precision: 'zone', source: 'test row' }])).toThrow(
      /not in/,
    );
    expect(() => run([{ park: 'park-x', unit: '360121572000', precision: 'zone', source: 'test row' }])).toThrow(
      /no point/,
    );
    expect(() => run([{ park: 'park-x', unit: '360124101000', precision: 'township', source: 'test row' }])).toThrow(
      /not the park's host county/,
    );
    expect(() => run([{ park: 'park-y', precision: 'county', source: 'test row' }])).toThrow(/no such park|no row/);
  });

  it('fans out parks that share a unit, deterministically and inside the county', () => {
    const two = [...inNanchang, { id: 'park-w', shapeCode: '360121', shape: inNanchang[0]?.shape as Polygon }];
    const e = two.map((p) => ({
      park: p.id,
      unit: '360121100000',
      precision: 'township' as const,
      source: 'test row',
    }));
    const out = run(e, two);
    expect(out.get('park-w')?.point).toEqual([115.9342, 28.5426]);
    expect(out.get('park-x')?.point).toEqual([115.9342, 28.5526]);
    expect(out.get('park-x')?.source).toMatch(/Shares this unit with 1 other park/);
  });
});
