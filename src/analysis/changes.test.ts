import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../domain/types';
import { PLACE, PV_2012, PV_2014, PV_2016, PV_2018, PV_ALL, PV_INDUSTRIES } from '../test-fixtures/pv';
import { type ChangeRow, changeKind, computeChanges, countChanges, describeMatching } from './changes';
import { industryTree } from './hierarchy';

const row = (rows: ChangeRow[], place: string, industry = 'photovoltaics') =>
  rows.find((r) => r.place === place && r.industry === industry);
const kinds = (rows: ChangeRow[]) => Object.fromEntries(rows.map((r) => [`${r.place}/${r.industry}`, r.kind]));

describe('fixtures derived from the seeds', () => {
  it('quote each sentence verbatim at its source line and offsets', () => {
    for (const a of PV_ALL) {
      const line = readFileSync(new URL(`../../seeds/${a.source.file}`, import.meta.url), 'utf8').split('\n')[
        a.source.line - 1
      ];
      expect(line?.slice(a.source.start, a.source.end), a.id).toBe(a.quote);
      expect(a.quote, a.id).toContain(a.placeText);
    }
  });
});

describe('computeChanges: 2012 plan → 2014 opinion (光伏)', () => {
  const rows = computeChanges(PV_2012, PV_2014, PV_INDUSTRIES);

  it('upgrades 新余 from focus (2012: 集聚区, and its own clause gives the place no role) to core (2014: 核心区)', () => {
    const xinyu = row(rows, PLACE.xinyu);
    expect(xinyu).toMatchObject({ kind: 'upgraded', before: 'focus', after: 'core' });
    // Both 2012 sentences are behind the row.
    expect(xinyu?.beforeIds).toHaveLength(2);
    expect(xinyu?.afterIds).toEqual([PV_2014.find((a) => a.place === PLACE.xinyu)?.id]);
  });

  it('drops 南昌 and 景德镇 (集聚区 in 2012, absent in 2014) and the four supporting cities', () => {
    expect(row(rows, PLACE.nanchang)).toMatchObject({ kind: 'dropped', before: 'focus', after: null, afterIds: [] });
    expect(row(rows, PLACE.jingdezhen)?.kind).toBe('dropped');
    for (const place of [PLACE.fuzhou, PLACE.pingxiang, PLACE.jian, PLACE.yichun]) {
      expect(row(rows, place)).toMatchObject({ kind: 'dropped', before: 'supporting' });
    }
  });

  it('counts every place once', () => {
    expect(countChanges(rows)).toEqual({ gained: 0, dropped: 6, upgraded: 1, downgraded: 0, kept: 2 });
  });
});

describe('computeChanges: 2014 → 2018 opinion (光伏)', () => {
  const rows = computeChanges(PV_2014, PV_2018, PV_INDUSTRIES);
  it('downgrades 新余 from core to focus, keeps 上饶, drops 九江', () => {
    expect(row(rows, PLACE.xinyu)).toMatchObject({ kind: 'downgraded', before: 'core', after: 'focus' });
    expect(row(rows, PLACE.shangrao)?.kind).toBe('kept');
    expect(row(rows, PLACE.jiujiang)?.kind).toBe('dropped');
    expect(rows).toHaveLength(3);
  });
});

describe('hierarchy matching: 2014 (光伏) → 2016 (硅晶电池 / 薄膜电池)', () => {
  it('at the top level, rolls the sub-industries up to 光伏', () => {
    const rows = computeChanges(PV_2014, PV_2016, PV_INDUSTRIES);
    expect(kinds(rows)).toEqual({
      [`${PLACE.nanchang}/photovoltaics`]: 'gained',
      [`${PLACE.jiujiang}/photovoltaics`]: 'upgraded',
      [`${PLACE.xinyu}/photovoltaics`]: 'downgraded',
      [`${PLACE.shangrao}/photovoltaics`]: 'kept',
    });
    // 九江 is core for 薄膜电池 and focus for 硅晶电池: the strongest (core) counts, and both are listed.
    const jiujiang = row(rows, PLACE.jiujiang);
    expect(jiujiang).toMatchObject({
      before: 'focus',
      after: 'core',
      afterIndustries: ['photovoltaics-crystalline', 'photovoltaics-thin-film'],
    });
    expect(jiujiang?.afterIds[0]).toContain('photovoltaics-thin-film');
  });

  it('at the exact level, treats differently named industries as different (all dropped / gained)', () => {
    const rows = computeChanges(PV_2014, PV_2016, PV_INDUSTRIES, { level: 'exact' });
    expect(countChanges(rows)).toEqual({ gained: 5, dropped: 3, upgraded: 0, downgraded: 0, kept: 0 });
    expect(row(rows, PLACE.jiujiang, 'photovoltaics-thin-film')?.kind).toBe('gained');
    expect(row(rows, PLACE.jiujiang, 'photovoltaics')?.kind).toBe('dropped');
  });

  it('for a chosen leaf industry, counts only sentences naming it', () => {
    const rows = computeChanges(PV_2014, PV_2016, PV_INDUSTRIES, { industry: 'photovoltaics-thin-film' });
    expect(kinds(rows)).toEqual({
      [`${PLACE.jiujiang}/photovoltaics-thin-film`]: 'gained',
      [`${PLACE.nanchang}/photovoltaics-thin-film`]: 'gained',
    });
  });

  it('for a chosen parent industry, includes its sub-industries and leaves other industries out', () => {
    const pharma: Assignment = { ...PV_2014[0], id: 'x', industry: 'pharma-tcm', place: PLACE.yichun } as Assignment;
    const rows = computeChanges([...PV_2014, pharma], PV_2016, PV_INDUSTRIES, { industry: 'photovoltaics' });
    expect(rows.every((r) => r.industry === 'photovoltaics')).toBe(true);
    expect(rows).toHaveLength(4);
    expect(computeChanges([...PV_2014, pharma], PV_2016, PV_INDUSTRIES, { industry: 'pharma' })).toEqual([
      expect.objectContaining({ place: PLACE.yichun, industry: 'pharma', kind: 'dropped', beforeIds: ['x'] }),
    ]);
  });
});

