import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  AssignmentsFile,
  AuditFile,
  AuditPlan,
  ExtractedAssignment,
  ExtractedAuditSentence,
  PlacesCollection,
} from '../../src/domain/types.ts';
import { buildDataset, defaultOptions, main } from '../build-data.ts';
import { attachEnglish, hasCjk, loadGlossary, type TranslationFile } from './index.ts';
import { missingTerms } from './missing-terms.ts';
import { renameInText } from './rename-in-translations.ts';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of data/ that a test may change. */
function scratchData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-english-'));
  temps.push(dir);
  cpSync(defaultOptions.dataDir, join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}

const FILE = '000_43d0119b57264c9e.txt';
const S1 = '打造以新余为核心区，上饶、九江为集聚区的“一核两区”产业布局。';
const S2 = '新余重点发展硅料、硅片、电池及组件等核心产品，打造世界级光伏产业基地。';

function sentence(text: string, assignments: string[] = []): ExtractedAuditSentence {
  return {
    line: 32,
    start: 0,
    end: text.length,
    text,
    passage: 'layout',
    sectionIndustry: 'photovoltaics',
    status: assignments.length ? 'assigned' : 'no-place',
    assignments,
    reason: null,
  };
}

const assignment: ExtractedAssignment = {
  id: 'a1',
  plan: 'p',
  place: '360500',
  industry: 'photovoltaics',
  industryZh: '光伏',
  placeText: '新余',
  role: 'core',
  products: ['硅料', '未知产品'],
  enterprises: ['赛维LDK'],
  quote: S2,
  source: { file: FILE, line: 32, start: 0, end: S2.length },
};

/** A minimal data/ with one translation file and a glossary. */
function miniData(sentences: TranslationFile['sentences']): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-english-mini-'));
  temps.push(dir);
  mkdirSync(join(dir, 'translations'));
  mkdirSync(join(dir, 'glossary'));
  const file: TranslationFile = { plan: 'p', file: FILE, translator: 'test', sentences };
  writeFileSync(join(dir, 'translations', '000.json'), JSON.stringify(file));
  writeFileSync(join(dir, 'glossary', 'products.json'), JSON.stringify({ terms: [{ zh: '硅料', en: 'polysilicon' }] }));
  writeFileSync(
    join(dir, 'glossary', 'enterprises.json'),
    JSON.stringify({ terms: [{ zh: '赛维LDK', en: 'LDK Solar', official: true, source: 'NYSE: LDK' }] }),
  );
  return dir;
}

const industries = [
  { id: 'photovoltaics', zh: '光伏', en: 'Photovoltaics', parent: null, aliases: ['光伏产业'], pinyin: 'guang fu' },
];
const audit: AuditPlan<ExtractedAuditSentence>[] = [
  {
    plan: 'p',
    file: FILE,
    sentences: [sentence(S1), sentence(S2, ['a1'])],
    counts: { sentences: 2, assigned: 1, assignments: 1, places: 1, unresolved: 0 },
  },
];
const EN1 = 'Build the "one core, two zones" layout, with Xinyu as the core area.';
const EN2 = 'Xinyu will focus on core products such as polysilicon.';
const placeEn = new Map([['360500', 'Xinyu']]);

describe('the English stage', () => {
  it('attaches the translation of each sentence and the glossary English of each term', () => {
    const dataDir = miniData([
      { line: 32, zh: S1, en: EN1 },
      { line: 32, zh: S2, en: EN2 },
    ]);
    const result = attachEnglish({ dataDir, assignments: [assignment], audit, industries, placeEn });
    expect(result.audit[0]?.sentences.map((s) => s.en)).toEqual([EN1, EN2]);
    const a = result.assignments[0];
    expect(a?.quoteEn).toBe(EN2);
    expect(a?.industryTextEn).toBe('Photovoltaics');
    expect(a?.enterprisesEn).toEqual(['LDK Solar']);
    // A term missing from the glossary keeps its Chinese text (the list stays parallel) and is reported.
    expect(a?.productsEn).toEqual(['polysilicon', '未知产品']);
    expect(result.missingTerms).toMatchObject([{ kind: 'product', zh: '未知产品', file: FILE, line: 32 }]);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/missing glossary term.*未知产品/)]);
  });

  it('reports a stale translation when the sentence on its line changed, naming the file and the line', () => {
    const dataDir = miniData([
      { line: 32, zh: S1, en: EN1 },
      { line: 32, zh: S2.replace('硅片、', ''), en: EN2 },
    ]);
    const result = attachEnglish({ dataDir, assignments: [assignment], audit, industries, placeEn });
    expect(result.assignments[0]?.quoteEn).toBeNull();
    expect(result.audit[0]?.sentences[1]?.en).toBeNull();
    const stale = result.warnings.filter((w) => w.message.startsWith('stale translation'));
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ file: FILE, line: 32 });
    expect(stale[0]?.message).toContain('data/translations/000.json');
    expect(result.counts).toMatchObject({ translated: 1, stale: 1, missing: 0, orphan: 0 });
  });

  it('reports a missing translation and an orphan one', () => {
    const dataDir = miniData([
      { line: 32, zh: S1, en: EN1 },
      { line: 40, zh: '一个已不存在的句子。', en: 'A sentence that is gone.' },
    ]);
    const result = attachEnglish({ dataDir, assignments: [assignment], audit, industries, placeEn });
    const messages = result.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^000_43d0119b57264c9e\.txt:32: missing translation: add/));
    expect(messages).toContainEqual(expect.stringMatching(/^000_43d0119b57264c9e\.txt:40: orphan translation in data/));
    expect(result.counts).toMatchObject({ translated: 1, stale: 0, missing: 1, orphan: 1 });
  });

  it('uses a pending translation once its sentence appears, and says where to move it', () => {
    const dataDir = miniData([{ line: 32, zh: S1, en: EN1 }]);
    writeFileSync(
      join(dataDir, 'translations', 'pending.json'),
      JSON.stringify({ $comment: 'test', 'data/translations/000.json': [{ line: 32, zh: S2, en: EN2 }] }),
    );
    const result = attachEnglish({ dataDir, assignments: [assignment], audit, industries, placeEn });
    expect(result.assignments[0]?.quoteEn).toBe(EN2);
    expect(result.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(
        /pending translation now in use: move the row for line 32 .* into data\/translations\/000\.json/,
      ),
    );
  });

  it('warns when an English quote does not name its place', () => {
    const dataDir = miniData([
      { line: 32, zh: S1, en: EN1 },
      { line: 32, zh: S2, en: 'Shangrao will focus on polysilicon.' },
    ]);
    const result = attachEnglish({ dataDir, assignments: [assignment], audit, industries, placeEn });
    expect(result.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/does not name its place "Xinyu"/),
    );
  });
});

