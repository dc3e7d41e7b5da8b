import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditFile } from '../../src/domain/types.ts';
import { makeCorpus } from './build-bench.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(path.join(tmpdir(), 'jx-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('synthetic corpus of the build bench', () => {
  // The build command (not buildDataset in-process): only the command reads the extraction's rules from --data.
  it('builds a 2× corpus with every copy extracted as fully as its original', () => {
    const corpus = makeCorpus(root, path.join(work, 'x2'), 2);
    const out = path.join(work, 'out');
    const args = [
      ...['--seeds', corpus.seedsDir, '--plans', corpus.plansFile, '--data', corpus.dataDir],
      ...['--out', out, '--versions', path.join(work, 'versions')],
    ];
    execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build-data.ts'), ...args, '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const audit = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as AuditFile;
    expect(audit.plans).toHaveLength(10);
    for (const plan of audit.plans.filter((p) => p.plan.endsWith('-x1'))) {
      const original = audit.plans.find((p) => `${p.plan}-x1` === plan.plan);
      expect(plan.counts.sentences, plan.plan).toBe(original?.counts.sentences);
    }
    // The copies carry their translations: the sentences of a permuted copy find their English.
    expect(audit.warnings.filter((w) => /missing translation/.test(w.message))).toEqual([]);
  }, 60_000);
});
