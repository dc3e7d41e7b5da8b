/**
 * Replaces a place's old English name by its new one in every translation (data/translations/*.json), so that the
 * quotes keep naming their places after a name changes in the gazetteer (data/places/english-names.json or
 * generic-terms.json). Prints what it changed; run `npm run data` afterwards: the build warns about any quote that
 * still does not name its place.
 *
 *   npx tsx scripts/english/rename-in-translations.ts "Old Name" "New Name" ["Old 2" "New 2" …]
 *
 * Only whole-name matches are replaced (not inside a longer word), and a match already followed by the new name's
 * tail is left alone, so running it twice changes nothing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TranslationFile } from './index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function renameInText(text: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![A-Za-z'])${escaped}(?![A-Za-z])`, 'g'), to);
}

export function renameInTranslations(dir: string, pairs: [from: string, to: string][]): number {
  let changed = 0;
  for (const name of readdirSync(dir).filter((n) => /^\d+\.json$/.test(n))) {
    const path = join(dir, name);
    const data = JSON.parse(readFileSync(path, 'utf8')) as TranslationFile;
    let fileChanged = false;
    for (const s of data.sentences) {
      let en = s.en;
      for (const [from, to] of pairs) en = renameInText(en, from, to);
      if (en !== s.en) {
        console.log(`${name} line ${s.line}: ${s.en}\n  → ${en}`);
        s.en = en;
        fileChanged = true;
        changed++;
      }
    }
    if (fileChanged) writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  }
  return changed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.length % 2 !== 0) {
    console.error('usage: rename-in-translations.ts "Old Name" "New Name" [...]');
    process.exitCode = 1;
  } else {
    const pairs: [string, string][] = [];
    for (let i = 0; i < args.length; i += 2) pairs.push([args[i] as string, args[i + 1] as string]);
    const n = renameInTranslations(join(root, 'data', 'translations'), pairs);
    console.log(`${n} sentences changed`);
  }
}
