/**
 * Checks that need more than one value or more than one file: unique ids, a hierarchy without cycles, references
 * that resolve, rules that still find their text. Each failure names the file, the line and the key.
 */
import type { Correction } from '../extract/rules.ts';
import type { IndustryEntry, PlacesInputs, PlanEntry, RulesShape } from './index.ts';
import type { LoadedJson } from './read.ts';

/** Throws at the second occurrence of a key (the one to remove or rename). */
export function unique<T>(
  file: LoadedJson<unknown>,
  items: readonly T[],
  keyOf: (item: T) => string,
  pointerOf: (index: number) => string,
  what: string,
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier !== undefined) {
      throw file.error(
        pointerOf(i),
        `duplicate ${what} "${key}" (already used at line ${file.lineOf(pointerOf(earlier))})`,
      );
    }
    first.set(key, i);
  });
}

export function checkPlans(file: LoadedJson<{ plans: PlanEntry[] }>): void {
  const plans = file.value.plans;
  unique(
    file,
    plans,
    (p) => p.id,
    (i) => `/plans/${i}/id`,
    'plan id',
  );
  unique(
    file,
    plans,
    (p) => p.file,
    (i) => `/plans/${i}/file`,
    'seed file',
  );
  plans.forEach((p, i) => {
    // 'year' is the year the plan was issued (the filter groups by it): a mismatch is a typo in one of the two.
    if (Number(p.issued.slice(0, 4)) !== p.year) {
      throw file.error(`/plans/${i}/year`, `${p.year} is not the year of issued "${p.issued}"`);
    }
  });
}

export function checkIndustries(file: LoadedJson<{ industries: IndustryEntry[] }>): void {
  const list = file.value.industries;
  unique(
    file,
    list,
    (x) => x.id,
    (i) => `/industries/${i}/id`,
    'industry id',
  );
  const index = new Map(list.map((x, i) => [x.id, i]));
  list.forEach((x, i) => {
    if (x.parent === null) return;
    if (x.parent === x.id) throw file.error(`/industries/${i}/parent`, `industry "${x.id}" is its own parent`);
    if (!index.has(x.parent)) throw file.error(`/industries/${i}/parent`, `unknown parent industry "${x.parent}"`);
  });
  // A cycle (a → b → a) leaves no root to hang the industries on: the filter would lose the whole sector.
  list.forEach((x, i) => {
    const path = [x.id];
    for (let parent = x.parent; parent !== null; ) {
      if (parent === x.id) {
        throw file.error(`/industries/${i}/parent`, `the hierarchy has a cycle: ${[...path, x.id].join(' → ')}`);
      }
      if (path.length > list.length) break; // a cycle further up: reported at its own members
      path.push(parent);
      parent = list[index.get(parent) as number]?.parent ?? null;
    }
  });
  // A written form must name one industry: the extraction maps forms to industries through zh and aliases.
  const forms = new Map<string, string>();
  list.forEach((x, i) => {
    [x.zh, ...x.aliases].forEach((form, j) => {
      const owner = forms.get(form);
      if (owner !== undefined && owner !== x.id) {
        throw file.error(
          j === 0 ? `/industries/${i}/zh` : `/industries/${i}/aliases/${j - 1}`,
          `"${form}" already names industry "${owner}"`,
        );
      }
      forms.set(form, x.id);
    });
  });
}

export function checkPlaces(places: PlacesInputs): void {
  const ids = new Map<string, string>();
  for (const file of [places.parks, places.macroRegions]) {
    file.value.places.forEach((p, i) => {
      const id = `${p.level === 'park' ? 'park' : p.level}-${p.slug}`;
      const earlier = ids.get(id);
      if (earlier !== undefined)
        throw file.error(`/places/${i}/slug`, `duplicate place id "${id}" (also in ${earlier})`);
      ids.set(id, `${file.name}:${file.lineOf(`/places/${i}/slug`)}`);
    });
  }
}

