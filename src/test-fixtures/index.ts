/** Loads the fixture (see generate.ts) through the same validators the app uses. Tests only (uses node:fs). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assemble,
  type ExplorerData,
  validateAssignments,
  validateIndustries,
  validatePlaces,
  validatePlans,
} from '../data/load.ts';

const dir = join(import.meta.dirname, '.');
export const readFixture = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));

export function fixtureData(): ExplorerData {
  return assemble(
    validatePlans(readFixture('plans.json')),
    validatePlaces(readFixture('places.geojson')),
    validateIndustries(readFixture('industries.json')),
    validateAssignments(readFixture('assignments.json')),
  );
}
