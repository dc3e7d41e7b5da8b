/**
 * The output's life cycle (issue 13): builds killed at random moments, readers polling during builds, leftovers of
 * interrupted builds, edits made while a build runs, what may reach dist/, and very large documents.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { inputFiles, inputsHash, main } from '../../scripts/build-data.ts';
import { Snapshot } from '../../scripts/inputs/read.ts';
import { contentId, currentVersion, publish, versionsDirFor } from '../../scripts/publish.ts';
import viteConfig from '../../vite.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRATCH = join(ROOT, '.cache', 'tests');
const made: string[] = [];

function scratch() {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, 'out-'));
  made.push(dir);
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  const out = join(dir, 'public', 'data');
  const args = ['--seeds', join(dir, 'seeds'), '--plans', join(dir, 'data', 'plans.json'), '--data', join(dir, 'data')];
  return { dir, out, versions: versionsDirFor(out), args: [...args, '--out', out] };
}

function quietly<T>(run: () => T): T {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return run();
  } finally {
    vi.restoreAllMocks();
  }
}

/** A pid no process has (so the sweeper treats its leftovers as abandoned). */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid++) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

/** Every file of a version folder, relative → content. */
function readTree(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of readTree(join(dir, entry.name), rel)) files.set(k, v);
    else files.set(rel, readFileSync(join(dir, entry.name), 'utf8'));
  }
  return files;
}

/** public/data is a link to a version whose content is exactly what its name says: complete, not mixed. */
function expectWholeVersion(out: string): void {
  expect(lstatSync(out).isSymbolicLink(), 'public/data is a link').toBe(true);
  const target = currentVersion(out) as string;
  const files = readTree(target);
  expect(target.endsWith(`v-${contentId(files)}`), `${target} holds exactly its content`).toBe(true);
  for (const name of ['plans.json', 'places.geojson', 'industries.json', 'assignments.json', 'audit.json']) {
    expect(files.has(name), name).toBe(true);
  }
}

function runCli(
  args: string[],
  killAfterMs?: number,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), '--quiet', ...args],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill(signal), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ code, signal });
    });
  });
}

/** Changes the output (a plan's English title) so the next build writes a new version instead of reusing one. */
function retitle(dir: string, n: number): void {
  const path = join(dir, 'data', 'plans.json');
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace(/"titleEn": "Guiding Opinions[^"]*"/, `"titleEn": "Guiding Opinions ${n}"`),
  );
}

afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('publishing the output', () => {
  it('publishes a version folder outside public/ behind a link, and keeps only the current version', () => {
    const s = scratch();
    expect(quietly(() => main(s.args))).toBe(0);
    expectWholeVersion(s.out);
    retitle(s.dir, 1);
    expect(quietly(() => main(s.args))).toBe(0);
    expectWholeVersion(s.out);
    expect(readdirSync(join(s.dir, 'public'))).toEqual(['data']);
    expect(readdirSync(s.versions).filter((n) => n.startsWith('v-'))).toEqual([
      currentVersion(s.out)?.split('/').pop(),
    ]);
  });

  it('sweeps what a killed build left (public/.data-*, temporary versions) at the next start, even if it fails', () => {
    const s = scratch();
    const pid = deadPid();
    mkdirSync(join(s.dir, 'public', `.data-tmp-${pid}-1`, 'seeds'), { recursive: true });
    mkdirSync(join(s.dir, 'public', `.data-old-${pid}-1`), { recursive: true });
    mkdirSync(join(s.versions, `tmp-${pid}-ab`), { recursive: true });
    writeFileSync(join(s.versions, 'lock'), String(pid));
    writeFileSync(join(s.dir, 'data', 'industries.json'), '{');
    expect(quietly(() => main(s.args))).toBe(1);
    expect(readdirSync(join(s.dir, 'public'))).toEqual([]);
    expect(readdirSync(s.versions).filter((n) => n.startsWith('tmp-') || n === 'lock')).toEqual([]);
  });

  it('removes its temporary folder when writing fails, and leaves the previous output as it was', () => {
    const s = scratch();
    publish(s.out, new Map([['plans.json', 'old\n']]));
    const failing = new Map([
      ['plans.json', 'new\n'],
      ['plans.json/nested.json', 'x'], // cannot be written: plans.json is a file
    ]);
    expect(() => publish(s.out, failing)).toThrow();
    expect(readFileSync(join(s.out, 'plans.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(s.versions).filter((n) => n.startsWith('tmp-'))).toEqual([]);
    expect(readdirSync(join(s.dir, 'public'))).toEqual(['data']);
  });

  it('replaces a public/data folder left by an older build', () => {
    const s = scratch();
    mkdirSync(s.out, { recursive: true });
    writeFileSync(join(s.out, 'plans.json'), 'legacy');
    publish(s.out, new Map([['plans.json', 'new\n']]));
    expect(lstatSync(s.out).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(s.out, 'plans.json'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(s.dir, 'public'))).toEqual(['data']);
  });

  it('killed at random moments, never leaves public/data missing, half-written or mixed', async () => {
    const s = scratch();
    expect((await runCli(s.args)).code).toBe(0);
    const started = performance.now();
    retitle(s.dir, 0);
    expect((await runCli(s.args)).code).toBe(0);
    const full = performance.now() - started;
    // Deterministic spread of kill times over the second half of a run (start-up is the first half).
    for (let i = 1; i <= 4; i++) {
      retitle(s.dir, i);
      const result = await runCli(s.args, full * (0.45 + (i * 0.6) / 4));
      expect(['SIGKILL', null]).toContain(result.signal);
      expectWholeVersion(s.out);
    }
    // TERM is deferred until the build has published or cleaned up: nothing to sweep afterwards.
    retitle(s.dir, 7);
    const term = await runCli(s.args, full * 0.8, 'SIGTERM');
    expect([143, 0]).toContain(term.code ?? (term.signal === 'SIGTERM' ? 143 : -1));
    expectWholeVersion(s.out);
    expect(readdirSync(s.versions).filter((n) => n.startsWith('tmp-'))).toEqual([]);
    expect((await runCli(s.args)).code).toBe(0);
    expectWholeVersion(s.out);
    expect(readdirSync(s.versions).filter((n) => /^(?:tmp|v)-/.test(n))).toHaveLength(1);
    expect(readdirSync(join(s.dir, 'public'))).toEqual(['data']);
  }, 300_000);

  it('lets readers polling during builds always find a whole public/data', async () => {
    const s = scratch();
    expect((await runCli(s.args)).code).toBe(0);
    let polls = 0;
    let misses = 0;
    let running = true;
    const poll = async () => {
      while (running) {
        polls++;
        try {
          statSync(join(s.out, 'plans.json'));
          statSync(join(s.out, 'build-info.json'));
        } catch {
          misses++;
        }
        await new Promise((r) => setImmediate(r));
      }
    };
    const polling = poll();
    for (let i = 1; i <= 2; i++) {
      retitle(s.dir, i);
      expect((await runCli(s.args)).code).toBe(0);
    }
    running = false;
    await polling;
    expect(polls).toBeGreaterThan(100);
    expect(misses).toBe(0);
  }, 180_000);
});

describe('the input hash', () => {
  it('describes the bytes the build read, so an edit made during the build is rebuilt next time', () => {
    const s = scratch();
    const industries = join(s.dir, 'data', 'industries.json');
    const read = Snapshot.prototype.read;
    let edited = false;
    // The first time the build reads industries.json, someone saves a new version of it right after.
    vi.spyOn(Snapshot.prototype, 'read').mockImplementation(function (this: Snapshot, path: string) {
      const bytes = read.call(this, path);
      if (!edited && resolve(path) === industries) {
        edited = true;
        writeFileSync(industries, readFileSync(industries, 'utf8').replace('"Pharmaceuticals"', '"Medicines"'));
      }
      return bytes;
    });
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(main([...s.args, '--quiet'])).toBe(0);
    vi.restoreAllMocks();
    expect(edited).toBe(true);
    const published = readFileSync(join(s.out, 'industries.json'), 'utf8');
    expect(published).toContain('"Pharmaceuticals"');
    const stamp = (JSON.parse(readFileSync(join(s.out, 'build-info.json'), 'utf8')) as { inputsHash: string })
      .inputsHash;
    const options = {
      seedsDir: join(s.dir, 'seeds'),
      plansFile: join(s.dir, 'data', 'plans.json'),
      dataDir: join(s.dir, 'data'),
    };
    // ensure-data compares the stamp with the inputs on disk: they differ, so it rebuilds.
    expect(inputsHash(null, inputFiles(options))).not.toBe(stamp);
  });
});

describe('what reaches dist/', () => {
  it('vite build refuses leftovers of an interrupted data build in public/', () => {
    const s = scratch();
    const plugin = (viteConfig.plugins ?? [])
      .flat()
      .find((p) => (p as Plugin)?.name === 'only-published-data') as Plugin;
    const call = (hook: unknown, ...args: unknown[]) =>
      (hook as (...a: unknown[]) => void).call(
        {
          error: (m: string) => {
            throw new Error(m);
          },
        },
        ...args,
      );
    mkdirSync(join(s.dir, 'public'), { recursive: true });
    call(plugin.configResolved, { publicDir: join(s.dir, 'public') });
    expect(() => call(plugin.buildStart)).not.toThrow();
    mkdirSync(join(s.dir, 'public', '.data-tmp-1-1'));
    expect(() => call(plugin.buildStart)).toThrow(/\.data-tmp-1-1, left by an interrupted data build/);
  });
});

describe('very large documents', () => {
  it('builds a layout line repeated 9,000 times (135,000 assignments) without a stack overflow', () => {
    const s = scratch();
    const seed = join(s.dir, 'seeds', '000_43d0119b57264c9e.txt');
    const lines = readFileSync(seed, 'utf8').split('\n');
    // Line 36 (七大产业带) yields 15 assignments; spreading 135,000 into push() overflowed the stack.
    lines.splice(35, 1, ...Array.from({ length: 9000 }, () => lines[35] as string));
    writeFileSync(seed, lines.join('\n'));
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(main([...s.args, '--quiet']), errors.join('\n')).toBe(0);
    vi.restoreAllMocks();
    const assignments = JSON.parse(readFileSync(join(s.out, 'assignments.json'), 'utf8')) as { assignments: unknown[] };
    expect(assignments.assignments.length).toBeGreaterThan(135_000);
    expect(existsSync(join(s.out, 'audit.json'))).toBe(true);
  }, 180_000);
});
