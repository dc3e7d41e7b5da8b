/**
 * The English stage of the build: attaches the team's translations (data/translations/) and the reviewed glossary
 * (data/glossary/) to what the extraction found. Pure apart from reading data/: no seed is read here, the audit
 * sentences carry their text.
 *
 * A translation is keyed by (seed file, line, exact Chinese sentence). When a seed line or the sentence splitting
 * changes, the key no longer matches and the translation is reported as stale (same line, other text), missing (no
 * entry) or orphan (an entry that matches no sentence), each naming the translation file and the seed line, so a
 * changed text can never silently keep an old English. These are warnings (errors with --strict), like the others.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Assignment,
  AuditPlan,
  AuditSentence,
  AuditWarning,
  ExtractedAssignment,
  ExtractedAuditSentence,
  Industry,
} from '../../src/domain/types.ts';
import { BuildError } from '../errors.ts';

export interface TranslationEntry {
  line: number;
  zh: string;
  en: string;
}

export interface TranslationFile {
  plan: string;
  /** Seed file name inside seeds/. */
  file: string;
  translator: string;
  sentences: TranslationEntry[];
}

export type GlossaryKind = 'product' | 'enterprise' | 'industry';

export interface GlossaryEntry {
  zh: string;
  en: string;
  /** Why this rendering, where a choice was made. */
  note?: string;
  /** True when `en` is the company's own English name (its website, annual report or listing), not our rendering. */
  official?: true;
  /** Where the official name comes from. */
  source?: string;
}

export interface Glossary {
  product: Map<string, GlossaryEntry>;
  enterprise: Map<string, GlossaryEntry>;
  industry: Map<string, GlossaryEntry>;
}

/** Where each glossary kind lives under data/glossary/. */
export const GLOSSARY_FILES: Record<GlossaryKind, string> = {
  product: 'products.json',
  enterprise: 'enterprises.json',
  industry: 'industries-as-written.json',
};

export interface LoadedTranslations {
  /** Relative path used in messages (data/translations/000.json). */
  path: string;
  data: TranslationFile;
}

/** Translations are keyed by seed file, line and the exact Chinese sentence. */
const key = (file: string, line: number, zh: string) => `${file}\u0000${line}\u0000${zh}`;

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** True when the text holds a Chinese character or full-width punctuation. */
export const hasCjk = (text: string): boolean => CJK.test(text);

function readJson(path: string, shown: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BuildError(shown, 0, `invalid JSON: ${(error as Error).message}`);
  }
}

