/**
 * The real corpus for tests and tools that run the extraction on it: the plans and industries in data/ and each plan's
 * seed text, read once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Industry, Plan } from '../../src/domain/types.ts';
import type { Gazetteer } from '../gazetteer/types.ts';
import { extractPlan } from './index.ts';
import type { ExtractionResult } from './types.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const plans = (JSON.parse(readFileSync(`${root}data/plans.json`, 'utf8')) as { plans: Plan[] }).plans;
export const industries = (
  JSON.parse(readFileSync(`${root}data/industries.json`, 'utf8')) as { industries: Industry[] }
).industries;
/** Seed text by file name. */
export const texts = new Map(plans.map((p) => [p.file, readFileSync(`${root}seeds/${p.file}`, 'utf8')]));

/** Every plan extracted with this gazetteer, keyed by the seed file's three-digit prefix. */
export function extractAll(gazetteer: Gazetteer): Map<string, ExtractionResult> {
  return new Map(
    plans.map((plan) => [
      plan.file.slice(0, 3),
      extractPlan({ plan, text: texts.get(plan.file) ?? '', gazetteer, industries }),
    ]),
  );
}
