import { describe, expect, it } from 'vitest';
import { fixtureData } from '../test-fixtures/index.ts';
import { placeFills, roleColor } from './colors.ts';
import { filterCounts } from './derived.ts';
import {
  highlightRuns,
  industryScope,
  placeAssignments,
  placesByRole,
  summarizeByPlace,
  visibleAssignments,
} from './selectors.ts';
import { DEFAULT_STATE } from './store.ts';

const data = fixtureData();
const f = (over: Partial<typeof DEFAULT_STATE>) => ({ ...DEFAULT_STATE, ...over });

describe('filters → visible assignments', () => {
  it('all plans, all industries, all roles shows everything', () => {
    expect(visibleAssignments(data, f({}))).toHaveLength(data.assignments.length);
  });

  it('光伏 in the 2014 plan puts 新余 at the core, 上饶 and 九江 as clusters', () => {
    const visible = visibleAssignments(data, f({ plan: '2014-key-industries', industry: 'photovoltaics' }));
    const byRole = placesByRole(summarizeByPlace(visible), (id) => id);
    expect(byRole.core).toEqual(['360500']);
    expect(byRole.focus.sort()).toEqual(['360400', '361100']);
    expect(byRole.supporting).toEqual([]);
  });

  it('a parent industry includes its sub-industries (医药 → 中药, 医疗器械)', () => {
    expect([...(industryScope(data, 'pharma') ?? [])].sort()).toEqual([
      'pharma',
      'pharma-chemical',
      'pharma-devices',
      'pharma-tcm',
    ]);
    const visible = visibleAssignments(data, f({ industry: 'pharma' }));
    expect(new Set(visible.map((a) => a.industry))).toEqual(new Set(['pharma-tcm', 'pharma-devices']));
    expect(filterCounts(data, f({})).industry.get('pharma')).toBe(visible.length);
  });

  it('the role filter hides weaker claims', () => {
    const visible = visibleAssignments(data, f({ industry: 'pharma-devices', roles: ['supporting'] }));
    expect(visible.map((a) => a.place).sort()).toEqual(['360400', '360900']);
  });

  it('a plan with no claim for the industry shows nothing', () => {
    expect(visibleAssignments(data, f({ plan: '2012-it-12th-fyp', industry: 'pharma' }))).toEqual([]);
  });
});

describe('per-place summary and colours', () => {
  it('keeps the strongest role across plans (新余: focus in 2012 column intro, core elsewhere)', () => {
    const s = summarizeByPlace(visibleAssignments(data, f({ industry: 'photovoltaics' })));
    expect(s.get('360500')?.strongest).toBe('core');
    expect(s.get('360200')?.strongest).toBe('focus');
  });

  it('colours by role for one industry and by count for all', () => {
    const one = summarizeByPlace(visibleAssignments(data, f({ industry: 'photovoltaics' })));
    expect(placeFills(one, 'role').get('360500')).toBe(roleColor('core'));
    const all = summarizeByPlace(visibleAssignments(data, f({})));
    expect(all.get('360100')?.industries.size).toBe(3); // 南昌: 光伏, 中药, 医疗器械
    const fills = placeFills(all, 'count');
    expect(fills.get('360100')).not.toBe(fills.get('360200'));
    expect(fills.has('360521')).toBe(false); // 分宜县: nothing assigned
  });
});

describe('place panel grouping', () => {
  it('groups 新余 by plan (in plan order) then industry', () => {
    const groups = placeAssignments(data, visibleAssignments(data, f({})), '360500');
    expect(groups.map((g) => g.plan)).toEqual(['2012-it-12th-fyp', '2014-key-industries']);
    expect(groups[0]?.industries[0]?.assignments[0]?.role).toBe('core'); // strongest first
    expect(groups[0]?.industries[0]?.assignments[0]?.enterprises).toContain('赛维LDK');
  });
});

describe('quote highlighting', () => {
  it('marks place and industry and keeps the text intact', () => {
    const runs = highlightRuns('打造以新余为核心区的光伏产业', ['新余', '光伏']);
    expect(runs.map((r) => r.text).join('')).toBe('打造以新余为核心区的光伏产业');
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['新余', '光伏']);
  });
  it('treats markup in a quote as text', () => {
    const runs = highlightRuns('<b>新余</b>', ['新余']);
    expect(runs.map((r) => r.text)).toEqual(['<b>', '新余', '</b>']);
  });
});
