import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditFile } from '../src/domain/types.ts';
import { type BuildOptions, buildDataset, defaultOptions, inputFiles, main, readSeedText } from './build-data.ts';
import { BuildError } from './errors.ts';
import { publish as writeAtomically } from './publish.ts';

const KEY_INDUSTRIES = '000_43d0119b57264c9e.txt';
const temps: string[] = [];

/** A scratch copy of seeds/ and data/plans.json that a test may damage. */
function scratch(): BuildOptions & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jx-build-'));
  temps.push(dir);
  cpSync(defaultOptions.seedsDir, join(dir, 'seeds'), { recursive: true });
  cpSync(defaultOptions.plansFile, join(dir, 'plans.json'));
  return { dir, seedsDir: join(dir, 'seeds'), plansFile: join(dir, 'plans.json'), dataDir: defaultOptions.dataDir };
}

function editLine(path: string, line: number, edit: (text: string) => string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  lines[line - 1] = edit(lines[line - 1] ?? '');
  writeFileSync(path, lines.join('\n'));
}

function buildError(run: () => unknown): BuildError {
  try {
    run();
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error('expected a BuildError');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the data build', () => {
  let reference: Map<string, string>;
  beforeAll(() => {
    reference = buildDataset();
  });

  it('publishes every file of the contract plus the seeds it quotes', () => {
    for (const name of ['plans.json', 'places.geojson', 'industries.json', 'assignments.json', 'audit.json']) {
      expect(reference.has(name), name).toBe(true);
    }
    expect(reference.get(`seeds/${KEY_INDUSTRIES}`)).toBe(readFileSync(join('seeds', KEY_INDUSTRIES), 'utf8'));
  });

  it('leaves no place mention unresolved in the real plans', () => {
    const audit = JSON.parse(reference.get('audit.json') ?? '') as AuditFile;
    for (const plan of audit.plans) expect(plan.counts.unresolved, plan.plan).toBe(0);
  });

  it('gives byte-identical output on a second run', () => {
    const again = buildDataset();
    expect([...again.keys()]).toEqual([...reference.keys()]);
    for (const [name, content] of reference) expect(again.get(name), name).toBe(content);
  });

  it('names the missing seed file', () => {
    const s = scratch();
    rmSync(join(s.seedsDir, KEY_INDUSTRIES));
    const error = buildError(() => buildDataset(s));
    expect(error.message).toContain(KEY_INDUSTRIES);
    expect(error.message).toMatch(/missing/);
  });

  it('names the file and line of bytes that are not UTF-8', () => {
    const s = scratch();
    const path = join(s.seedsDir, KEY_INDUSTRIES);
    const lines = readFileSync(path).toString('latin1').split('\n');
    // 南昌 in GBK: what a seed saved in the wrong encoding looks like.
    lines[15] = `${lines[15]}${Buffer.from([0xc4, 0xcf, 0xb2, 0xfd]).toString('latin1')}`;
    writeFileSync(path, Buffer.from(lines.join('\n'), 'latin1'));
    const error = buildError(() => readSeedText(path));
    expect(error.line).toBe(16);
    expect(error.message).toMatch(new RegExp(`${KEY_INDUSTRIES}:16: not valid UTF-8`));
  });

  it('names the line of a multi-byte character cut in half', () => {
    const s = scratch();
    const path = join(s.seedsDir, KEY_INDUSTRIES);
    const bytes = readFileSync(path);
    const upToLine32 = readFileSync(path, 'utf8').split('\n').slice(0, 31).join('\n');
    const cut = Buffer.byteLength(upToLine32) + 1 + 10; // ten bytes into line 32: inside a 3-byte character
    writeFileSync(path, bytes.subarray(0, cut));
    expect(buildError(() => readSeedText(path)).line).toBe(32);
  });

  it('warns, naming file and line, about a layout line cut off mid-sentence', () => {
    const s = scratch();
    editLine(join(s.seedsDir, KEY_INDUSTRIES), 32, (text) => text.slice(0, text.indexOf('上饶、九江重点发展') + 12));
    const audit = JSON.parse(buildDataset(s).get('audit.json') ?? '') as AuditFile;
    expect(audit.warnings).toContainEqual(expect.objectContaining({ file: KEY_INDUSTRIES, line: 32 }));
  });

  it('warns, naming file and line, about a place form the gazetteer does not know', () => {
    const s = scratch();
    editLine(join(s.seedsDir, KEY_INDUSTRIES), 16, (text) =>
      text.replace('以南昌、赣州', '以南昌、云岭湾工业园区、赣州'),
    );
    const audit = JSON.parse(buildDataset(s).get('audit.json') ?? '') as AuditFile;
    const warning = audit.warnings.find((w) => w.file === KEY_INDUSTRIES && w.line === 16);
    expect(warning?.message).toMatch(/云岭湾工业园区/);
  });

  it('keeps the previous output when a build fails, and leaves no temporary folder', () => {
    const s = scratch();
    const out = join(s.dir, 'public', 'data');
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(main(['--seeds', s.seedsDir, '--plans', s.plansFile, '--out', out, '--quiet'])).toBe(0);
    const before = readFileSync(join(out, 'assignments.json'), 'utf8');
    expect(before).toBe(reference.get('assignments.json'));

    rmSync(join(s.seedsDir, KEY_INDUSTRIES));
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => errors.push(message));
    expect(main(['--seeds', s.seedsDir, '--plans', s.plansFile, '--out', out])).toBe(1);
    expect(errors.join('\n')).toMatch(new RegExp(`${KEY_INDUSTRIES}:0: seed file is missing`));
    expect(readFileSync(join(out, 'assignments.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(s.dir, 'public')).filter((n) => n.startsWith('.data-'))).toEqual([]);
    expect(existsSync(join(out, 'audit.json'))).toBe(true);

    // The real command on a seed damaged in the middle (bytes that are not UTF-8): same guarantees.
    cpSync(join(defaultOptions.seedsDir, KEY_INDUSTRIES), join(s.seedsDir, KEY_INDUSTRIES));
    const damaged = join(s.seedsDir, '001_fd5fd5690e91b623.txt');
    const bytes = readFileSync(damaged);
    writeFileSync(damaged, Buffer.concat([bytes.subarray(0, 5000), Buffer.from([0xff, 0xfe]), bytes.subarray(5000)]));
    expect(main(['--seeds', s.seedsDir, '--plans', s.plansFile, '--out', out])).toBe(1);
    expect(errors.at(-1)).toMatch(/001_fd5fd5690e91b623\.txt:\d+: not valid UTF-8/);
    expect(readFileSync(join(out, 'assignments.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(s.dir, 'public')).filter((n) => n.startsWith('.data-'))).toEqual([]);
  });
});

describe('staleness (what makes dev/build rebuild the data)', () => {
  it('covers the seeds, the human decisions in data/, the build code and the contract, but not tests or the bench', () => {
    const files = inputFiles().map((f) => f.replace(/\\/g, '/'));
    for (const needed of [
      `seeds/${KEY_INDUSTRIES}`,
      'data/plans.json',
      'data/places/parks.json',
      'data/industries.json',
      'scripts/extract/index.ts',
      'src/domain/schemas/assignments.schema.json',
    ]) {
      expect(
        files.some((f) => f.endsWith(needed)),
        needed,
      ).toBe(true);
    }
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
    expect(files.some((f) => f.includes('/scripts/bench/'))).toBe(false);
  });
});

describe('writing the output', () => {
  it('never leaves a half-written folder when a write fails midway', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jx-write-'));
    temps.push(dir);
    const out = join(dir, 'public', 'data');
    writeAtomically(out, new Map([['plans.json', 'old\n']]));
    // The second entry cannot be written ('plans.json' is a file, not a folder): the write fails after the first.
    const failing = new Map([
      ['plans.json', 'new\n'],
      ['plans.json/nested.json', 'x'],
    ]);
    expect(() => writeAtomically(out, failing)).toThrow();
    expect(readFileSync(join(out, 'plans.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(join(dir, 'public'))).toEqual(['data']);
  });
});

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
