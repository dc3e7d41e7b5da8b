/**
 * Build benchmark: the data build (scripts/build-data.ts, through its CLI) on the five plans and on synthetic corpora
 * of k× the text. Synthetic copy 0 of each plan is the real document; copies 1…k-1 repeat it with the place lists
 * inside its sentences permuted (see permuteDocument). The marginal ms per KB between scales should stay flat if
 * the build grows linearly (the first scale also carries the fixed cost: gazetteer, boundaries, schemas).
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Plan } from '../../src/domain/types.ts';
import { median } from './lib/stats.ts';

const run = promisify(execFile);

export interface BuildSample {
  label: string;
  plans: number;
  kb: number;
  runs: number;
  /** Wall time of the whole command (includes starting node + tsx). */
  wallMs: number;
  /** Time the build reports for itself ("… in N ms"), when it prints one. */
  buildMs: number | null;
  msPerKb: number;
  error?: string;
}

/** A deterministic shuffle (mulberry32), so a corpus is the same on every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * A permuted copy of a plan: every line and every passage stays where it is (the extraction relies on the
 * structure), but inside each clause the middle items of a 、-list (南昌、九江、吉安、赣州 …) are shuffled, so the
 * copy is new text with the same kind and amount of work.
 */
export function permuteDocument(text: string, seed: number): string {
  let n = 0;
  return text
    .split('\n')
    .map((line) =>
      line
        .split(/([，。；：])/)
        .map((clause) => {
          const items = clause.split('、');
          if (items.length < 4) return clause;
          const middle = shuffled(items.slice(1, -1), seed + n++);
          return [items[0], ...middle, items[items.length - 1]].join('、');
        })
        .join(''),
    )
    .join('\n');
}

/** Writes a corpus of `factor` × the real plans into dir; returns the plans file and the seed bytes. */
export function makeCorpus(
  root: string,
  dir: string,
  factor: number,
): { plansFile: string; seedsDir: string; dataDir: string; bytes: number } {
  const plansJson = JSON.parse(readFileSync(path.join(root, 'data/plans.json'), 'utf8')) as { plans: Plan[] };
  const seedsDir = path.join(dir, 'seeds');
  mkdirSync(seedsDir, { recursive: true });
  const plans: Plan[] = [];
  const copies: SyntheticCopy[] = [];
  let bytes = 0;
  for (const plan of plansJson.plans) {
    const text = readFileSync(path.join(root, 'seeds', plan.file), 'utf8');
    for (let copy = 0; copy < factor; copy++) {
      const file = copy === 0 ? plan.file : `x${String(copy).padStart(3, '0')}_${plan.file}`;
      const body = copy === 0 ? text : permuteDocument(text, copy * 7919);
      writeFileSync(path.join(seedsDir, file), body);
      bytes += Buffer.byteLength(body);
      plans.push(copy === 0 ? plan : { ...plan, id: `${plan.id}-x${copy}`, file });
      if (copy > 0) copies.push({ plan: `${plan.id}-x${copy}`, file, original: plan.file, text, body });
    }
  }
  const plansFile = path.join(dir, 'plans.json');
  writeFileSync(plansFile, `${JSON.stringify({ plans }, null, 1)}\n`);
  const dataDir = path.join(dir, 'data');
  cpSync(path.join(root, 'data'), dataDir, { recursive: true });
  const copiesOf = new Map<string, string[]>();
  for (const c of copies) copiesOf.set(c.original, [...(copiesOf.get(c.original) ?? []), c.file]);
  extendFileRules(path.join(dataDir, 'extraction'), copiesOf);
  copyTranslations(path.join(dataDir, 'translations'), copies);
  return { plansFile, seedsDir, dataDir, bytes };
}

interface SyntheticCopy {
  plan: string;
  file: string;
  original: string;
  /** The original document and the permuted copy. */
  text: string;
  body: string;
}

/**
 * Each plan's translations (data/translations/<nnn>.json, keyed by plan, file, line and sentence) get a copy for each
 * synthetic copy, so the copies take the same English path as the original instead of warning about every
 * sentence. permuteDocument keeps every clause's length and place, so a sentence at [start, end) of its original
 * line is the same slice of the permuted line.
 */