export function checkTerms(places: PlacesInputs): void {
  const generic = places.genericTerms;
  unique(
    generic,
    generic.value.suffixes,
    (t) => t.zh,
    (i) => `/suffixes/${i}/zh`,
    'generic suffix',
  );
  unique(
    generic,
    generic.value.words,
    (t) => t.zh,
    (i) => `/words/${i}/zh`,
    'generic word',
  );
  const overrides = places.pinyinOverrides;
  unique(
    overrides,
    overrides.value.overrides,
    (o) => o.zh,
    (i) => `/overrides/${i}/zh`,
    'override',
  );
  overrides.value.overrides.forEach((o, i) => {
    const syllables = o.pinyin.split(' ').length;
    if (syllables !== [...o.zh].length) {
      throw overrides.error(
        `/overrides/${i}/pinyin`,
        `${syllables} syllable${syllables === 1 ? '' : 's'} for the ${[...o.zh].length} characters of ${o.zh}`,
      );
    }
  });
}

function lineText(text: string, line: number): string | undefined {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return undefined;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end);
}

export function checkRules(
  file: LoadedJson<RulesShape>,
  plans: readonly PlanEntry[],
  seeds: ReadonlyMap<string, string>,
  industries: readonly IndustryEntry[],
): void {
  const planFiles = new Set(plans.map((p) => p.file));
  file.value.passages.inline.forEach((rule, i) => {
    const at = `/passages/inline/${i}`;
    if (!planFiles.has(rule.file))
      throw file.error(`${at}/file`, `"${rule.file}" is not a seed listed in data/plans.json`);
    const text = seeds.get(rule.file) ?? '';
    // An opening heading that is not in the text switches the passage off without a word.
    const from = text.indexOf(rule.from);
    if (from === -1) throw file.error(`${at}/from`, `"${rule.from}" does not occur in ${rule.file}`);
    if (text.indexOf(rule.to, from) === -1)
      throw file.error(`${at}/to`, `"${rule.to}" does not occur after "${rule.from}" in ${rule.file}`);
  });
  const industryIds = new Set(industries.map((x) => x.id));
  for (const [title, spec] of Object.entries(file.value.combinedSections)) {
    if (typeof spec === 'string') continue;
    for (const id of Object.keys(spec)) {
      if (!industryIds.has(id)) {
        throw file.error(`/combinedSections/${title}/${id}`, `unknown industry "${id}" (not in data/industries.json)`);
      }
    }
  }
  for (const form of Object.keys(file.value.guards ?? {})) {
    if (form.trim() === '') throw file.error('/guards', 'a guard for an empty form');
  }
}

export function checkCorrections(
  file: LoadedJson<{ corrections: Correction[] }>,
  plans: readonly PlanEntry[],
  seeds: ReadonlyMap<string, string>,
  industries: readonly IndustryEntry[],
): void {
  const planFiles = new Set(plans.map((p) => p.file));
  const industryIds = new Set(industries.map((x) => x.id));
  file.value.corrections.forEach((c, i) => {
    const at = `/corrections/${i}`;
    if (!planFiles.has(c.file)) throw file.error(`${at}/file`, `"${c.file}" is not a seed listed in data/plans.json`);
    // A correction applies to the sentence holding its fragment on its line; if that moved, it silently does nothing.
    const line = lineText(seeds.get(c.file) ?? '', c.line);
    if (line === undefined) throw file.error(`${at}/line`, `${c.file} has no line ${c.line}`);
    if (!line.includes(c.sentence)) {
      throw file.error(`${at}/sentence`, `"${c.sentence}" is not on line ${c.line} of ${c.file}`);
    }
    if (c.placeText !== undefined && !line.includes(c.placeText)) {
      throw file.error(`${at}/placeText`, `"${c.placeText}" is not on line ${c.line} of ${c.file}`);
    }
    if (c.industry !== undefined && !industryIds.has(c.industry)) {
      throw file.error(`${at}/industry`, `unknown industry "${c.industry}" (not in data/industries.json)`);
    }
  });
}
