import { describe, expect, it } from 'vitest';
import { placesTopology } from '../../scripts/geo/places-topology.ts';
import type { PlacesCollection } from '../domain/types.ts';
import { readFixture } from '../test-fixtures/index.ts';
import { DataError, loadData } from './load.ts';

const placesGeojson = readFixture('places.geojson') as PlacesCollection;

const files: Record<string, unknown> = {
  'plans.json': readFixture('plans.json'),
  // The app reads the topology the build encodes from places.geojson (scripts/geo/places-topology.ts).
  'places.topo.json': placesTopology(placesGeojson),
  'industries.json': readFixture('industries.json'),
  'assignments.json': readFixture('assignments.json'),
};

function fakeFetch(override: Record<string, string | null> = {}): typeof fetch {
  return (async (url: string) => {
    const name = String(url).split('/').pop() ?? '';
    const body = name in override ? override[name] : JSON.stringify(files[name]);
    if (body === null || body === undefined) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200 });
  }) as typeof fetch;
}

async function errorOf(p: Promise<unknown>): Promise<DataError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

describe('loadData', () => {
  it('loads and joins the fixture', async () => {
    const data = await loadData(fakeFetch());
    expect(data.plans.map((p) => p.year)).toEqual([2012, 2014]);
    expect(data.placeById.get('360500')?.properties.zh).toBe('新余市');
  });

  it('decodes places.topo.json to exactly the places of places.geojson', async () => {
    const data = await loadData(fakeFetch());
    expect(data.places).toHaveLength(placesGeojson.features.length);
    for (const [i, f] of placesGeojson.features.entries()) {
      const d = data.places[i];
      expect(d?.id).toBe(f.id);
      expect(d?.properties).toEqual(f.properties);
      expect(d?.geometry?.type ?? null).toBe(f.geometry?.type ?? null);
    }
    // Every vertex is back on the GeoJSON's 0.0001° grid (no float noise from the topology's transform).
    const xs = JSON.stringify(data.places.map((p) => p.geometry?.coordinates ?? null)).match(/\d+\.\d+/g) ?? [];
    expect(xs.every((x) => (x.split('.')[1] ?? '').length <= 4)).toBe(true);
  });

  it('names the places topology when it is missing', async () => {
    const e = await errorOf(loadData(fakeFetch({ 'places.topo.json': null })));
    expect(e.file).toBe('places.topo.json');
  });

  it('names a missing file', async () => {
    const e = await errorOf(loadData(fakeFetch({ 'assignments.json': null })));
    expect(e.file).toBe('assignments.json');
    expect(e.reason).toMatch(/missing/);
  });

  it('says "missing" when a static host answers with its index.html', async () => {
    const e = await errorOf(loadData(fakeFetch({ 'plans.json': '<!doctype html><html></html>' })));
    expect(e.file).toBe('plans.json');
    expect(e.reason).toMatch(/missing/);
  });

  it('names a truncated file', async () => {
    const e = await errorOf(loadData(fakeFetch({ 'industries.json': '{"schemaVersion":1,"indus' })));
    expect(e.file).toBe('industries.json');
    expect(e.reason).toMatch(/not valid JSON/);
  });

  it('rejects a wrong schema version and a bad role', async () => {
    const v = await errorOf(loadData(fakeFetch({ 'plans.json': '{"schemaVersion":99,"plans":[]}' })));
    expect(v.reason).toMatch(/schemaVersion 99/);
    const bad = structuredClone(files['assignments.json']) as { assignments: { role: string }[] };
    if (bad.assignments[0]) bad.assignments[0].role = 'boss';
    const r = await errorOf(loadData(fakeFetch({ 'assignments.json': JSON.stringify(bad) })));
    expect(r.message).toMatch(/assignments.json: item 0: unknown role boss/);
  });

  it('rejects an assignment pointing at an unknown place', async () => {
    const bad = structuredClone(files['assignments.json']) as { assignments: { place: string }[] };
    if (bad.assignments[1]) bad.assignments[1].place = '999999';
    const e = await errorOf(loadData(fakeFetch({ 'assignments.json': JSON.stringify(bad) })));
    expect(e.reason).toMatch(/unknown place 999999/);
  });
});
