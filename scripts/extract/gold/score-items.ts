/**
 * Scores extracted products and enterprises against the blind item annotation in scripts/extract/gold/items/NNN.json
 * ({plan, file, rows: [{line, sentence, placeZh, industryZh, products, enterprises, note?}]}): one gold row per (line,
 * place as written) that the sentence ties an item to.
 *
 * For each (file, line, place) the gold items are compared with the union of the extracted items of that place on that
 * line; an item matches when one string contains the other. Micro precision/recall/F1 per plan, products and
 * enterprises apart. Places are resolved with the gold files' helper (place.ts); an extracted row also matches a gold
 * row whose place is written exactly as the row's placeText.
 *
 * Usage: npx tsx scripts/extract/gold/score-items.ts [--assignments path/to/assignments.json] [--verbose]
 * (without --assignments the extraction is run on the seeds).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ExtractedAssignment, Plan } from '../../../src/domain/types.ts';
import type { Gazetteer } from '../../gazetteer/types.ts';
import { resolveGoldPlace } from './place.ts';

/** What the scorer reads of a row: published (assignments.json) and extracted rows both have it. */
export type ItemRow = Pick<ExtractedAssignment, 'source' | 'place' | 'placeText' | 'products' | 'enterprises'>;

export interface GoldItemRow {
  line: number;
  sentence: string;
  placeZh: string;
  industryZh?: string;
  products: string[];
  enterprises: string[];
  note?: string;
}

export interface GoldItems {
  plan: string;
  file: string;
  rows: GoldItemRow[];
}

export interface FieldScore {
  gold: number;
  extracted: number;
  /** Gold items some extracted item matches (recall's numerator). */
  goldMatched: number;
  /** Extracted items some gold item matches (precision's numerator). */
  extractedMatched: number;
  precision: number;
  recall: number;
  f1: number;
  misses: string[];
  extras: string[];
}

export interface PlanItemScore {
  plan: string;
  file: string;
  products: FieldScore;
  enterprises: FieldScore;
}

/** Items match when one contains the other (硅片 ~ 硅片生产; 江铃集团 ~ 江铃集团公司). */
export const itemsMatch = (a: string, b: string): boolean => a.includes(b) || b.includes(a);

export function field(): FieldScore {
  return {
    gold: 0,
    extracted: 0,
    goldMatched: 0,
    extractedMatched: 0,
    precision: 1,
    recall: 1,
    f1: 1,
    misses: [],
    extras: [],
  };
}

/** Micro-averaged score over several plans: the counts add up, then precision/recall/F1 are taken once. */
export function sumScores(scores: readonly FieldScore[]): FieldScore {
  const total = field();
  for (const x of scores) {
    total.gold += x.gold;
    total.extracted += x.extracted;
    total.goldMatched += x.goldMatched;
    total.extractedMatched += x.extractedMatched;
  }
  return finish(total);
}

export function finish(s: FieldScore): FieldScore {
  s.precision = s.extracted ? s.extractedMatched / s.extracted : 1;
  s.recall = s.gold ? s.goldMatched / s.gold : 1;
  s.f1 = s.precision + s.recall > 0 ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  return s;
}

function compare(s: FieldScore, key: string, gold: readonly string[], got: readonly string[]): void {
  s.gold += gold.length;
  s.extracted += got.length;
  for (const g of gold) {
    if (got.some((x) => itemsMatch(g, x))) s.goldMatched++;
    else s.misses.push(`${key} ${g}`);
  }
  for (const x of got) {
    if (gold.some((g) => itemsMatch(g, x))) s.extractedMatched++;
    else s.extras.push(`${key} ${x}`);
  }
}

/**
 * Scores one plan. `assignments` may hold every plan's rows; only this plan's file counts. Lines outside the gold
 * file's range (first to last annotated line) are left out when the gold file says `"partial": true`.
 */
