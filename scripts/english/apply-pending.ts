/**
 * Moves the rows of data/translations/pending.json whose sentence is now in the audit into their translation file
 * (in line order), and drops them from pending.json. Run after a build that reported "pending translation now in use":
 *
 *   npm run data && npx tsx scripts/english/apply-pending.ts && npm run data
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditFile } from '../../src/domain/types.ts';
import type { TranslationEntry, TranslationFile } from './index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function applyPending(dataDir: string, audit: AuditFile): number {
  const pendingPath = join(dataDir, 'translations', 'pending.json');
  if (!existsSync(pendingPath)) return 0;
  const pending = JSON.parse(readFileSync(pendingPath, 'utf8')) as Record<string, TranslationEntry[] | string>;
  const inAudit = new Set(
    audit.plans.flatMap((p) => p.sentences.map((s) => `${p.file}\u0000${s.line}\u0000${s.text}`)),
  );
  let moved = 0;
  for (const [target, rows] of Object.entries(pending)) {
    if (target.startsWith('$') || !Array.isArray(rows)) continue;
    const path = join(dataDir, target.replace(/^data\//, ''));
    const file = JSON.parse(readFileSync(path, 'utf8')) as TranslationFile;
    const keep: TranslationEntry[] = [];
    for (const row of rows) {
      if (!inAudit.has(`${file.file}\u0000${row.line}\u0000${row.zh}`)) {
        keep.push(row);
        continue;
      }
      const at = file.sentences.findLastIndex((s) => s.line <= row.line) + 1;
      file.sentences.splice(at, 0, row);
      moved++;
      console.log(`${target}: line ${row.line} moved in`);
    }
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
    if (keep.length > 0) pending[target] = keep;
    else delete pending[target];
  }
  writeFileSync(pendingPath, `${JSON.stringify(pending, null, 2)}\n`);
  return moved;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const audit = JSON.parse(readFileSync(join(root, 'public', 'data', 'audit.json'), 'utf8')) as AuditFile;
  console.log(`${applyPending(join(root, 'data'), audit)} rows moved`);
}
