/**
 * Turns a hand-written annotation (scripts/extract/gold/NNN.txt, one row a line: line|sentence fragment|place as
 * written|industry id|role|note, place as `written=id` to override the gazetteer) into NNN.json with gazetteer ids.
 * Usage: npx tsx scripts/extract/gold/build-gold.ts 000
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadGazetteer } from '../../gazetteer/index.ts';
import { resolveGoldPlace } from './place.ts';
import type { GoldRow } from './row.ts';

const prefix = process.argv[2] ?? '000';
const plans = JSON.parse(readFileSync('data/plans.json', 'utf8')).plans as { file: string; issued: string }[];
const plan = plans.find((p) => p.file.startsWith(prefix));
if (!plan) throw new Error(`no plan ${prefix}`);
const seed = readFileSync(`seeds/${plan.file}`, 'utf8').split('\n');
const gazetteer = loadGazetteer();
const rows: GoldRow[] = [];
for (const raw of readFileSync(`scripts/extract/gold/${prefix}.txt`, 'utf8').split('\n')) {
  if (!raw.trim() || raw.startsWith('#')) continue;
  const [line, sentence, written, industry, role, note] = raw.split('|').map((s) => s.trim());
  const [placeZh] = (written ?? '').split('=');
  const place = resolveGoldPlace(gazetteer, written ?? '', plan.issued);
  const n = Number(line);
  if (!place) throw new Error(`${prefix}: unknown place ${placeZh} (${raw})`);
  if (!seed[n - 1]?.includes(sentence ?? '')) throw new Error(`${prefix}: line ${n} has no "${sentence}"`);
  if (!seed[n - 1]?.includes(placeZh ?? '')) throw new Error(`${prefix}: line ${n} has no place "${placeZh}"`);
  const row: GoldRow = {
    line: n,
    sentence: sentence ?? '',
    placeZh: placeZh ?? '',
    place,
    industry: industry ?? '',
    role: role ?? '',
  };
  if (note) row.note = note;
  rows.push(row);
}
writeFileSync(`scripts/extract/gold/${prefix}.json`, `${JSON.stringify(rows, null, 2)}\n`);
console.log(`${prefix}: ${rows.length} rows`);
