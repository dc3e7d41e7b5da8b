/**
 * The table of damaged inputs (issue 13), shared by build-inputs.test.ts and anyone who wants to replay it against
 * another build (each row: a damage to a scratch copy of seeds/ and data/, and the message the build must print).
 * The scratch copies live in .cache/tests/ inside the repository so the messages can name paths relative to it, as
 * they do for `npm run data`.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../scripts/build-data.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const SCRATCH = join(ROOT, '.cache', 'tests');
const K000 = '000_43d0119b57264c9e.txt';
const K001 = '001_fd5fd5690e91b623.txt';
const K003 = '003_dd20e03d579564dd.txt';

export interface Scratch {
  dir: string;
  /** The scratch folder as messages name it (relative to the repository). */
  rel: string;
  seeds: string;
  data: string;
  out: string;
}

export function scratch(): Scratch {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, 'in-'));
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return {
    dir,
    rel: relative(ROOT, dir).split('\\').join('/'),
    seeds: join(dir, 'seeds'),
    data: join(dir, 'data'),
    out: join(dir, 'public', 'data'),
  };
}

export function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the damage did not change ${path}`);
  writeFileSync(path, after);
}

/** 1-based line of the nth occurrence of `needle` (the first by default). */
function lineOf(path: string, needle: string, nth = 1): number {
  const text = readFileSync(path, 'utf8');
  let at = -1;
  for (let n = 0; n < nth; n++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} not in ${path} ${nth} times`);
  }
  return text.slice(0, at).split('\n').length;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Outcome {
  code: number;
  errors: string;
  warnings: string;
}

/** Runs the build command's main() on the scratch copy, capturing what it prints. */
export function run(s: Scratch, extra: string[] = []): Outcome {
  const errors: string[] = [];
  const warnings: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
  vi.spyOn(console, 'warn').mockImplementation((m: unknown) => void warnings.push(String(m)));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const code = main([
    '--seeds',
    s.seeds,
    '--plans',
    join(s.data, 'plans.json'),
    '--data',
    s.data,
    '--out',
    s.out,
    '--quiet',
    ...extra,
  ]);
  vi.restoreAllMocks();
  return { code, errors: errors.join('\n'), warnings: warnings.join('\n') };
}

export interface Row {
  name: string;
  damage: (s: Scratch) => void;
  /** The message expected, built from the damaged scratch (so line numbers are computed, not typed). */
  message: (s: Scratch) => RegExp;
  args?: string[];
  /** 1 = refused (default); 0 = built (with the message as a warning). */
  code?: 0 | 1;
}

const plans = (s: Scratch) => join(s.data, 'plans.json');
const rules = (s: Scratch) => join(s.data, 'extraction', 'rules.json');
const corrections = (s: Scratch) => join(s.data, 'extraction', 'corrections.json');
const industries = (s: Scratch) => join(s.data, 'industries.json');
const parks = (s: Scratch) => join(s.data, 'places', 'parks.json');
const macro = (s: Scratch) => join(s.data, 'places', 'macro-regions.json');
const at = (_s: Scratch, path: string, line: number) => `${esc(relative(ROOT, path).split('\\').join('/'))}:${line}: `;