function copyTranslations(dir: string, copies: SyntheticCopy[]): void {
  if (!existsSync(dir)) return;
  type Translation = { plan: string; file: string; sentences: { line: number; zh: string }[] };
  const byFile = new Map<string, { name: string; t: Translation }>();
  for (const name of readdirSync(dir).filter((n) => /^\d+\.json$/.test(n))) {
    const t = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Translation;
    byFile.set(t.file, { name, t });
  }
  for (const c of copies) {
    const found = byFile.get(c.original);
    if (!found) continue;
    const { name, t } = found;
    const lines = c.text.split('\n');
    const permuted = c.body.split('\n');
    const sentences = t.sentences.map((s) => {
      const start = (lines[s.line - 1] ?? '').indexOf(s.zh);
      const zh = start < 0 ? s.zh : (permuted[s.line - 1] ?? '').slice(start, start + s.zh.length);
      return { ...s, zh };
    });
    const copy = { ...t, plan: c.plan, file: c.file, sentences };
    // The build reads translation files named by digits only: copy 1 of 003.json is 001003.json.
    writeFileSync(path.join(dir, `${c.file.slice(1, 4)}${name}`), `${JSON.stringify(copy, null, 1)}\n`);
  }
}

/**
 * Per-document rules (e.g. where 003's inline layout passage starts) are keyed by seed file name; every object with
 * a `file` naming a real seed gets a clone for each synthetic copy, so copies are extracted as fully as the original.
 */
function extendFileRules(dir: string, copiesOf: Map<string, string[]>): void {
  if (!existsSync(dir)) return;
  const extend = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        out.push(extend(item));
        const file = (item as { file?: unknown } | null)?.file;
        if (typeof file === 'string')
          for (const copy of copiesOf.get(file) ?? []) out.push({ ...(item as object), file: copy });
      }
      return out;
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, extend(v)]));
    }
    return value;
  };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const file = path.join(dir, name);
    writeFileSync(file, `${JSON.stringify(extend(JSON.parse(readFileSync(file, 'utf8'))), null, 1)}\n`);
  }
}

async function timeBuild(root: string, args: string[]): Promise<{ wallMs: number; buildMs: number | null }> {
  const started = performance.now();
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/build-data.ts'), ...args],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wallMs = performance.now() - started;
  const reported = /in (\d+(?:\.\d+)?) ?ms/.exec(stdout);
  return { wallMs, buildMs: reported ? Number(reported[1]) : null };
}

export async function benchBuild(root: string, factors: number[], runs: number): Promise<BuildSample[]> {
  const samples: BuildSample[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'jx-bench-build-'));
  try {
    for (const factor of factors) {
      const dir = path.join(work, `x${factor}`);
      const label = factor === 1 ? 'five plans' : `synthetic ${factor}×`;
      const corpus =
        factor === 1
          ? {
              plansFile: path.join(root, 'data/plans.json'),
              seedsDir: path.join(root, 'seeds'),
              dataDir: path.join(root, 'data'),
              bytes: 0,
            }
          : makeCorpus(root, dir, factor);
      if (factor === 1) {
        const plans = (JSON.parse(readFileSync(corpus.plansFile, 'utf8')) as { plans: Plan[] }).plans;
        corpus.bytes = plans.reduce((sum, p) => sum + statSync(path.join(corpus.seedsDir, p.file)).size, 0);
      }
      const plansCount = (JSON.parse(readFileSync(corpus.plansFile, 'utf8')) as { plans: Plan[] }).plans.length;
      // Big corpora get fewer runs: the point is the growth, not the noise.
      const n = factor >= 100 ? 1 : factor >= 10 ? Math.min(runs, 2) : runs;
      const wall: number[] = [];
      const reported: number[] = [];
      const kb = corpus.bytes / 1024;
      try {
        for (let i = 0; i < n; i++) {
          // Each run publishes into its own folders: the versions folder next to out would otherwise be shared by
          // every scale's out-<i> (and a build refuses a versions folder that holds another output's versions).
          const out = path.join(dir, `out-${i}`);
          const versions = path.join(dir, `versions-${i}`);
          const t = await timeBuild(root, [
            ...['--seeds', corpus.seedsDir, '--plans', corpus.plansFile, '--data', corpus.dataDir],
            ...['--out', out, '--versions', versions],
          ]);
          wall.push(t.wallMs);
          if (t.buildMs !== null) reported.push(t.buildMs);
          rmSync(out, { recursive: true, force: true });
          rmSync(versions, { recursive: true, force: true });
        }
        const buildMs = reported.length === wall.length ? median(reported) : null;
        samples.push({
          label,
          plans: plansCount,
          kb,
          runs: n,
          wallMs: median(wall),
          buildMs,
          msPerKb: (buildMs ?? median(wall)) / kb,
        });
      } catch (error) {
        const e = error as { stderr?: string; message: string };
        const lines = (e.stderr || e.message).trim().split('\n');
        const message = lines.find((l) => /error/i.test(l))?.trim() ?? lines.slice(-1)[0] ?? 'failed';
        samples.push({
          label,
          plans: plansCount,
          kb,
          runs: n,
          wallMs: Number.NaN,
          buildMs: null,
          msPerKb: Number.NaN,
          error: message,
        });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return samples;
}
