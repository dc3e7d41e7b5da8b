import { describe, expect, it } from 'vitest';
import type { Assignment, PlaceLevel, Role } from '../domain/types';
import { industryProfile, overlap, placeProfile } from './profiles';

const PLANS = ['p12', 'p14', 'p16', 'p18'];
const place = (id: string, level: PlaceLevel, city: string | null, county: string | null = null) => ({
  id,
  properties: { level, city, county },
});
const PLACES = [
  place('xinyu', 'city', 'xinyu'),
  place('jiujiang', 'city', 'jiujiang'),
  place('shangrao', 'city', 'shangrao'),
  place('yushui', 'county', 'xinyu', 'yushui'),
  place('park-xy', 'park', 'xinyu', 'yushui'),
  place('park-jj', 'park', 'jiujiang', null),
];
let n = 0;
const a = (
  plan: string,
  p: string,
  industry: string,
  role: Role,
  products: string[] = [],
  enterprises: string[] = [],
) =>
  ({
    id: `a${n++}`,
    plan,
    place: p,
    industry,
    role,
    products,
    enterprises,
    industryZh: industry,
    placeText: p,
    quote: '',
    source: { file: 'f', line: 1, start: 0, end: 0 },
  }) as Assignment;

const LIST = [
  a('p12', 'xinyu', 'pv', 'focus', ['硅片']),
  a('p14', 'xinyu', 'pv', 'core', ['硅料', '硅片'], ['赛维']),
  a('p16', 'xinyu', 'pv', 'focus'),
  a('p18', 'xinyu', 'pv', 'focus'),
  a('p14', 'xinyu', 'steel', 'core'),
  a('p12', 'jiujiang', 'pv', 'focus'),
  a('p16', 'jiujiang', 'pv-film', 'core'),
  a('p12', 'shangrao', 'pv', 'focus'),
  a('p14', 'park-xy', 'pv', 'focus', ['组件'], ['瑞晶']),
  a('p14', 'park-jj', 'chem', 'supporting'),
  a('p14', 'yushui', 'steel', 'supporting'),
];

describe('placeProfile', () => {
  it('gives each industry its role per plan, the number of plans, and the strongest role first', () => {
    const p = placeProfile(LIST, PLACES, 'xinyu', { planOrder: PLANS });
    expect(p.rows.map((r) => [r.industry, r.plans.length, r.strongest])).toEqual([
      ['pv', 4, 'core'],
      ['steel', 1, 'core'],
    ]);
    expect(p.rows[0]?.byPlan).toEqual({ p12: 'focus', p14: 'core', p16: 'focus', p18: 'focus' });
    expect(p.strongest).toBe('core');
    expect(p.strongestIndustries).toEqual(['pv', 'steel']);
    expect(p.plans).toEqual(PLANS);
    expect(p.products).toEqual(['硅片', '硅料']);
    expect(p.enterprises).toEqual(['赛维']);
    // Parks inside the city (not counties: they are places of their own) with their claims.
    expect(p.parks).toEqual([{ place: 'park-xy', industries: 1, strongest: 'focus' }]);
    expect(p.count).toBe(5);
  });

  it('rolls industries up with a key', () => {
    const p = placeProfile(LIST, PLACES, 'jiujiang', { planOrder: PLANS, key: (i) => (i === 'pv-film' ? 'pv' : i) });
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]?.byPlan).toEqual({ p12: 'focus', p16: 'core' });
  });

  it('is empty for a place without claims', () => {
    const p = placeProfile(LIST, PLACES, 'yushui-none', { planOrder: PLANS });
    expect(p.rows).toEqual([]);
    expect(p.strongest).toBeNull();
  });
});

describe('industryProfile', () => {
  const pv = LIST.filter((x) => x.industry.startsWith('pv'));
  it('ranks by strongest role, then persistence, then the latest plan; parks fold into their city', () => {
    const p = industryProfile(pv, PLACES, PLANS);
    expect(p.plans).toEqual(PLANS);
    expect(p.entries.map((e) => [e.place, e.strongest, e.plans.length, e.latest])).toEqual([
      ['xinyu', 'core', 4, 'p18'],
      ['jiujiang', 'core', 2, 'p16'],
      ['shangrao', 'focus', 1, 'p12'],
    ]);
    expect(p.entries[0]?.parks).toEqual(['park-xy']);
    expect(p.entries[0]?.products).toEqual(['硅片', '硅料', '组件']);
    expect(p.entries[0]?.enterprises).toEqual(['赛维', '瑞晶']);
  });

  it('lists only the shown places, but counts persistence over every plan', () => {
    const p = industryProfile(pv, PLACES, PLANS, new Set(['jiujiang', 'park-xy']));
    // 新余 itself is not shown, so its park stands on its own.
    expect(p.entries.map((e) => [e.place, e.plans.length])).toEqual([
      ['jiujiang', 2],
      ['park-xy', 1],
    ]);
    expect(p.plans).toEqual(PLANS);
  });
});

describe('overlap', () => {
  it('counts cities named, counties named and cities reached per industry', () => {
    const o = overlap(LIST, PLACES, (i) => (i === 'pv-film' ? 'pv' : i));
    const pv = o.industries.find((i) => i.industry === 'pv');
    expect(pv).toEqual({
      industry: 'pv',
      cities: ['jiujiang', 'shangrao', 'xinyu'],
      counties: [],
      reached: ['jiujiang', 'shangrao', 'xinyu'],
    });
    const steel = o.industries.find((i) => i.industry === 'steel');
    expect(steel).toMatchObject({ cities: ['xinyu'], counties: ['yushui'], reached: ['xinyu'] });
    // A park reaches its city without naming it.
    expect(o.industries.find((i) => i.industry === 'chem')).toMatchObject({ cities: [], reached: ['jiujiang'] });
    expect(o.industries[0]?.industry).toBe('pv');
  });

  it('per city: what only it is given and how concentrated it is', () => {
    const o = overlap(LIST, PLACES);
    const xy = o.cities.find((c) => c.city === 'xinyu');
    expect(xy?.count).toBe(7);
    expect(xy?.industries).toEqual(['pv', 'steel']);
    expect(xy?.only).toEqual(['steel']);
    expect(xy?.top3Share).toBe(1);
    const jj = o.cities.find((c) => c.city === 'jiujiang');
    expect(jj?.only.sort()).toEqual(['chem', 'pv-film']);
  });
});