describe('computeChanges: other behaviour', () => {
  it('orders rows by industry, then kind, then place', () => {
    const rows = computeChanges(PV_2014, PV_2016, PV_INDUSTRIES);
    expect(rows.map((r) => r.kind)).toEqual(['gained', 'upgraded', 'downgraded', 'kept']);
  });

  it('merges places through placeKey (e.g. a renamed county into its successor)', () => {
    const old = PV_2014.map((a) => (a.place === PLACE.jiujiang ? { ...a, place: 'old-jiujiang' } : a));
    const plain = computeChanges(old, PV_2014, PV_INDUSTRIES);
    expect(countChanges(plain).kept).toBe(2);
    const merged = computeChanges(old, PV_2014, PV_INDUSTRIES, {
      placeKey: (p) => (p === 'old-jiujiang' ? PLACE.jiujiang : p),
    });
    expect(countChanges(merged)).toMatchObject({ kept: 3, gained: 0, dropped: 0 });
  });

  it('keeps an assignment whose industry is not in the hierarchy, as its own industry', () => {
    const odd = { ...PV_2014[0], id: 'odd', industry: 'unknown-industry' } as Assignment;
    const rows = computeChanges([odd], [], PV_INDUSTRIES);
    expect(rows).toEqual([expect.objectContaining({ industry: 'unknown-industry', kind: 'dropped' })]);
  });

  it('compares no plans to no plans as no rows', () => {
    expect(computeChanges([], [], PV_INDUSTRIES)).toEqual([]);
  });

  it.each([
    ['focus', 'core', 'upgraded'],
    ['supporting', 'focus', 'upgraded'],
    ['core', 'supporting', 'downgraded'],
    ['focus', 'focus', 'kept'],
    [null, 'supporting', 'gained'],
    ['core', null, 'dropped'],
  ] as const)('changeKind(%s, %s) is %s', (before, after, kind) => {
    expect(changeKind(before, after)).toBe(kind);
  });
});

describe('describeMatching', () => {
  it('explains each mode in both languages, naming the industries from the hierarchy', () => {
    const top = describeMatching(PV_INDUSTRIES);
    expect(top.zh).toContain('一级产业');
    expect(top.zh).toContain('“硅晶电池”计入“光伏”');
    expect(top.en).toContain('Crystalline silicon cells counts as Photovoltaics');
    const parent = describeMatching(PV_INDUSTRIES, { industry: 'photovoltaics' });
    expect(parent.zh).toContain('硅晶电池、薄膜电池');
    expect(parent.en).toContain('Thin-film cells');
    const leaf = describeMatching(PV_INDUSTRIES, { industry: 'photovoltaics-thin-film' });
    expect(leaf.zh).toContain('只比较明确写到“薄膜电池”的句子');
    const exact = describeMatching(PV_INDUSTRIES, { level: 'exact' });
    expect(exact.en).toContain('exactly as each plan names them');
    expect(new Set([top.zh, parent.zh, leaf.zh, exact.zh]).size).toBe(4);
  });
});

describe('industryTree', () => {
  it('walks ancestors and descendants and survives a cycle', () => {
    const tree = industryTree([
      ...PV_INDUSTRIES,
      { id: 'a', zh: 'a', en: 'a', parent: 'b', aliases: [], pinyin: '' },
      { id: 'b', zh: 'b', en: 'b', parent: 'a', aliases: [], pinyin: '' },
    ]);
    expect(tree.rootOf('photovoltaics-thin-film')).toBe('photovoltaics');
    expect(tree.descendantsOf('photovoltaics')).toEqual(['photovoltaics-crystalline', 'photovoltaics-thin-film']);
    expect(tree.isWithin('photovoltaics-thin-film', 'photovoltaics')).toBe(true);
    expect(tree.isWithin('photovoltaics', 'photovoltaics-thin-film')).toBe(false);
    expect(tree.ancestorsOf('a')).toEqual(['b']);
    expect(tree.orderOf('photovoltaics')).toBeLessThan(tree.orderOf('photovoltaics-thin-film'));
    expect(tree.orderOf('photovoltaics-thin-film')).toBeLessThan(tree.orderOf('pharma'));
  });
});
