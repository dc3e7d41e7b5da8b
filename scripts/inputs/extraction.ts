/**
 * The extraction's rules and corrections, for scripts/extract/rules.ts: read once at start-up from the repository's
 * data/extraction/ and checked against their schemas (a misspelt key or a regular expression that does not compile
 * stops here with file, line and key, not as a TypeError deep in roles.ts). The cross-file checks run in the build's
 * loader (index.ts), which adopts these same bytes so the input hash describes exactly what the extraction used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonInput, ROOT } from './read.ts';

export const EXTRACTION_DIR = join(ROOT, 'data', 'extraction');

/** Path → bytes of the files read at start-up. */
export const startupReads = new Map<string, Buffer>();

function load<T>(name: 'rules' | 'corrections'): T {
  const path = join(EXTRACTION_DIR, `${name}.json`);
  const bytes = readFileSync(path);
  startupReads.set(path, bytes);
  return parseJsonInput<T>(path, bytes, name).value;
}

export function readExtractionFiles(): { rules: unknown; corrections: unknown } {
  return { rules: load('rules'), corrections: load('corrections') };
}
