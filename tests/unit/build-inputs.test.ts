/**
 * Damaged inputs through the real command (issue 13): each row of damaged-inputs.ts damages a scratch copy of seeds/
 * and data/, runs `build-data.ts` (its main(), the function the CLI runs) and checks the outcome: the exit code, and a
 * message that names the file (relative to the repository), the line and the key.
 */
import { existsSync, rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ROWS, run, scratch } from './damaged-inputs.ts';

const made: string[] = [];
afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('damaged inputs through the real command', () => {
  it.each(ROWS)('$name', (row) => {
    const s = scratch();
    made.push(s.dir);
    row.damage(s);
    const outcome = run(s, row.args);
    const expected = row.message(s);
    if ((row.code ?? 1) === 1) {
      expect(outcome.code, outcome.errors).toBe(1);
      expect(outcome.errors).toMatch(expected);
      // Paths in messages are relative to the repository, never absolute.
      expect(outcome.errors).not.toMatch(/^error: \//);
      // A refused build publishes nothing.
      expect(existsSync(s.out)).toBe(false);
    } else {
      expect(outcome.code, outcome.errors).toBe(0);
      expect(outcome.warnings).toMatch(expected);
    }
  });
});
