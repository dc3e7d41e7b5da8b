/**
 * The compiled JSON Schemas of the hand-edited files in data/ (src/domain/schemas/input/). They live beside the
 * schemas of the published files so the contract is in one place and the input hash covers them; the app never
 * imports them. Two additions to draft-07: the formats "plan-date" (a real calendar date, YYYY-MM-DD or YYYY-MM) and
 * "month", and the keyword `regexp: true` (the string compiles as a JavaScript regular expression; the error quotes
 * the engine's reason).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import changeEvents from '../../src/domain/schemas/input/change-events.schema.json' with { type: 'json' };
import common from '../../src/domain/schemas/input/common.schema.json' with { type: 'json' };
import corrections from '../../src/domain/schemas/input/corrections.schema.json' with { type: 'json' };
import englishNames from '../../src/domain/schemas/input/english-names.schema.json' with { type: 'json' };
import genericTerms from '../../src/domain/schemas/input/generic-terms.schema.json' with { type: 'json' };
import glossary from '../../src/domain/schemas/input/glossary.schema.json' with { type: 'json' };
import industries from '../../src/domain/schemas/input/industries.schema.json' with { type: 'json' };
import macroRegions from '../../src/domain/schemas/input/macro-regions.schema.json' with { type: 'json' };
import parkPositions from '../../src/domain/schemas/input/park-positions.schema.json' with { type: 'json' };
import parks from '../../src/domain/schemas/input/parks.schema.json' with { type: 'json' };
import pinyinOverrides from '../../src/domain/schemas/input/pinyin-overrides.schema.json' with { type: 'json' };
import plans from '../../src/domain/schemas/input/plans.schema.json' with { type: 'json' };
import rules from '../../src/domain/schemas/input/rules.schema.json' with { type: 'json' };
import translation from '../../src/domain/schemas/input/translation.schema.json' with { type: 'json' };
import translationsPending from '../../src/domain/schemas/input/translations-pending.schema.json' with { type: 'json' };

export const INPUT_SCHEMA_FILES = {
  plans,
  industries,
  rules,
  corrections,
  parks,
  'park-positions': parkPositions,
  'macro-regions': macroRegions,
  'change-events': changeEvents,
  'generic-terms': genericTerms,
  'pinyin-overrides': pinyinOverrides,
  'english-names': englishNames,
  glossary,
  translation,
  'translations-pending': translationsPending,
} as const;

export type InputKind = keyof typeof INPUT_SCHEMA_FILES;

/** True for a real calendar day: 2014-02-30 and 2014-13-40 are not. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

const ajv = new Ajv({
  allErrors: true,
  strict: true,
  strictRequired: false,
  verbose: true,
  strictTypes: false,
  allowUnionTypes: true,
});
ajv.addFormat('plan-date', { type: 'string', validate: isCalendarDate });
ajv.addFormat('month', { type: 'string', validate: (v: string) => /^\d{4}-\d{2}$/.test(v) && isCalendarDate(v) });
ajv.addKeyword({
  keyword: 'regexp',
  type: 'string',
  schemaType: 'boolean',
  errors: true,
  validate: function compiles(this: unknown, _schema: boolean, data: string): boolean {
    try {
      new RegExp(data);
      return true;
    } catch (error) {
      (compiles as unknown as { errors: object[] }).errors = [
        {
          keyword: 'regexp',
          message: `not a valid regular expression: ${(error as Error).message}`,
          params: {},
        },
      ];
      return false;
    }
  },
});
ajv.addSchema(common);
// Added first, compiled after: schemas may refer to each other (pending translations use translation's sentence).
for (const schema of Object.values(INPUT_SCHEMA_FILES)) ajv.addSchema(schema);

export const INPUT_SCHEMAS = Object.fromEntries(
  Object.entries(INPUT_SCHEMA_FILES).map(([kind, schema]) => [kind, ajv.getSchema(schema.$id) as ValidateFunction]),
) as Record<InputKind, ValidateFunction>;
