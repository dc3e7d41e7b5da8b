/**
 * Validates a published file against its JSON Schema (ajv, draft-07). Used by the build before anything is written
 * and by the contract tests. Returns human-readable problems ("/assignments/3/role must be equal to one of …").
 */
import { Ajv } from 'ajv';
import assignments from './schemas/assignments.schema.json' with { type: 'json' };
import audit from './schemas/audit.schema.json' with { type: 'json' };
import common from './schemas/common.schema.json' with { type: 'json' };
import industries from './schemas/industries.schema.json' with { type: 'json' };
import places from './schemas/places.schema.json' with { type: 'json' };
import placesTopology from './schemas/places-topology.schema.json' with { type: 'json' };
import plans from './schemas/plans.schema.json' with { type: 'json' };
import search from './schemas/search.schema.json' with { type: 'json' };
import type { DataFileKey } from './types.ts';

export const SCHEMAS: Record<DataFileKey, object> = {
  plans,
  places,
  placesTopology,
  industries,
  assignments,
  audit,
  search,
};

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(common);
const validators = Object.fromEntries(
  Object.entries(SCHEMAS).map(([key, schema]) => [key, ajv.compile(schema)]),
) as Record<DataFileKey, ReturnType<Ajv['compile']>>;

/** The list whose items are looked up by id, per file (JSON Schema draft-07 cannot say "unique by id"). */
const ID_LISTS: Partial<Record<DataFileKey, string>> = {
  plans: 'plans',
  places: 'features',
  industries: 'industries',
  assignments: 'assignments',
};

export function validatePublished(key: DataFileKey, value: unknown): string[] {
  const validate = validators[key];
  if (!validate(value))
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  const listKey = ID_LISTS[key];
  const list = listKey ? (value as Record<string, { id: string }[]>)[listKey] : undefined;
  const seen = new Set<string>();
  const problems: string[] = [];
  list?.forEach((item, i) => {
    if (seen.has(item.id)) problems.push(`/${listKey}/${i}/id duplicate id "${item.id}"`);
    seen.add(item.id);
  });
  return problems;
}
