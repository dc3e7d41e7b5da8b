import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../domain/types.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { countColor, placeFills, roleColor } from './colors.ts';
import { createDeriver, filterCounts } from './derived.ts';
import { industryScope, type PlaceSummary, visibleAssignments } from './selectors.ts';
import { DEFAULT_STATE, type ExplorerState } from './store.ts';

const data = fixtureData();
const s = (over: Partial<ExplorerState>): ExplorerState => ({ ...DEFAULT_STATE, ...over });

// Test oracles for the one-pass filterCounts: what each option would show, the other filters kept, spelled out slowly.
type Filters = Pick<ExplorerState, 'plan' | 'industry' | 'roles'>;
function countsByPlan(f: Filters): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of visibleAssignments(data, { ...f, plan: 'all' })) out.set(a.plan, (out.get(a.plan) ?? 0) + 1);
  return out;
}
function countsByRole(f: Filters): Record<Role, number> {
  const out: Record<Role, number> = { core: 0, focus: 0, supporting: 0 };
  for (const a of visibleAssignments(data, { ...f, roles: [...ROLES] })) out[a.role]++;
  return out;
}
function countsByIndustry(f: Filters): Map<string, number> {
  const direct = new Map<string, number>();
  for (const a of visibleAssignments(data, { ...f, industry: null }))
    direct.set(a.industry, (direct.get(a.industry) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const i of data.industries) {
    let n = 0;
    for (const id of industryScope(data, i.id) ?? []) n += direct.get(id) ?? 0;
    out.set(i.id, n);
  }
  return out;
}

describe('filter counts (one pass)', () => {
  it.each([
    s({}),
    s({ plan: '2014-key-industries' }),
    s({ industry: 'pharma' }),
    s({ industry: 'photovoltaics', roles: ['core'] }),
    s({ plan: '2012-it-12th-fyp', roles: ['focus', 'supporting'] }),
  ])('match what each filter option would show (%#)', (state) => {
    const c = filterCounts(data, state);
    expect(c.plan).toEqual(countsByPlan(state));
    expect(c.role).toEqual(countsByRole(state));
    expect(c.industry).toEqual(countsByIndustry(state));
  });
});

describe('map encoding of counties', () => {
  const summary = (place: string, industries: string[], strongest: PlaceSummary['strongest']): PlaceSummary => ({
    place,
    strongest,
    industries: new Set(industries),
    count: industries.length,
  });
  const cityOf = new Map([
    ['360502', '360500'],
    ['360521', '360500'],
  ]);
  const city = summary('360500', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'focus');

  it('a county without claims of its own shows its city, one with claims shows own + city, never less', () => {
    const sums = new Map([
      ['360500', city],
      ['360502', summary('360502', ['z'], 'supporting')],
    ]);
    const fills = placeFills(sums, 'count', cityOf);
    expect(fills.get('360521')).toBe(countColor(7)); // 分宜: its city's 7 industries
    expect(fills.get('360502')).toBe(countColor(8)); // 渝水: 7 + its own one, not the "1 industry" colour
    expect(fills.get('360502')).not.toBe(countColor(1));
  });

  it('for one industry a county takes the stronger of its own role and its city role', () => {
    const sums = new Map([
      ['360500', summary('360500', ['photovoltaics'], 'core')],
      ['360502', summary('360502', ['photovoltaics'], 'supporting')],
    ]);
    const fills = placeFills(sums, 'role', cityOf);
    expect(fills.get('360502')).toBe(roleColor('core'));
    expect(fills.get('360521')).toBe(roleColor('core'));
  });
});

describe('deriver', () => {
  it('computes a filter state once and reuses it', () => {
    const derive = createDeriver(data);
    const a = derive(s({ industry: 'photovoltaics' }));
    expect(derive(s({ industry: 'photovoltaics', place: '360500', lang: 'en' }))).toBe(a);
    expect(derive(s({}))).not.toBe(a);
    expect(derive(s({ industry: 'photovoltaics' }))).toBe(a); // the previous result is kept too
  });

  it('counties of 新余 share its core colour for 光伏, but only places with their own claims are clickable', () => {
    const d = createDeriver(data)(s({ industry: 'photovoltaics' }));
    expect(d.fills.get('360500')).toBe(roleColor('core'));
    expect(d.fills.get('360521')).toBe(roleColor('core'));
    expect(d.claimed.has('360500')).toBe(true);
    expect(d.claimed.has('360521')).toBe(false);
  });
});
