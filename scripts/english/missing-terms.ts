/**
 * Prints the products, enterprises and industry forms of the published assignments that the glossary lacks, as JSON
 * rows ready to fill in and paste into data/glossary/<file> (one array per file). Where each term occurs and the
 * English quote of that sentence go to stderr, so the English can be taken from the translation and the two agree.
 *
 *   npm run data && npx tsx scripts/english/missing-terms.ts [--data data] [--published public/data]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Assignment, AssignmentsFile, IndustriesFile } from '../../src/domain/types.ts';
import { GLOSSARY_FILES, type GlossaryKind, loadGlossary, type MissingTerm } from './index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Terms of the assignments with no glossary entry (industry forms that are the industry's own zh or alias need none). */
export function missingTerms(
  assignments: readonly Assignment[],
  glossary: ReturnType<typeof loadGlossary>,
  industries: IndustriesFile['industries'],
): MissingTerm[] {
  const byId = new Map(industries.map((i) => [i.id, i]));
  const seen = new Map<string, MissingTerm>();
  const note = (kind: GlossaryKind, zh: string, a: Assignment) => {
    const k = `${kind}\u0000${zh}`;
    if (!glossary[kind].has(zh) && !seen.has(k)) {
      seen.set(k, { kind, zh, file: a.source.file, line: a.source.line, quoteEn: a.quoteEn });
    }
  };
  for (const a of assignments) {
    for (const p of a.products) note('product', p, a);
    for (const e of a.enterprises) note('enterprise', e, a);
    const industry = byId.get(a.industry);
    const own = industry && (industry.zh === a.industryZh || industry.aliases.includes(a.industryZh));
    if (!own && !glossary.product.has(a.industryZh)) note('industry', a.industryZh, a);
  }
  return [...seen.values()];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, published: { type: 'string' } },
  });
  const dataDir = resolve(values.data ?? join(root, 'data'));
  const published = resolve(values.published ?? join(root, 'public', 'data'));
  const read = <T>(name: string) => JSON.parse(readFileSync(join(published, name), 'utf8')) as T;
  const assignments = read<AssignmentsFile>('assignments.json').assignments;
  const industries = read<IndustriesFile>('industries.json').industries;
  const missing = missingTerms(assignments, loadGlossary(dataDir), industries);
  const out: Record<string, { zh: string; en: string; note?: string }[]> = {};
  for (const m of missing) {
    const file = `data/glossary/${GLOSSARY_FILES[m.kind]}`;
    const rows = out[file] ?? [];
    rows.push({ zh: m.zh, en: '' });
    out[file] = rows;
    console.error(`${m.kind}\t${m.zh}\t${m.file}:${m.line}\t${m.quoteEn ?? '(no English quote)'}`);
  }
  console.log(JSON.stringify(out, null, 2));
  console.error(`${missing.length} missing terms`);
}
