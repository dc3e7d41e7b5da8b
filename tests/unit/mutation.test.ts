/**
 * Mutation test of the build (issue 6): thousands of random byte and line mutations of the real seeds, run in-process
 * through the same functions the build uses. Whatever the damage, the build either succeeds with a consistent audit or
 * stops with a BuildError that names file and line — never an unexplained crash, never a quote that is not verbatim.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuildError } from '../../scripts/errors.ts';
import { extractPlan } from '../../scripts/extract/index.ts';
import { loadGazetteer } from '../../scripts/gazetteer/index.ts';
import type { Industry, Plan } from '../../src/domain/types.ts';

const plans = (JSON.parse(readFileSync('data/plans.json', 'utf8')) as { plans: Plan[] }).plans;
const industriesRaw = JSON.parse(readFileSync('data/industries.json', 'utf8')) as
  | { industries: Industry[] }
  | Industry[];
const industries = Array.isArray(industriesRaw) ? industriesRaw : industriesRaw.industries;
const gazetteer = loadGazetteer('data');
const seeds = plans.map((plan) => ({ plan, bytes: readFileSync(join('seeds', plan.file)) }));
const decoder = new TextDecoder('utf-8', { fatal: true });

type Mutation =
  | { kind: 'delete-bytes'; at: number; length: number }
  | { kind: 'insert-bytes'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'stray-punctuation'; at: number; mark: string };

const STRAY = ['。', '；', '，', '、', '“', '”', '（', '）', '--', '◆', '：', '\r', '\n', '\t', '　', '《', '》'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-bytes' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert-bytes' as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('stray-punctuation' as const), at: fc.nat(), mark: fc.constantFrom(...STRAY) }),
);

function apply(bytes: Buffer, m: Mutation): Buffer {
  const at = (n: number) => n % (bytes.length + 1);
  switch (m.kind) {
    case 'delete-bytes':
      return Buffer.concat([bytes.subarray(0, at(m.at)), bytes.subarray(at(m.at) + m.length)]);
    case 'insert-bytes':
      return Buffer.concat([bytes.subarray(0, at(m.at)), Buffer.from(m.bytes), bytes.subarray(at(m.at))]);
    case 'truncate':
      return bytes.subarray(0, at(m.at));
    case 'stray-punctuation':
      return Buffer.concat([bytes.subarray(0, at(m.at)), Buffer.from(m.mark), bytes.subarray(at(m.at))]);
    default: {
      const lines = bytes.toString('latin1').split('\n');
      const i = (n: number) => n % lines.length;
      if (m.kind === 'delete-line') lines.splice(i(m.line), 1);
      if (m.kind === 'duplicate-line') lines.splice(i(m.line), 0, lines[i(m.line)] ?? '');
      if (m.kind === 'swap-lines') {
        const [a, b] = [lines[i(m.a)] ?? '', lines[i(m.b)] ?? ''];
        lines[i(m.a)] = b;
        lines[i(m.b)] = a;
      }
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

/** The part of the build that reads one seed: strict decoding, then extraction. */
function runOne(plan: Plan, bytes: Buffer) {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return 'rejected' as const; // the build names the line (tested in scripts/build-data.test.ts)
  }
  const result = extractPlan({ plan, text, gazetteer, industries });
  const lines = text.split('\n');
  const listed = new Set(result.audit.sentences.flatMap((s) => s.assignments));
  for (const a of result.assignments) {
    expect(lines[a.source.line - 1]?.slice(a.source.start, a.source.end), a.id).toBe(a.quote);
    expect(listed.has(a.id), `${a.id} accounted for in the audit`).toBe(true);
  }
  for (const s of result.audit.sentences) {
    expect(lines[s.line - 1]?.slice(s.start, s.end)).toBe(s.text);
    expect(s.status === 'assigned' ? s.assignments.length > 0 : s.reason !== null, `${s.line}: ${s.text}`).toBe(true);
  }
  return 'built' as const;
}

describe('the build under random damage to its seeds', () => {
  it('never crashes without naming file and line, and keeps every sentence accounted for (1,500 mutations)', () => {
    const outcomes = { built: 0, rejected: 0 };
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (seedIndex, mutations) => {
          const seed = seeds[seedIndex];
          if (!seed) return;
          const damaged = mutations.reduce(apply, seed.bytes);
          try {
            outcomes[runOne(seed.plan, damaged)]++;
          } catch (error) {
            // Only a BuildError naming the seed and a line is an acceptable way to stop.
            if (!(error instanceof BuildError) || error.file !== seed.plan.file) throw error;
            outcomes.rejected++;
          }
        },
      ),
      { numRuns: 1500, seed: 20261122 },
    );
    expect(outcomes.built).toBeGreaterThan(500);
  }, 120_000);
});
