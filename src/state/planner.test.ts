import { describe, expect, it } from 'vitest';
import { matrixColumns, matrixRows } from '../analysis/matrix.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import {
  comparedPlans,
  comparison,
  exportNameParts,
  matrixFor,
  placeChanges,
  planLabels,
  shownAssignments,
} from './planner.ts';
import { DEFAULT_STATE, type ExplorerState } from './store.ts';

const data = fixtureData();
const s = (over: Partial<ExplorerState>): ExplorerState => ({ ...DEFAULT_STATE, ...over });

describe('change view selectors', () => {
  it('compares the earliest and the latest plan by default', () => {
    expect(comparedPlans(data, { from: null, to: null })).toEqual({
      from: '2012-it-12th-fyp',
      to: '2014-key-industries',
    });
  });

  it('skips a latest plan that assigns nothing', () => {
    const empty = { ...data.plans[1], id: '2019-empty', year: 2019 } as (typeof data.plans)[number];
    const withEmpty = { ...data, plans: [...data.plans, empty] };
    expect(comparedPlans(withEmpty, { from: null, to: null }).to).toBe('2014-key-industries');
    expect(comparedPlans(withEmpty, { from: null, to: '2019-empty' }).to).toBe('2019-empty');
  });

  it('光伏 2012 → 2014: 新余 kept as core, 南昌 and 景德镇 dropped', () => {
    const rows = comparison(data, { from: null, to: null, level: 'top', industry: 'photovoltaics' });
    const kind = Object.fromEntries(rows.map((r) => [r.place, r.kind]));
    expect(kind).toEqual({
      '360500': 'kept',
      '361100': 'kept',
      '360400': 'kept',
      '360100': 'dropped',
      '360200': 'dropped',
    });
    const xinyu = rows.find((r) => r.place === '360500');
    expect(xinyu?.beforeIds).toContain('2012-it-12th-fyp:68:4:360500:photovoltaics');
    expect(xinyu?.afterIds.length).toBe(2);
  });

  it('a place whose industries changed in different ways is "mixed" on the map', () => {
    const kinds = placeChanges(comparison(data, { from: null, to: null, level: 'top', industry: null }));
    expect(kinds.get('360100')).toBe('mixed'); // 光伏 dropped, 医药 gained
    expect(kinds.get('360900')).toBe('gained');
    expect(kinds.get('360200')).toBe('dropped');
  });

  it('the change view downloads exactly the sentences behind the listed rows (and only the selected place’s)', () => {
    const all = shownAssignments(data, s({ view: 'changes', industry: 'photovoltaics' }));
    expect(all.length).toBe(10);
    const one = shownAssignments(data, s({ view: 'changes', industry: 'photovoltaics', place: '360100' }));
    expect(one.map((a) => a.id)).toEqual(['2012-it-12th-fyp:67:2:360100:photovoltaics']);
  });
});

describe('matrix selectors', () => {
  it('rolls sub-industries up at top level, and shows them as columns when their parent is chosen', () => {
    expect(matrixColumns(matrixFor(data, s({})))).toEqual(['photovoltaics', 'pharma']);
    expect(matrixColumns(matrixFor(data, s({ industry: 'pharma' })))).toEqual(['pharma-tcm', 'pharma-devices']);
    expect(matrixColumns(matrixFor(data, s({ level: 'exact' })))).toEqual([
      'photovoltaics',
      'pharma-tcm',
      'pharma-devices',
    ]);
  });

  it('filters by plan, role and city, recomputing the role over the kept plans', () => {
    const m = matrixFor(data, s({ plan: '2012-it-12th-fyp', city: '360500' }));
    expect(matrixRows(m).map((r) => r.place)).toEqual(['360500']);
    expect(matrixRows(m)[0]?.cells.photovoltaics?.plans).toEqual(['2012-it-12th-fyp']);
    const supporting = matrixFor(data, s({ roles: ['supporting'], level: 'exact' }));
    expect(matrixColumns(supporting)).toEqual(['pharma-devices']);
  });

  it('sorting by an industry ranks the whole province, strongest role first', () => {
    const m = matrixFor(data, s({ sort: { industry: 'pharma' } }));
    expect(m.rowGroups).toHaveLength(1);
    expect(matrixRows(m)[0]?.cells.pharma?.role).toBe('core');
    const byCount = matrixFor(data, s({ sort: 'count' }));
    expect(Object.keys(matrixRows(byCount)[0]?.cells ?? {}).length).toBe(2);
  });

  it('with a product or company chosen, the map view downloads its sentences (the fixture: 赛维LDK in 新余)', () => {
    const rows = shownAssignments(data, s({ industry: 'pharma', term: { kind: 'enterprise', key: '赛维LDK' } }));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((a) => a.enterprises.includes('赛维LDK'))).toBe(true);
    expect(exportNameParts(data, s({ term: { kind: 'enterprise', key: '赛维LDK' } }))).toEqual([
      'all-plans',
      'enterprise',
      '赛维LDK',
    ]);
  });

  it('the matrix view downloads the assignments behind its visible cells', () => {
    const ids = shownAssignments(data, s({ view: 'matrix', city: '360400' })).map((a) => a.place);
    expect(new Set(ids)).toEqual(new Set(['360400']));
  });
});

describe('labels and file names', () => {
  it('short plan labels use two digits', () => {
    expect(planLabels(data, true).get('2012-it-12th-fyp')).toBe('12');
    expect(planLabels(data).get('2014-key-industries')).toBe('2014');
  });
  it('file names say what the file holds', () => {
    expect(exportNameParts(data, s({ industry: 'photovoltaics' }))).toEqual(['all-plans', 'photovoltaics']);
    expect(exportNameParts(data, s({ view: 'changes' }))).toEqual(['changes', '2012-2014']);
    expect(exportNameParts(data, s({ view: 'matrix', plan: '2014-key-industries', city: '360100' }))).toEqual([
      'matrix',
      '2014',
      '360100',
    ]);
  });
});