export function scorePlanItems(
  gold: GoldItems & { partial?: boolean },
  assignments: readonly ItemRow[],
  gazetteer: Gazetteer,
  date: string,
): PlanItemScore {
  const lines = gold.rows.map((r) => r.line);
  const [from, to] = gold.partial ? [Math.min(...lines), Math.max(...lines)] : [1, Number.MAX_SAFE_INTEGER];
  const rows = assignments.filter((a) => a.source.file === gold.file && a.source.line >= from && a.source.line <= to);
  // Gold keyed by (line, place id); several gold rows for one key are merged.
  const goldByKey = new Map<
    string,
    { label: string; written: Set<string>; products: string[]; enterprises: string[] }
  >();
  for (const r of gold.rows) {
    const place = resolveGoldPlace(gazetteer, r.placeZh, date) ?? `?${r.placeZh}`;
    const key = `${r.line}|${place}`;
    const entry = goldByKey.get(key) ?? {
      label: `${r.line} ${r.placeZh}`,
      written: new Set(),
      products: [],
      enterprises: [],
    };
    entry.written.add(r.placeZh.split('=')[0] ?? r.placeZh);
    entry.products.push(...r.products);
    entry.enterprises.push(...r.enterprises);
    goldByKey.set(key, entry);
  }
  // Extracted: union of items per (line, place); a row written exactly as a gold place joins that gold key.
  const gotByKey = new Map<string, { label: string; products: Set<string>; enterprises: Set<string> }>();
  for (const a of rows) {
    let key = `${a.source.line}|${a.place}`;
    if (!goldByKey.has(key)) {
      const byText = [...goldByKey.entries()].find(
        ([k, g]) => k.startsWith(`${a.source.line}|`) && g.written.has(a.placeText),
      );
      if (byText) key = byText[0];
    }
    const entry = gotByKey.get(key) ?? {
      label: `${a.source.line} ${a.placeText}`,
      products: new Set<string>(),
      enterprises: new Set<string>(),
    };
    for (const p of a.products) entry.products.add(p);
    for (const e of a.enterprises) entry.enterprises.add(e);
    gotByKey.set(key, entry);
  }
  const products = field();
  const enterprises = field();
  for (const key of new Set([...goldByKey.keys(), ...gotByKey.keys()])) {
    const g = goldByKey.get(key);
    const x = gotByKey.get(key);
    const label = g?.label ?? x?.label ?? key;
    compare(products, label, [...new Set(g?.products ?? [])], [...(x?.products ?? [])]);
    compare(enterprises, label, [...new Set(g?.enterprises ?? [])], [...(x?.enterprises ?? [])]);
  }
  return { plan: gold.plan, file: gold.file, products: finish(products), enterprises: finish(enterprises) };
}

/** Reads every gold item file present (000 … 004) under `dir`. */
export function readGoldItems(dir: string): (GoldItems & { partial?: boolean })[] {
  const out: (GoldItems & { partial?: boolean })[] = [];
  for (const n of ['000', '001', '002', '003', '004']) {
    const path = `${dir}/${n}.json`;
    if (existsSync(path)) out.push(JSON.parse(readFileSync(path, 'utf8')) as GoldItems & { partial?: boolean });
  }
  return out;
}

export const fmt = (s: FieldScore): string =>
  `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (gold ${s.gold}, extracted ${s.extracted})`;

/** The plan a gold file is about, found by its seed file (or id). */
export function planOf(plans: readonly Plan[], gold: GoldItems): Plan | undefined {
  return plans.find((p) => p.file === gold.file || p.id === gold.plan || p.file.startsWith(gold.plan));
}

async function main(): Promise<void> {
  const { loadGazetteer } = await import('../../gazetteer/index.ts');
  const { extractAll, plans, root } = await import('../corpus.ts');
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--assignments');
  const verbose = argv.includes('--verbose');
  const dirAt = argv.indexOf('--gold');
  const dir = dirAt >= 0 ? (argv[dirAt + 1] ?? '') : `${root}scripts/extract/gold/items`;
  const gazetteer = loadGazetteer();
  let assignments: ItemRow[];
  if (at >= 0) {
    const data = JSON.parse(readFileSync(argv[at + 1] ?? '', 'utf8')) as { assignments: ItemRow[] } | ItemRow[];
    assignments = Array.isArray(data) ? data : data.assignments;
  } else {
    assignments = [...extractAll(gazetteer).values()].flatMap((r) => r.assignments);
  }
  console.log('| plan | products P / R / F1 (gold, extracted) | enterprises P / R / F1 (gold, extracted) |');
  console.log('|---|---|---|');
  const cell = (f: FieldScore) =>
    `${f.precision.toFixed(3)} / ${f.recall.toFixed(3)} / ${f.f1.toFixed(3)} (${f.gold}, ${f.extracted})`;
  const perPlan: PlanItemScore[] = [];
  for (const gold of readGoldItems(dir)) {
    const plan = planOf(plans, gold);
    if (!plan) throw new Error(`no plan for gold file ${gold.file}`);
    const s = scorePlanItems(gold, assignments, gazetteer, plan.issued);
    perPlan.push(s);
    console.log(`| ${gold.file.slice(0, 3)} | ${cell(s.products)} | ${cell(s.enterprises)} |`);
    if (verbose) {
      for (const m of s.products.misses) console.log(`  missing product   ${m}`);
      for (const m of s.products.extras) console.log(`  extra product     ${m}`);
      for (const m of s.enterprises.misses) console.log(`  missing enterprise ${m}`);
      for (const m of s.enterprises.extras) console.log(`  extra enterprise   ${m}`);
    }
  }
  console.log(
    `| all | ${cell(sumScores(perPlan.map((x) => x.products)))} | ${cell(sumScores(perPlan.map((x) => x.enterprises)))} |`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
