/**
 * Prints each layout sentence of a plan with what the extraction made of it, to read against the text.
 * Usage: npx tsx scripts/extract/inspect.ts 000 [--all]   (000 = the seed file's prefix; --all also prints sentences
 * without assignments). Uses the real gazetteer.
 */
import { loadGazetteer } from '../gazetteer/index.ts';
import { industries, plans, texts } from './corpus.ts';
import { extractPlan } from './index.ts';

const prefix = process.argv[2] ?? '000';
const all = process.argv.includes('--all');
const plan = plans.find((p) => p.file.startsWith(prefix) || p.id === prefix);
if (!plan) throw new Error(`no plan matches "${prefix}"`);

const text = texts.get(plan.file) ?? '';
const result = extractPlan({ plan, text, gazetteer: loadGazetteer(), industries });
const byId = new Map(result.assignments.map((a) => [a.id, a]));
for (const s of result.audit.sentences) {
  if (!all && s.assignments.length === 0 && s.status !== 'status') continue;
  console.log(`\n${s.line}:${s.start} [${s.passage} ${s.sectionIndustry ?? '-'}] ${s.status} ${s.text}`);
  if (s.reason) console.log(`    (${s.reason})`);
  for (const id of s.assignments) {
    const a = byId.get(id);
    if (!a) continue;
    const extra = [
      a.products.length ? `products=${a.products.join('|')}` : '',
      a.enterprises.length ? `ent=${a.enterprises.join('|')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    console.log(`    ${a.role.padEnd(10)} ${a.placeText} → ${a.place} · ${a.industryZh} (${a.industry}) ${extra}`);
  }
}
for (const w of result.warnings) console.log(`WARN ${w.file}:${w.line}: ${w.message}`);
console.log('\ncounts', JSON.stringify(result.audit.counts));
