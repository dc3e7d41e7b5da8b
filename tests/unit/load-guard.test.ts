/** The app's loader (src/data/load.ts) on published files that are wrong in ways its light checks used to miss. */
import { describe, expect, it } from 'vitest';
import { placesTopology } from '../../scripts/geo/places-topology.ts';
import { DataError, loadData, validatePlaces, validatePlans } from '../../src/data/load.ts';
import type { PlacesCollection } from '../../src/domain/types.ts';
import { validatePublished } from '../../src/domain/validate.ts';
import { readFixture } from '../../src/test-fixtures/index.ts';

function dataError(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

const places = readFixture('places.geojson') as { schemaVersion: number; features: { id: string }[] };
const plans = readFixture('plans.json') as { schemaVersion: number; plans: { id: string }[] };

describe('published files with duplicate ids', () => {
  it('is a data error naming the file and the id (a second place would silently win the name lookup)', () => {
    const [first, second] = places.features;
    const damaged = { ...places, features: [...places.features, { ...second, id: first?.id }] };
    const error = dataError(() => validatePlaces(damaged));
    expect(error.file).toBe('places.geojson');
    expect(error.reason).toMatch(new RegExp(`duplicate id "${first?.id}" \\(items 0 and ${places.features.length}\\)`));
  });

  it('also for plans, industries and assignments, through loadData', async () => {
    const dup = { ...plans, plans: [...plans.plans, plans.plans[0]] };
    expect(dataError(() => validatePlans(dup)).message).toMatch(/^plans\.json: duplicate id/);
    const files: Record<string, unknown> = {
      'plans.json': plans,
      // The app reads the places as the topology the build writes (places.topo.json, issue 12).
      'places.topo.json': placesTopology(places as unknown as PlacesCollection),
      'industries.json': readFixture('industries.json'),
      'assignments.json': readFixture('assignments.json'),
    };
    const industries = files['industries.json'] as { industries: unknown[] };
    files['industries.json'] = { ...industries, industries: [...industries.industries, industries.industries[0]] };
    const fetchFn = (async (url: string) =>
      new Response(JSON.stringify(files[String(url).split('/').pop() ?? '']))) as typeof fetch;
    await expect(loadData(fetchFn)).rejects.toThrow(/^industries\.json: duplicate id/);
  });

  it('is a problem in the build-side contract check too', () => {
    const [first] = places.features;
    const problems = validatePublished('places', { ...places, features: [...places.features, first] });
    expect(problems.join('\n')).toMatch(/duplicate id/);
  });
});

describe('the schemaVersion message', () => {
  it('says what it received: a string "1" is not the number 1', () => {
    expect(dataError(() => validatePlans({ ...plans, schemaVersion: '1' })).reason).toBe(
      'schemaVersion "1" (a string): this app reads the number 1',
    );
    expect(dataError(() => validatePlans({ plans: plans.plans })).reason).toBe(
      'schemaVersion is missing: this app reads the number 1',
    );
    expect(dataError(() => validatePlans({ ...plans, schemaVersion: 2 })).reason).toBe(
      'schemaVersion 2 (a number): this app reads the number 1',
    );
  });
});