export function loadTranslations(dataDir: string): LoadedTranslations[] {
  const dir = join(dataDir, 'translations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d+\.json$/.test(name))
    .sort()
    .map((name) => {
      const path = `data/translations/${name}`;
      const data = readJson(join(dir, name), path) as TranslationFile;
      if (typeof data.file !== 'string' || !Array.isArray(data.sentences)) {
        throw new BuildError(path, 0, 'expected {"plan", "file", "translator", "sentences": [{line, zh, en}]}');
      }
      data.sentences.forEach((s, i) => {
        if (!Number.isInteger(s.line) || typeof s.zh !== 'string' || typeof s.en !== 'string' || s.en.trim() === '') {
          throw new BuildError(path, 0, `sentences[${i}]: needs an integer line and non-empty zh and en`);
        }
      });
      return { path, data };
    });
}

/**
 * Translations written ahead of an extraction change that will add sentences (data/translations/pending.json:
 * {"data/translations/<nnn>.json": [{line, zh, en}]}). They publish nothing while no audit sentence matches them; when
 * one does, its English is used and a warning says to move the row into its file, so pending rows never pile up.
 */
export function loadPendingTranslations(dataDir: string): Map<string, { en: string; target: string }> {
  const path = join(dataDir, 'translations', 'pending.json');
  const pending = new Map<string, { en: string; target: string }>();
  if (!existsSync(path)) return pending;
  const raw = readJson(path, 'data/translations/pending.json') as Record<string, TranslationEntry[] | string>;
  for (const [target, rows] of Object.entries(raw)) {
    if (target.startsWith('$')) continue;
    // Targets are written as people read them (data/translations/001.json); data/ is dataDir.
    const file = join(dataDir, target.replace(/^data\//, ''));
    if (!Array.isArray(rows) || !existsSync(file)) {
      throw new BuildError(
        'data/translations/pending.json',
        0,
        `"${target}": not a translation file with a list of rows`,
      );
    }
    const seed = (JSON.parse(readFileSync(file, 'utf8')) as TranslationFile).file;
    for (const r of rows) pending.set(key(seed, r.line, r.zh), { en: r.en, target });
  }
  return pending;
}

export function loadGlossary(dataDir: string): Glossary {
  const glossary: Glossary = { product: new Map(), enterprise: new Map(), industry: new Map() };
  for (const kind of Object.keys(GLOSSARY_FILES) as GlossaryKind[]) {
    const path = `data/glossary/${GLOSSARY_FILES[kind]}`;
    const full = join(dataDir, 'glossary', GLOSSARY_FILES[kind]);
    if (!existsSync(full)) continue;
    const raw = readJson(full, path) as { terms?: GlossaryEntry[] };
    if (!Array.isArray(raw.terms)) throw new BuildError(path, 0, 'no "terms" array');
    for (const [i, term] of raw.terms.entries()) {
      if (typeof term.zh !== 'string' || typeof term.en !== 'string' || term.en.trim() === '') {
        throw new BuildError(path, 0, `terms[${i}]: needs zh and a non-empty en`);
      }
      if (hasCjk(term.en))
        throw new BuildError(path, 0, `terms[${i}] (${term.zh}): en holds Chinese or full-width text`);
      if (glossary[kind].has(term.zh)) throw new BuildError(path, 0, `terms[${i}]: duplicate term "${term.zh}"`);
      if (term.official && !term.source)
        throw new BuildError(path, 0, `terms[${i}] (${term.zh}): official needs a source`);
      glossary[kind].set(term.zh, term);
    }
  }
  return glossary;
}

export interface MissingTerm {
  kind: GlossaryKind;
  zh: string;
  /** Where it first occurs, for the translator. */
  file: string;
  line: number;
  /** The English quote of that sentence, when there is one: the glossary should agree with it. */
  quoteEn: string | null;
}

export interface EnglishInput {
  dataDir: string;
  assignments: readonly ExtractedAssignment[];
  audit: readonly AuditPlan<ExtractedAuditSentence>[];
  industries: readonly Industry[];
  /** English name of each place id, to check that a quote's English names its place. */
  placeEn?: ReadonlyMap<string, string>;
}

export interface EnglishResult {
  assignments: Assignment[];
  audit: AuditPlan[];
  warnings: AuditWarning[];
  /** Products, enterprises and industry forms the glossary lacks, one row per term (first occurrence). */
  missingTerms: MissingTerm[];
  counts: { sentences: number; translated: number; stale: number; missing: number; orphan: number };
}

type Counts = EnglishResult['counts'];

/** The English stage: the audit's sentences get their translations, then the assignments their quotes and terms. */
export function attachEnglish(input: EnglishInput): EnglishResult {
  const index = indexTranslations(loadTranslations(input.dataDir));
  const pending = loadPendingTranslations(input.dataDir);
  const glossary = loadGlossary(input.dataDir);
  const warnings: AuditWarning[] = [];
  const counts: Counts = { sentences: 0, translated: 0, stale: 0, missing: 0, orphan: 0 };

  // Exact matches first, so a sentence that lost its translation can be paired with the entry left over on its line.
  markExactMatches(index, input.audit);
  const sentenceEn = new Map<string, string | null>();
  const audit: AuditPlan[] = input.audit.map((plan) => ({
    ...plan,
    sentences: plan.sentences.map((s): AuditSentence => {
      counts.sentences++;
      const en = sentenceEnglish(plan.file, s, index, pending, counts, warnings);
      sentenceEn.set(key(plan.file, s.line, s.text), en);
      return { ...s, en };
    }),
  }));
  orphanWarnings(index, counts, warnings);

  const terms = new TermLookup(glossary);
  const industryById = new Map(input.industries.map((i) => [i.id, i]));
  const assignments = input.assignments.map((a): Assignment => {
    const quoteEn = sentenceEn.get(key(a.source.file, a.source.line, a.quote)) ?? null;
    const placeWarning = quoteNamesPlace(a, quoteEn, input.placeEn);
    if (placeWarning) warnings.push(placeWarning);
    return {
      ...a,
      quoteEn,
      industryTextEn: industryTextEn(a, quoteEn, industryById.get(a.industry), terms),
      productsEn: a.products.map((p) => terms.en('product', p, a, quoteEn)),
      enterprisesEn: a.enterprises.map((e) => terms.en('enterprise', e, a, quoteEn)),
    };
  });

  const missingTerms = [...terms.missing.values()];
  for (const m of missingTerms) {
    warnings.push({
      file: m.file,
      line: m.line,
      message: `missing glossary term (${m.kind}): "${m.zh}" has no English in data/glossary/${GLOSSARY_FILES[m.kind]} (npx tsx scripts/english/missing-terms.ts lists all)`,
    });
  }
  return { assignments, audit, warnings, missingTerms, counts };
}

/** The translations by key and by seed line (for stale matches), and each seed's translation file. */
interface TranslationIndex {
  byKey: Map<string, { en: string; path: string; used: boolean }>;
  byLine: Map<string, { path: string; zh: string }[]>;
  pathByFile: Map<string, string>;
  /** Keys of entries reported as stale (paired with an edited sentence): not orphans. */
  stale: Set<string>;
}

function indexTranslations(translations: LoadedTranslations[]): TranslationIndex {
  const index: TranslationIndex = { byKey: new Map(), byLine: new Map(), pathByFile: new Map(), stale: new Set() };
  for (const { path, data } of translations) {
    index.pathByFile.set(data.file, path);
    for (const s of data.sentences) {
      index.byKey.set(key(data.file, s.line, s.zh), { en: s.en, path, used: false });
      const lineKey = `${data.file}\u0000${s.line}`;
      index.byLine.set(lineKey, [...(index.byLine.get(lineKey) ?? []), { path, zh: s.zh }]);
    }
  }
  return index;
}

function markExactMatches(index: TranslationIndex, audit: readonly AuditPlan<ExtractedAuditSentence>[]): void {
  for (const plan of audit) {
    for (const s of plan.sentences) {
      const hit = index.byKey.get(key(plan.file, s.line, s.text));
      if (hit) hit.used = true;
    }
  }
}

/**
 * One audit sentence's English: its translation, else a pending row (with a warning to move it), else null with a
 * warning: stale (an unused entry on its line shares text with it) or missing.
 */
function sentenceEnglish(
  file: string,
  s: ExtractedAuditSentence,
  index: TranslationIndex,
  pending: Map<string, { en: string; target: string }>,
  counts: Counts,
  warnings: AuditWarning[],
): string | null {
  const en = index.byKey.get(key(file, s.line, s.text))?.en ?? null;
  const waiting = en === null ? pending.get(key(file, s.line, s.text)) : undefined;
  if (waiting) {
    counts.translated++;
    warnings.push({
      file,
      line: s.line,
      message: `pending translation now in use: move the row for line ${s.line} from data/translations/pending.json into ${waiting.target}`,
    });
    return waiting.en;
  }
  if (en !== null) {
    counts.translated++;
    return en;
  }
  const onLine = index.byLine.get(`${file}\u0000${s.line}`) ?? [];
  const path = onLine[0]?.path ?? index.pathByFile.get(file) ?? 'data/translations/';
  const near = onLine.find((t) => {
    const k = key(file, s.line, t.zh);
    return !index.byKey.get(k)?.used && !index.stale.has(k) && overlaps(t.zh, s.text);
  });
  if (near) {
    index.stale.add(key(file, s.line, near.zh));
    counts.stale++;
    warnings.push({
      file,
      line: s.line,
      message: `stale translation in ${near.path}: the sentence now reads "${clip(s.text)}" but was translated as "${clip(near.zh)}"; translate the new text and update its zh`,
    });
  } else {
    counts.missing++;
    warnings.push({
      file,
      line: s.line,
      message: `missing translation: add {"line": ${s.line}, "zh": "${clip(s.text, 200)}", "en": "…"} to ${path}`,
    });
  }
  return null;
}

/** Entries no sentence used and none paired as stale. */
function orphanWarnings(index: TranslationIndex, counts: Counts, warnings: AuditWarning[]): void {
  for (const [k, entry] of index.byKey) {
    if (entry.used || index.stale.has(k)) continue;
    const [file = '', line = '0', zh = ''] = k.split('\u0000');
    counts.orphan++;
    warnings.push({
      file,
      line: Number(line),
      message: `orphan translation in ${entry.path}: no audit sentence on this line reads "${clip(zh)}"; remove it or fix its line`,
    });
  }
}

/** Glossary look-ups that remember each term the glossary lacks (first occurrence). */
class TermLookup {
  readonly missing = new Map<string, MissingTerm>();
  constructor(readonly glossary: Glossary) {}

  en(kind: GlossaryKind, zh: string, a: ExtractedAssignment, quoteEn: string | null): string {
    const hit = this.glossary[kind].get(zh);
    if (hit) return hit.en;
    const id = `${kind}\u0000${zh}`;
    if (!this.missing.has(id)) this.missing.set(id, { kind, zh, file: a.source.file, line: a.source.line, quoteEn });
    return zh;
  }
}

/** The industry as written: the industry's own English when it is its name or alias, else the glossary's. */
function industryTextEn(
  a: ExtractedAssignment,
  quoteEn: string | null,
  industry: Industry | undefined,
  terms: TermLookup,
): string {
  if (industry && (industry.zh === a.industryZh || industry.aliases.includes(a.industryZh))) return industry.en;
  const { glossary } = terms;
  if (glossary.industry.has(a.industryZh) || glossary.product.has(a.industryZh))
    return (glossary.industry.get(a.industryZh) ?? glossary.product.get(a.industryZh))?.en ?? a.industryZh;
  return terms.en('industry', a.industryZh, a, quoteEn);
}

/** A warning when the English quote does not name the assignment's place. */
function quoteNamesPlace(
  a: ExtractedAssignment,
  quoteEn: string | null,
  placeEn: ReadonlyMap<string, string> | undefined,
): AuditWarning | null {
  if (quoteEn === null || !placeEn) return null;
  const en = placeEn.get(a.place);
  if (!en || quoteEn.includes(en)) return null;
  return {
    file: a.source.file,
    line: a.source.line,
    message: `assignment ${a.id}: the English quote does not name its place "${en}" (translation attached to the wrong sentence, or the place's English name changed)`,
  };
}

/** Shares a run of 4+ characters: the same sentence edited, rather than another sentence on the line. */
function overlaps(a: string, b: string): boolean {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  for (let i = 0; i + 4 <= short.length; i++) if (long.includes(short.slice(i, i + 4))) return true;
  return false;
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