describe('the real build with a changed translation', () => {
  it('warns about a stale translation, and fails with --strict', () => {
    const dataDir = scratchData();
    const path = join(dataDir, 'translations', '000.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as TranslationFile;
    const entry = file.sentences.find((s) => s.zh === S1);
    if (!entry) throw new Error('fixture sentence not found');
    entry.zh = S1.replace('上饶、', '');
    writeFileSync(path, JSON.stringify(file));
    const out = join(dataDir, '..', 'out');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(main(['--data', dataDir, '--out', out, '--versions', `${out}-versions`, '--quiet'])).toBe(0);
    expect(warn.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringMatching(
        /^warning: 000_43d0119b57264c9e\.txt:32: stale translation in data\/translations\/000\.json/,
      ),
    );
    expect(main(['--data', dataDir, '--out', out, '--versions', `${out}-versions`, '--quiet', '--strict'])).toBe(1);
    expect(error.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringMatching(/--strict/));
    vi.restoreAllMocks();
  });
});

describe('published English', () => {
  let assignments: AssignmentsFile['assignments'];
  let auditFile: AuditFile;
  let places: PlacesCollection;
  beforeAll(() => {
    const files = buildDataset();
    assignments = (JSON.parse(files.get('assignments.json') ?? '') as AssignmentsFile).assignments;
    auditFile = JSON.parse(files.get('audit.json') ?? '') as AuditFile;
    places = JSON.parse(files.get('places.geojson') ?? '') as PlacesCollection;
  });

  it('gives every assignment its English quote, products and enterprises, with no Chinese left', () => {
    expect(assignments.length).toBeGreaterThan(0);
    for (const a of assignments) {
      const where = `${a.id} (${a.source.file}:${a.source.line})`;
      expect(a.quoteEn, where).not.toBeNull();
      expect(hasCjk(a.quoteEn ?? ''), `${where}: ${a.quoteEn}`).toBe(false);
      expect(a.productsEn, where).toHaveLength(a.products.length);
      expect(a.enterprisesEn, where).toHaveLength(a.enterprises.length);
      for (const term of [...a.productsEn, ...a.enterprisesEn, a.industryTextEn]) {
        expect(hasCjk(term), `${where}: ${term}`).toBe(false);
      }
    }
  });

  it('gives every audit sentence its English', () => {
    for (const plan of auditFile.plans) {
      for (const s of plan.sentences) expect(s.en, `${plan.file}:${s.line}: ${s.text}`).not.toBeNull();
    }
    expect(auditFile.warnings.filter((w) => /translation|glossary|English quote/.test(w.message))).toEqual([]);
  });

  it('names the assignment place (its English name) in each English quote', () => {
    const en = new Map(places.features.map((f) => [f.id, f.properties.en]));
    const misses = assignments
      .filter((a) => !(a.quoteEn ?? '').includes(en.get(a.place) ?? '\u0000'))
      .map((a) => `${a.id}: "${en.get(a.place)}" not in "${a.quoteEn}"`);
    expect(misses).toEqual([]);
  });

  it('uses the glossary English of each product and enterprise inside the English quote', () => {
    // The glossary was seeded from the translators' term lists; this keeps the tags and the quote saying the same.
    const misses = assignments.flatMap((a) =>
      [...a.productsEn, ...a.enterprisesEn]
        .filter((term) => !(a.quoteEn ?? '').toLowerCase().includes(term.toLowerCase()))
        .map((term) => `${a.source.file}:${a.source.line}: "${term}"`),
    );
    expect([...new Set(misses)]).toEqual([]);
  });

  it('leaves no term for the missing-terms script to list', () => {
    const industriesFile = JSON.parse(readFileSync(join(defaultOptions.dataDir, 'industries.json'), 'utf8'));
    const glossary = loadGlossary(defaultOptions.dataDir);
    expect(missingTerms(assignments, glossary, industriesFile.industries)).toEqual([]);
  });
});

describe('renaming a place in the translations', () => {
  it('replaces whole names only and is idempotent', () => {
    const from = 'Nanchang High-tech Industrial Development Zone';
    const to = 'Nanchang National High-tech Industrial Development Zone';
    const once = renameInText(`the ${from} and the ${from}.`, from, to);
    expect(once).toBe(`the ${to} and the ${to}.`);
    expect(renameInText(once, from, to)).toBe(once);
    expect(renameInText('Jiang Copper Industrial Parks', 'Jiang Copper Industrial Park', 'X')).toBe(
      'Jiang Copper Industrial Parks',
    );
  });
});
