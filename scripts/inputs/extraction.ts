/**
 * The extraction's rules and corrections, for scripts/extract/rules.ts: read once at start-up from the repository's
 * data/extraction/ (or the folder readExtractionFrom names before the extraction is imported) and checked against
 * their schemas (a misspelt key or a regular expression that does not compile stops here with file, line and key, not
 * as a TypeError deep in roles.ts). The cross-file checks run in the build's
 * loader (index.ts), which adopts these same bytes so the input hash describes exactly what the extraction used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonInput, ROOT } from './read.ts';

export const EXTRACTION_DIR = join(ROOT, 'data', 'extraction');
let extractionDir = EXTRACTION_DIR;

/**
 * Where the extraction reads its rules: the build command calls this with its --data folder before it imports
 * scripts/extract, so the rules it extracts with are the ones it checks and hashes (the synthetic corpora of the
 * build bench carry their per-file rules in such a folder). Without effect once the extraction is loaded.
 */
export function readExtractionFrom(dir: string): void {
  extractionDir = dir;
}

/** Path → bytes of the files read at start-up. */
export const startupReads = new Map<string, Buffer>();

function load<T>(name: 'rules' | 'corrections'): T {
  const path = join(extractionDir, `${name}.json`);
  const bytes = readFileSync(path);
  startupReads.set(path, bytes);
  return parseJsonInput<T>(path, bytes, name).value;
}

export function readExtractionFiles(): { rules: unknown; corrections: unknown } {
  return { rules: load('rules'), corrections: load('corrections') };
}
