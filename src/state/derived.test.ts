import { describe, expect, it } from 'vitest';
import { fixtureData } from '../test-fixtures/index.ts';
import { countColor, placeFills, roleColor } from './colors.ts';
import { createDeriver, filterCounts } from './derived.ts';
import { countsByIndustry, countsByPlan, countsByRole, type PlaceSummary } from './selectors.ts';
import { DEFAULT_STATE, type ExplorerState } from './store.ts';

const data = fixtureData();
const s = (over: Partial<ExplorerState>): ExplorerState => ({ ...DEFAULT_STATE, ...over });

describe('filter counts (one pass)', () => {
  it.each([
    s({}),
    s({ plan: '2014-key-industries' }),
    s({ industry: 'pharma' }),
    s({ industry: 'photovoltaics', roles: ['core'] }),
    s({ plan: '2012-it-12th-fyp', roles: ['focus', 'supporting'] }),
  ])('match what each filter option would show (%#)', (state) => {
    const c = filterCounts(data, state);
    expect(c.plan).toEqual(countsByPlan(data, state));
    expect(c.role).toEqual(countsByRole(data, state));
    expect(c.industry).toEqual(countsByIndustry(data, state));
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
