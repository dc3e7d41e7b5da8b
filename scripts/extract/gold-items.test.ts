/**
 * Products and enterprises against the blind item annotation in scripts/extract/gold/items/ (written from the texts
 * by other annotators before reading this extraction; docs/extraction.md, "Products and enterprises"). Prints
 * precision/recall/F1 per plan and overall, with every disagreement, and fails below the floors (a bit under what the
 * extraction reaches, so a change that loses items shows here).
 */
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../gazetteer/index.ts';
import { extractAll, plans, root } from './corpus.ts';
import { fmt, planOf, readGoldItems, scorePlanItems, sumScores } from './gold/score-items.ts';

const gazetteer = loadGazetteer(`${root}data`);
const assignments = [...extractAll(gazetteer).values()].flatMap((r) => r.assignments);
const golds = readGoldItems(`${root}scripts/extract/gold/items`);

/** Per-plan product F1 floors; enterprises are scored over all plans together (000, 002, 003 have 0–1 gold items). */
const PRODUCT_F1: Record<string, number> = { '000': 0.95, '001': 0.88, '002': 0.77, '003': 0.81 };
// Enterprises stay under the 0.95 target on purpose: the gold also takes companies from the next sentences of a
// bullet (001 lines 131, 162, 254), which a row cannot show inside its quote (docs/extraction.md, "Evaluation").
const OVERALL = { productsF1: 0.88, enterprisesF1: 0.88 };

const scores = golds.map((gold) => {
  const plan = planOf(plans, gold);
  if (!plan) throw new Error(`no plan for ${gold.file}`);
  return scorePlanItems(gold, assignments, gazetteer, plan.issued);
});

describe('products and enterprises against the blind item annotation', () => {
  for (const s of scores) {
    const prefix = s.file.slice(0, 3);
    it(`${prefix}: products F1 at least ${PRODUCT_F1[prefix] ?? OVERALL.productsF1}`, () => {
      console.log(
        `items ${prefix}: products ${fmt(s.products)}; enterprises ${fmt(s.enterprises)}` +
          [
            ...s.products.misses.map((m) => `\n  missing product    ${m}`),
            ...s.products.extras.map((m) => `\n  extra product      ${m}`),
          ]
            .concat(s.enterprises.misses.map((m) => `\n  missing enterprise ${m}`))
            .concat(s.enterprises.extras.map((m) => `\n  extra enterprise   ${m}`))
            .join(''),
      );
      expect(s.products.f1).toBeGreaterThanOrEqual(PRODUCT_F1[prefix] ?? OVERALL.productsF1);
    });
  }
  it(`all plans: products F1 at least ${OVERALL.productsF1}, enterprises F1 at least ${OVERALL.enterprisesF1}`, () => {
    const products = sumScores(scores.map((s) => s.products));
    const enterprises = sumScores(scores.map((s) => s.enterprises));
    console.log(`items, all plans: products ${fmt(products)}; enterprises ${fmt(enterprises)}`);
    expect(golds.length).toBeGreaterThan(0);
    expect(products.f1).toBeGreaterThanOrEqual(OVERALL.productsF1);
    expect(enterprises.f1).toBeGreaterThanOrEqual(OVERALL.enterprisesF1);
  });
});

describe('the item scorer', () => {
  it('matches by containment, unions a place’s rows on a line, and counts rows the gold does not have', () => {
    const source = { file: 'f.txt', line: 3, start: 0, end: 1 };
    const rows = [
      { source, place: '360100', placeText: '南昌', products: ['硅片生产'], enterprises: [] },
      { source, place: '360100', placeText: '南昌', products: ['电池及组件'], enterprises: ['江铃集团公司'] },
      { source, place: '360400', placeText: '九江', products: ['外延片'], enterprises: [] },
    ];
    const gold = {
      plan: 'p',
      file: 'f.txt',
      rows: [{ line: 3, sentence: '', placeZh: '南昌', products: ['硅片', '组件', '硅料'], enterprises: ['江铃集团'] }],
    };
    const s = scorePlanItems(gold, rows, gazetteer, '2014-01-20');
    // 硅片 ⊂ 硅片生产, 组件 ⊂ 电池及组件, 硅料 missed; 外延片 (九江, no gold row) is extra.
    expect([s.products.goldMatched, s.products.gold, s.products.extractedMatched, s.products.extracted]).toEqual([
      2, 3, 2, 3,
    ]);
    expect(s.enterprises.f1).toBe(1);
  });
});