export const ROWS: Row[] = [
  // Documents.
  {
    name: 'an empty document listed in data/plans.json',
    damage: (s) => writeFileSync(join(s.seeds, K003), ''),
    message: (s) => new RegExp(`${esc(s.rel)}/seeds/${K003}:0: the document is empty`),
  },
  {
    name: 'a whitespace-only document (--strict or not)',
    damage: (s) => writeFileSync(join(s.seeds, K003), '\n　　\n  \r\n'),
    message: () => new RegExp(`${K003}:0: the document is empty`),
  },
  {
    name: 'a new document in which no layout passage is found',
    damage: (s) => {
      writeFileSync(join(s.seeds, '005_new.txt'), '江西省某产业规划\n一、总体要求\n坚持创新驱动，推动高质量发展。\n');
      edit(plans(s), (t) =>
        t.replace(
          /\n {2}\]\n\}\s*$/,
          `,\n    { "id": "2019-new", "file": "005_new.txt", "titleZh": "某规划", "titleEn": "A plan", "issuerZh": "江西省人民政府", "issuerEn": "People's Government of Jiangxi Province", "issued": "2019-03", "year": 2019, "horizon": [2020] }\n  ]\n}\n`,
        ),
      );
    },
    message: (s) => new RegExp(`${esc(s.rel)}/seeds/005_new\\.txt:0: no layout sentence found`),
  },
  {
    name: 'a document with far fewer layout sentences than its entry expects',
    damage: (s) => edit(plans(s), (t) => t.replace('"layoutSentences": 81', '"layoutSentences": 200')),
    message: (s) =>
      new RegExp(`${K003}:0: 81 layout sentences found where ${esc(relative(ROOT, plans(s)))}:\\d+ expects 200`),
  },
  {
    name: 'a few layout sentences fewer than expected: a warning…',
    damage: (s) => edit(plans(s), (t) => t.replace('"layoutSentences": 81', '"layoutSentences": 90')),
    message: () => /warning: 003_dd20e03d579564dd\.txt:0: 81 layout sentences found where .* expects 90/,
    code: 0,
  },
  {
    name: '…and an error with --strict',
    damage: (s) => edit(plans(s), (t) => t.replace('"layoutSentences": 81', '"layoutSentences": 90')),
    message: () => /003_dd20e03d579564dd\.txt:0: warnings in --strict mode/,
    args: ['--strict'],
  },
  {
    name: 'a seed over the size limit',
    damage: (s) => writeFileSync(join(s.seeds, K000), Buffer.alloc(9 * 1024 * 1024, 0x41)),
    message: () => new RegExp(`${K000}:0: seed file is 9437184 bytes, over the limit`),
  },
  {
    name: 'a seed listed but missing',
    damage: (s) => rmSync(join(s.seeds, K001)),
    message: () => new RegExp(`${K001}:0: seed file is missing`),
  },
  // data/plans.json
  {
    name: 'an impossible issue date (2014-13-40)',
    damage: (s) => edit(plans(s), (t) => t.replace('"2014-01-20"', '"2014-13-40"')),
    message: (s) =>
      new RegExp(
        `${at(s, plans(s), lineOf(plans(s), '2014-13-40'))}plans\\[1\\]\\.issued: "2014-13-40" is not a real calendar date`,
      ),
  },
  {
    name: 'an impossible issue date (2014-02-30)',
    damage: (s) => edit(plans(s), (t) => t.replace('"2014-01-20"', '"2014-02-30"')),
    message: (s) => new RegExp(`${at(s, plans(s), lineOf(plans(s), '2014-02-30'))}plans\\[1\\]\\.issued: "2014-02-30"`),
  },
  {
    name: 'a year that is not the year of issue',
    damage: (s) => edit(plans(s), (t) => t.replace('"year": 2014', '"year": 2015')),
    message: (s) =>
      new RegExp(`${at(s, plans(s), lineOf(plans(s), '"year": 2015'))}plans\\[1\\]\\.year: 2015 is not the year`),
  },
  {
    name: 'a misspelt key in a plan',
    damage: (s) => edit(plans(s), (t) => t.replace('"issued": "2014-01-20"', '"isued": "2014-01-20"')),
    message: (s) =>
      new RegExp(
        `${at(s, plans(s), lineOf(plans(s), '"isued"'))}plans\\[1\\]\\.isued: unknown key "isued" \\(did you mean "issued"\\?\\)`,
      ),
  },
  {
    name: 'a duplicate plan id',
    damage: (s) => edit(plans(s), (t) => t.replace('"id": "2016-made-in-china-2025"', '"id": "2014-key-industries"')),
    message: (s) =>
      new RegExp(
        `${at(s, plans(s), lineOf(plans(s), '"2014-key-industries"', 2))}plans\\[2\\]\\.id: duplicate plan id`,
      ),
  },
  {
    name: 'a JSON syntax error (missing comma)',
    damage: (s) => edit(plans(s), (t) => t.replace('"year": 2014,', '"year": 2014')),
    message: (s) =>
      new RegExp(
        `${at(s, plans(s), lineOf(plans(s), '"horizon": [2015, 2017]'))}invalid JSON at column 7: expected "," or "}"`,
      ),
  },
  {
    name: 'a year given as a string',
    damage: (s) => edit(plans(s), (t) => t.replace('"year": 2014', '"year": "2014"')),
    message: (s) =>
      new RegExp(`${at(s, plans(s), lineOf(plans(s), '"2014"'))}plans\\[1\\]\\.year: must be integer, got "2014"`),
  },
  // data/extraction/rules.json
  {
    name: 'a misspelt optional rules key (the rule would silently be off)',
    damage: (s) => edit(rules(s), (t) => t.replace('"notPlaceAfter"', '"notPlaceAftr"')),
    message: (s) =>
      new RegExp(
        `${at(s, rules(s), lineOf(rules(s), 'notPlaceAftr'))}notPlaceAftr: unknown key "notPlaceAftr" \\(did you mean "notPlaceAfter"\\?\\)`,
      ),
  },
  {
    name: 'a misspelt optional key inside a guard',
    damage: (s) => edit(rules(s), (t) => t.replace('"notBefore": "以"', '"notBfore": "以"')),
    message: (s) => new RegExp(`${at(s, rules(s), lineOf(rules(s), 'notBfore'))}guards\\.上高\\.notBfore: unknown key`),
  },
  {
    name: 'a misspelt required rules key (was a TypeError in roles.ts)',
    damage: (s) => edit(rules(s), (t) => t.replace('"roleCues"', '"roleCue"')),
    message: (s) =>
      new RegExp(
        `${at(s, rules(s), lineOf(rules(s), '"roleCue"'))}roleCue: unknown key "roleCue" \\(did you mean "roleCues"\\?\\)`,
      ),
  },
  {
    name: 'a required rules key removed',
    damage: (s) => edit(rules(s), (t) => t.replace(/"headingPrefix": "[^\n]*\n/, '')),
    message: (s) => new RegExp(`${at(s, rules(s), 1)}\\(top level\\): missing required key "headingPrefix"`),
  },
  {
    name: 'an invalid regular expression (was a stack trace)',
    damage: (s) => edit(rules(s), (t) => t.replace('"layoutParagraph": "', '"layoutParagraph": "(')),
    message: (s) =>
      new RegExp(
        `${at(s, rules(s), lineOf(rules(s), '"layoutParagraph"'))}passages\\.layoutParagraph: not a valid regular expression: .*Unterminated group`,
      ),
  },
  {
    name: 'an invalid regular expression in a role cue',
    damage: (s) => edit(rules(s), (t) => t.replace('"supporting": "辅|', '"supporting": "辅|[')),
    message: (s) =>
      new RegExp(
        `${at(s, rules(s), lineOf(rules(s), '"supporting": "辅|['))}roleCues\\.predicate\\.supporting: not a valid regular expression`,
      ),
  },
  {
    name: 'an inline passage rule whose opening heading is not in its document',
    damage: (s) => edit(rules(s), (t) => t.replace('"from": "二、重点领域"', '"from": "二、重点领城"')),
    message: (s) =>
      new RegExp(
        `${at(s, rules(s), lineOf(rules(s), '二、重点领城'))}passages\\.inline\\[0\\]\\.from: "二、重点领城" does not occur in ${K003}`,
      ),
  },
  {
    name: 'an inline passage rule for a document not in data/plans.json',
    damage: (s) => edit(rules(s), (t) => t.replace(`"file": "${K003}"`, '"file": "009_missing.txt"')),
    message: (s) =>
      new RegExp(
        `${at(s, rules(s), lineOf(rules(s), '009_missing'))}passages\\.inline\\[0\\]\\.file: "009_missing\\.txt" is not a seed`,
      ),
  },
  {
    name: 'a combined section naming an unknown industry',
    damage: (s) => edit(rules(s), (t) => t.replace('"tungsten": [', '"tungstn": [')),
    message: (s) =>
      new RegExp(
        `${at(s, rules(s), lineOf(rules(s), 'tungstn'))}combinedSections\\.钨和稀土加工产业\\.tungstn: unknown industry "tungstn"`,
      ),
  },
  {
    name: 'a trailing comma in rules.json',
    damage: (s) => edit(rules(s), (t) => t.replace('"602所",', '"602所",,')),
    message: (s) =>
      new RegExp(
        `${at(s, rules(s), lineOf(rules(s), '"602所",,'))}invalid JSON at column \\d+: expected a value|${at(s, rules(s), lineOf(rules(s), '"602所",,'))}invalid JSON`,
      ),
  },
  // data/extraction/corrections.json
  {
    name: 'a correction whose sentence is no longer on its line',
    // (The 000 line 21 drop correction this case used to damage was removed by issue 9: existing bases are ties.)
    damage: (s) => edit(corrections(s), (t) => t.replace('"line": 238', '"line": 239')),
    message: (s) =>
      new RegExp(
        `${at(s, corrections(s), lineOf(corrections(s), '"sentence": "包括'))}corrections\\[0\\]\\.sentence: ".*" is not on line 239 of ${K001}`,
      ),
  },
  {
    name: 'a place correction without its place',
    damage: (s) => edit(corrections(s), (t) => t.replace('"place": "360421",', '')),
    message: (s) =>
      new RegExp(
        `${at(s, corrections(s), lineOf(corrections(s), '{', 2))}corrections\\[0\\]: missing required key "place"`,
      ),
  },
  {
    name: 'a correction naming a place the gazetteer does not know',
    damage: (s) => edit(corrections(s), (t) => t.replace('"place": "360421"', '"place": "360499"')),
    message: (s) =>
      new RegExp(
        `${at(s, corrections(s), lineOf(corrections(s), '360499'))}corrections\\[0\\]\\.place: unknown place "360499"`,
      ),
  },
  {
    name: 'a correction with an unknown action',
    damage: (s) => edit(corrections(s), (t) => t.replace('"action": "place"', '"action": "plcae"')),
    message: (s) =>
      new RegExp(
        `${at(s, corrections(s), lineOf(corrections(s), '"plcae"'))}corrections\\[0\\]\\.action: "plcae" is not one of`,
      ),
  },
  // data/industries.json
  {
    name: 'an industry that is its own parent',
    damage: (s) => edit(industries(s), (t) => t.replace('"parent": null', '"parent": "pharma"')),
    message: (s) =>
      new RegExp(
        `${at(s, industries(s), lineOf(industries(s), '"parent": "pharma"'))}industries\\[0\\]\\.parent: industry "pharma" is its own parent`,
      ),
  },
  {
    name: 'a cycle in the industry hierarchy',
    damage: (s) => edit(industries(s), (t) => t.replace('"parent": null', '"parent": "pharma-tcm"')),
    message: (s) =>
      new RegExp(
        `${at(s, industries(s), lineOf(industries(s), '"parent": "pharma-tcm"'))}industries\\[0\\]\\.parent: the hierarchy has a cycle: pharma → pharma-tcm → pharma`,
      ),
  },
  {
    name: 'an unknown parent industry',
    damage: (s) => edit(industries(s), (t) => t.replace('"parent": "pharma"', '"parent": "pharmacy"')),
    message: (s) =>
      new RegExp(
        `${at(s, industries(s), lineOf(industries(s), 'pharmacy'))}industries\\[1\\]\\.parent: unknown parent industry "pharmacy"`,
      ),
  },
  {
    name: 'a duplicate industry id',
    damage: (s) => edit(industries(s), (t) => t.replace('"id": "pharma-chemical"', '"id": "pharma-tcm"')),
    message: (s) =>
      new RegExp(
        `${at(s, industries(s), lineOf(industries(s), '"id": "pharma-tcm"', 2))}industries\\[2\\]\\.id: duplicate industry id "pharma-tcm"`,
      ),
  },
  {
    name: 'an alias that already names another industry',
    damage: (s) => edit(industries(s), (t) => t.replace('"化学药业",', '"中药业", "化学药业",')),
    message: () => /industries\.json:\d+: industries\[2\]\.aliases\[0\]: "中药业" already names industry "pharma-tcm"/,
  },
  {
    name: 'an empty industries file',
    damage: (s) => writeFileSync(industries(s), '  \n'),
    message: (s) => new RegExp(`${at(s, industries(s), 0)}the file is empty`),
  },
  {
    name: 'an industries file that is not UTF-8',
    damage: (s) => writeFileSync(industries(s), Buffer.from([0x7b, 0xc4, 0xcf, 0x7d])),
    message: (s) => new RegExp(`${at(s, industries(s), 0)}not valid UTF-8`),
  },
  // data/places/
  {
    name: 'a JSON syntax error in a places file (was "line 0" and an absolute path)',
    damage: (s) => edit(parks(s), (t) => t.replace('"level": "park",', '"level": "park"')),
    message: (s) => new RegExp(`^error: ${at(s, parks(s), lineOf(parks(s), '"aliases"'))}invalid JSON at column 7`),
  },
  {
    name: 'a duplicate park id (was a schema error in the output file)',
    damage: (s) =>
      edit(parks(s), (t) => t.replace('"slug": "nanchang-hangkong-gongyecheng"', '"slug": "nanchang-gaoxinqu"')),
    message: (s) =>
      new RegExp(
        `${at(s, parks(s), lineOf(parks(s), '"slug": "nanchang-gaoxinqu"', 2))}places\\[1\\]\\.slug: duplicate place id "park-nanchang-gaoxinqu"`,
      ),
  },
  {
    name: 'a park in a county that does not exist',
    damage: (s) => edit(parks(s), (t) => t.replace('"county": "360111"', '"county": "369999"')),
    message: (s) =>
      new RegExp(
        `${at(s, parks(s), lineOf(parks(s), '369999'))}places\\[0\\]\\.county: 南昌高新技术产业开发区: unknown county 369999`,
      ),
  },
  {
    name: 'a park county given as a number',
    damage: (s) => edit(parks(s), (t) => t.replace('"county": "360111"', '"county": 360111')),
    message: (s) =>
      new RegExp(
        `${at(s, parks(s), lineOf(parks(s), '"county": 360111'))}places\\[0\\]\\.county: must be string, got number`,
      ),
  },
  {
    name: 'a park without its reason',
    damage: (s) => edit(parks(s), (t) => t.replace(/"reason": "001 ◆产业布局[^"]*"/, '"reason": " "')),
    message: (s) =>
      new RegExp(`${at(s, parks(s), lineOf(parks(s), '"reason": " "'))}places\\[0\\]\\.reason: " " is blank`),
  },
  {
    name: 'a macro-region member that does not exist',
    damage: (s) => edit(macro(s), (t) => t.replace('"members": ["360700"]', '"members": ["360799"]')),
    message: (s) =>
      new RegExp(
        `${at(s, macro(s), lineOf(macro(s), '360799'))}places\\[0\\]\\.members\\[0\\]: 赣南: unknown member 360799`,
      ),
  },
  {
    name: 'a misspelt key in a park position',
    damage: (s) => edit(join(s.data, 'places', 'park-positions.json'), (t) => t.replace('"precision"', '"precison"')),
    message: () =>
      /park-positions\.json:\d+: positions\[0\]\.precison: unknown key "precison" \(did you mean "precision"\?\)/,
  },
  {
    name: 'a misspelt key in an English place name',
    damage: (s) => edit(join(s.data, 'places', 'english-names.json'), (t) => t.replace('"official"', '"oficial"')),
    message: () => /english-names\.json:\d+: names\[0\]\.oficial: unknown key "oficial" \(did you mean "official"\?\)/,
  },
  {
    name: 'a duplicate glossary term',
    damage: (s) =>
      edit(join(s.data, 'glossary', 'enterprises.json'), (t) => t.replace('"zh": "赛维BEST"', '"zh": "赛维LDK"')),
    message: () => /glossary\/enterprises\.json:\d+: terms\[\d+\]\.zh: duplicate term "赛维LDK"/,
  },
  {
    name: 'a translation file for another plan than its seed',
    damage: (s) =>
      edit(join(s.data, 'translations', '000.json'), (t) =>
        t.replace('"plan": "2014-key-industries"', '"plan": "2012-it-12th-fyp"'),
      ),
    message: () => /translations\/000\.json:3: file: plan 2012-it-12th-fyp is 001_fd5fd5690e91b623\.txt, not 000_/,
  },
  {
    name: 'an impossible approval month',
    damage: (s) =>
      edit(join(s.data, 'places', 'change-events.json'), (t) =>
        t.replace('"approved": "2013-10"', '"approved": "2013-13"'),
      ),
    message: () => /change-events\.json:\d+: events\[0\]\.approved: "2013-13" is not a real month/,
  },
  {
    name: 'a pinyin override with the wrong number of syllables',
    damage: (s) =>
      edit(join(s.data, 'places', 'pinyin-overrides.json'), (t) =>
        t.replace('"pinyin": "du chang"', '"pinyin": "duchang"'),
      ),
    message: () => /pinyin-overrides\.json:\d+: overrides\[0\]\.pinyin: 1 syllable for the 2 characters of 都昌/,
  },
  {
    name: 'a duplicate generic term',
    damage: (s) =>
      edit(join(s.data, 'places', 'generic-terms.json'), (t) =>
        t.replace('"zh": "高新技术产业园区"', '"zh": "高新技术产业开发区"'),
      ),
    message: () => /generic-terms\.json:\d+: suffixes\[2\]\.zh: duplicate generic suffix "高新技术产业开发区"/,
  },
  {
    name: 'a places file nested absurdly deep (no stack overflow)',
    damage: (s) => writeFileSync(parks(s), `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    message: (s) => new RegExp(`${at(s, parks(s), 1)}invalid JSON at column 257: nested more than 256 levels deep`),
  },
  {
    name: 'a places file over the size limit',
    damage: (s) => writeFileSync(parks(s), `{"places": [], "$comment": "${'x'.repeat(5 * 1024 * 1024)}"}`),
    message: (s) => new RegExp(`${at(s, parks(s), 0)}file is \\d+ bytes, over the limit`),
  },
];
