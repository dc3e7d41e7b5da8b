/**
 * The extraction against the blind gold annotation in scripts/extract/gold/ (written from the texts before reading the
 * extraction's output, then adjudicated: docs/extraction.md, "Gold set"). Rows match on plan, line, sentence, place
 * and industry; the role is then compared. Prints precision and recall per plan and lists every disagreement.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractedAssignment as Assignment } from '../../src/domain/types.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import { industries, plans, root, texts } from './corpus.ts';
import type { GoldRow } from './gold/row.ts';
import { extractPlan } from './index.ts';

const gazetteer = loadGazetteer(`${root}data`);

/** Lines each gold file covers (001 is annotated for its first five ◆产业布局 columns only). */
const SCOPE: Record<string, [number, number]> = {
  '000': [1, Number.MAX_SAFE_INTEGER],
  '001': [65, 131],
  '002': [1, Number.MAX_SAFE_INTEGER],
  '003': [1, Number.MAX_SAFE_INTEGER],
};
/** Floors the current extraction meets; a change that breaks annotated rows fails here. */
const FLOOR = { precision: 0.95, recall: 0.95 };

interface Score {
  gold: number;
  extracted: number;
  matched: number;
  sameRole: number;
  precision: number;
  recall: number;
  disagreements: string[];
}

const matches = (g: GoldRow, a: Assignment): boolean =>
  a.source.line === g.line && a.quote.includes(g.sentence) && a.place === g.place && a.industry === g.industry;

function score(prefix: string): Score {
  const plan = plans.find((p) => p.file.startsWith(prefix));
  if (!plan) throw new Error(`no plan ${prefix}`);
  const gold = JSON.parse(readFileSync(`${root}scripts/extract/gold/${prefix}.json`, 'utf8')) as GoldRow[];
  const text = texts.get(plan.file) ?? '';
  const [from, to] = SCOPE[prefix] ?? [1, Number.MAX_SAFE_INTEGER];
  const extracted = extractPlan({ plan, text, gazetteer, industries }).assignments.filter(
    (a) => a.source.line >= from && a.source.line <= to,
  );
  const used = new Set<Assignment>();
  const disagreements: string[] = [];
  let sameRole = 0;
  for (const g of gold) {
    const hit = extracted.find((a) => !used.has(a) && matches(g, a));
    if (!hit) {
      disagreements.push(`missing  ${prefix}:${g.line} ${g.placeZh} ${g.industry} ${g.role} «${g.sentence}»`);
      continue;
    }
    used.add(hit);
    if (hit.role === g.role) sameRole++;
    else disagreements.push(`role     ${prefix}:${g.line} ${g.placeZh} ${g.industry} gold ${g.role}, got ${hit.role}`);
  }
  for (const a of extracted) {
    if (!used.has(a)) {
      disagreements.push(
        `extra    ${prefix}:${a.source.line} ${a.placeText} ${a.industry} ${a.role} «${a.quote.slice(0, 30)}»`,
      );
    }
  }
  // Strict: a row counts only with the right place, industry and role.
  return {
    gold: gold.length,
    extracted: extracted.length,
    matched: used.size,
    sameRole,
    precision: extracted.length ? sameRole / extracted.length : 1,
    recall: gold.length ? sameRole / gold.length : 1,
    disagreements,
  };
}

describe('extraction against the blind gold annotation', () => {
  for (const prefix of Object.keys(SCOPE)) {
    it(`${prefix}: precision and recall (place, industry and role all right) at least ${FLOOR.recall}`, () => {
      const s = score(prefix);
      console.log(
        `gold ${prefix}: gold ${s.gold}, extracted ${s.extracted}, matched ${s.matched} (role agrees ${s.sameRole}); ` +
          `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}` +
          (s.disagreements.length ? `\n  ${s.disagreements.join('\n  ')}` : ''),
      );
      expect(s.precision).toBeGreaterThanOrEqual(FLOOR.precision);
      expect(s.recall).toBeGreaterThanOrEqual(FLOOR.recall);
    });
  }
});
