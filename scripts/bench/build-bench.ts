/**
 * Build benchmark: the data build (scripts/build-data.ts, through its CLI) on the five plans and on synthetic corpora
 * of k× the text. Synthetic copy 0 of each plan is the real document; copies 1…k-1 repeat it with the lines inside
 * each section permuted (headings stay put, so every layout passage stays under its industry). ms per KB of seed text
 * should stay flat if the build grows linearly.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Plan } from '../../src/domain/types.ts';
import { median } from './lib/stats.ts';

const run = promisify(execFile);

/** Lines that structure a plan (chapters, numbered sections, columns): they keep their place in permuted copies. */
const HEADING =
  /^[\s　]*(第[一二三四五六七八九十]+[章节部分]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|◆|【|专栏)/;

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

export function permuteDocument(text: string, seed: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    out.push(...shuffled(run, seed + out.length));
    run = [];
  };
  for (const line of lines) {
    if (HEADING.test(line) || line.trim() === '') {
      flush();
      out.push(line);
    } else run.push(line);
  }
  flush();
  return out.join('\n');
}

/** Writes a corpus of `factor` × the real plans into dir; returns the plans file and the seed bytes. */
export function makeCorpus(
  root: string,
  dir: string,
  factor: number,
): { plansFile: string; seedsDir: string; bytes: number } {
  const plansJson = JSON.parse(readFileSync(path.join(root, 'data/plans.json'), 'utf8')) as { plans: Plan[] };
  const seedsDir = path.join(dir, 'seeds');
  mkdirSync(seedsDir, { recursive: true });
  const plans: Plan[] = [];
  let bytes = 0;
  for (const plan of plansJson.plans) {
    const text = readFileSync(path.join(root, 'seeds', plan.file), 'utf8');
    for (let copy = 0; copy < factor; copy++) {
      const file = copy === 0 ? plan.file : `x${String(copy).padStart(3, '0')}_${plan.file}`;
      const body = copy === 0 ? text : permuteDocument(text, copy * 7919);
      writeFileSync(path.join(seedsDir, file), body);
      bytes += Buffer.byteLength(body);
      plans.push(copy === 0 ? plan : { ...plan, id: `${plan.id}-x${copy}`, file });
    }
  }
  const plansFile = path.join(dir, 'plans.json');
  writeFileSync(plansFile, `${JSON.stringify({ plans }, null, 1)}\n`);
  return { plansFile, seedsDir, bytes };
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
          const out = path.join(dir, `out-${i}`);
          const t = await timeBuild(root, ['--seeds', corpus.seedsDir, '--plans', corpus.plansFile, '--out', out]);
          wall.push(t.wallMs);
          if (t.buildMs !== null) reported.push(t.buildMs);
          rmSync(out, { recursive: true, force: true });
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
