// @vitest-environment jsdom
/**
 * Issue 11 in the components: the place and industry profiles, the overlap counts (checked against counts computed
 * here from the fixture, not with the app's selectors), no dead ends, reset, and where keyboard focus goes.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import type { Role } from '../domain/types.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { mapCalls } from '../test-fixtures/map-mock.ts';

vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'));

const load = () => Promise.resolve(fixtureData());
const data = fixtureData();
const XINYU = '360500';
const GANZHOU = '360700';
const PV = 'photovoltaics';
const RANK: Record<Role, number> = { core: 0, focus: 1, supporting: 2 };
const open = (search: string) => window.history.replaceState(null, '', `/${search}`);

/** Top-level ancestor, restated from industries.json. */
function rootOf(id: string): string {
  let cur = id;
  for (let p = data.industryById.get(cur)?.parent; p; p = data.industryById.get(cur)?.parent) cur = p;
  return cur;
}

beforeEach(() => {
  open('');
  localStorage.clear();
  mapCalls.updates.length = 0;
  mapCalls.focus.length = 0;
  mapCalls.fits.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('place profile', () => {
  it('shows 新余 industries × plans with each plan’s strongest role, plan counts, products and enterprises', async () => {
    open(`?place=${XINYU}`);
    render(<App load={load} />);
    const profile = await screen.findByTestId('place-profile');
    const mine = data.assignments.filter((a) => a.place === XINYU);
    const expected = new Map<string, Map<string, Role>>();
    for (const a of mine) {
      const row = expected.get(rootOf(a.industry)) ?? new Map<string, Role>();
      const had = row.get(a.plan);
      if (!had || RANK[a.role] < RANK[had]) row.set(a.plan, a.role);
      expected.set(rootOf(a.industry), row);
    }
    const rows = [...profile.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-industry'))).toEqual([...expected.keys()]);
    for (const tr of rows) {
      const want = expected.get(tr.getAttribute('data-industry') ?? '') ?? new Map();
      const marks = [...tr.querySelectorAll('td[data-plan]')]
        .map((td) => [td.getAttribute('data-plan'), td.querySelector('[data-role]')?.getAttribute('data-role')])
        .filter(([, r]) => r);
      expect(Object.fromEntries(marks)).toEqual(Object.fromEntries(want));
      expect(tr.getAttribute('data-plans')).toBe(String(want.size));
    }
    // The role in words for screen readers, not only the mark.
    expect(within(profile).getAllByText('核心区').length).toBeGreaterThan(0);
    expect(within(profile).getByTestId('place-profile-summary')).toHaveTextContent('最强角色：核心区（光伏）');
    expect(within(profile).getByTestId('place-profile-products')).toHaveTextContent('硅料');
    expect(within(profile).getByTestId('place-profile-enterprises')).toHaveTextContent('赛维LDK');
    // The sentence cards are still there, below the profile.
    const panel = screen.getByTestId('place-panel');
    const first = within(panel).getAllByTestId('assignment')[0] as HTMLElement;
    expect(profile.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('lists the parks inside a city that have claims of their own', async () => {
    const park = data.places.find((p) => p.properties.level === 'park');
    const city = park?.properties.city ?? '';
    const hasClaims = data.assignments.some((a) => a.place === park?.id);
    open(`?place=${city}`);
    render(<App load={load} />);
    const profile = await screen.findByTestId('place-profile');
    if (hasClaims)
      expect(within(profile).getByTestId('place-profile-parks')).toHaveTextContent(park?.properties.zh ?? '');
    else expect(within(profile).queryByTestId('place-profile-parks')).toBeNull();
  });
});

describe('industry profile', () => {
  it('ranks the places of 光伏 by role and persistence, with one summary line', async () => {
    open(`?industry=${PV}`);
    render(<App load={load} />);
    const view = await screen.findByTestId('industry-view');
    const pv = data.assignments.filter((a) => a.industry === PV);
    const plans = new Set(pv.map((a) => a.plan));
    const plansOf = (place: string) => new Set(pv.filter((a) => a.place === place).map((a) => a.plan)).size;
    const entries = within(view).getAllByTestId('industry-place');
    expect(entries[0]).toHaveAttribute('data-entry', XINYU);
    for (const e of entries)
      expect(e.getAttribute('data-plans')).toBe(String(plansOf(e.getAttribute('data-entry') ?? '')));
    expect(new Set(entries.map((e) => e.getAttribute('data-entry')))).toEqual(new Set(pv.map((a) => a.place)));
    expect(within(view).getByTestId('industry-summary')).toHaveTextContent(
      `核心区：新余市（${plans.size} 部中的 ${plansOf(XINYU)} 部）`,
    );
    expect(within(entries[0] as HTMLElement).getByTestId('industry-products')).toHaveTextContent('硅片');
    expect(within(entries[0] as HTMLElement).getByTestId('industry-enterprises')).toHaveTextContent('赛维LDK');
  });

  it('choosing an industry fits the map to its places', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    await user.click(screen.getByRole('button', { name: /^光伏/ }));
    const pvPlaces = new Set(data.assignments.filter((a) => a.industry === PV).map((a) => a.place));
    expect(new Set(mapCalls.fits.at(-1))).toEqual(pvPlaces);
  });
});

describe('no dead ends', () => {
  it('a selected place without the chosen industry says so and lists where the industry is', async () => {
    const user = userEvent.setup();
    open(`?place=${GANZHOU}`);
    render(<App load={load} />);
    await screen.findByTestId('place-panel');
    await user.click(screen.getByRole('button', { name: /^光伏/ }));
    const nothing = await screen.findByTestId('nothing-assigned');
    expect(nothing).toHaveTextContent('赣州市');
    const listed = [...within(nothing).getByTestId('industry-elsewhere').querySelectorAll('button[data-place]')].map(
      (b) => b.getAttribute('data-place'),
    );
    const pvPlaces = new Set(data.assignments.filter((a) => a.industry === PV).map((a) => a.place));
    expect(new Set(listed)).toEqual(pvPlaces);
    // The map shows the industry's places rather than staying on 赣州.
    expect(new Set(mapCalls.fits.at(-1))).toEqual(pvPlaces);
    await user.click(within(nothing).getByRole('button', { name: '新余市' }));
    expect(screen.getByTestId('place-panel')).toHaveAttribute('data-place', XINYU);
  });

  it('a plan that assigns nothing says so on the map and in the panel, and Play skips it', async () => {
    const withEmpty = () => {
      const d = fixtureData();
      const plan = {
        ...(d.plans[1] as (typeof d.plans)[number]),
        id: '2018-empty',
        year: 2018,
        titleZh: '空规划',
        file: 'x.txt',
      };
      d.plans.push(plan);
      d.planById.set(plan.id, plan);
      return Promise.resolve(d);
    };
    open('?plan=2018-empty');
    render(<App load={withEmpty} />);
    expect(await screen.findByTestId('map-notice')).toHaveTextContent('2018 年《空规划》没有把任何产业布局到具体地方');
    expect(screen.getByTestId('nothing-assigned')).toHaveTextContent('没有把任何产业布局到具体地方');
    // Play from the last plan with assignments runs through the plans that assign something, never the empty one.
    const user = userEvent.setup();
    await user.click(within(screen.getByTestId('plan-filter')).getByRole('button', { name: /^2014/ }));
    const seen = new Set<string>();
    await user.click(screen.getByTestId('plan-play'));
    await vi.waitFor(
      () => {
        seen.add(new URLSearchParams(window.location.search).get('plan') ?? 'all');
        expect(screen.getByTestId('plan-play')).toHaveAttribute('data-playing', 'false');
      },
      { timeout: 4000, interval: 50 },
    );
    expect(seen.has('2018-empty')).toBe(false);
    expect(seen.has('2012-it-12th-fyp')).toBe(true);
  }, 10_000);

  it('reset clears every filter input, the industry search text too', async () => {
    const user = userEvent.setup();
    open('?plan=2014-key-industries&roles=core');
    render(<App load={load} />);
    await screen.findByTestId('overview');
    const search = screen.getByTestId('industry-search') as HTMLInputElement;
    await user.type(search, '光');
    expect(search.value).toBe('光');
    await user.click(screen.getByTestId('reset'));
    expect((screen.getByTestId('industry-search') as HTMLInputElement).value).toBe('');
    expect(window.location.search).toBe('');
    for (const box of within(screen.getByTestId('role-filter')).getAllByRole('checkbox')) expect(box).toBeChecked();
    expect(within(screen.getByTestId('plan-filter')).getByRole('button', { name: /全部规划/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});

describe('overlap between cities', () => {
  /** Restated from the fixture: per top-level industry, cities named, counties named, cities reached. */
  function expectedOverlap() {
    const level = new Map(data.places.map((p) => [p.id, p.properties.level]));
    const cityOf = (id: string) => {
      const p = data.placeById.get(id)?.properties;
      if (!p) return null;
      if (p.level === 'city') return id;
      return p.city && level.get(p.city) === 'city' ? p.city : null;
    };
    const out = new Map<string, { cities: Set<string>; counties: Set<string>; reached: Set<string> }>();
    for (const a of data.assignments) {
      const k = rootOf(a.industry);
      const e = out.get(k) ?? { cities: new Set(), counties: new Set(), reached: new Set() };
      if (level.get(a.place) === 'city') e.cities.add(a.place);
      if (level.get(a.place) === 'county') e.counties.add(a.place);
      const c = cityOf(a.place);
      if (c) e.reached.add(c);
      out.set(k, e);
    }
    return out;
  }

  it('counts, per industry, the cities and counties the plans assign it, most cities first', async () => {
    open('?view=overlap');
    render(<App load={load} />);
    const table = await screen.findByTestId('overlap-table', {}, { timeout: 5000 });
    const expected = expectedOverlap();
    const rows = within(table).getAllByTestId('overlap-row');
    expect(new Set(rows.map((r) => r.getAttribute('data-industry')))).toEqual(new Set(expected.keys()));
    for (const r of rows) {
      const e = expected.get(r.getAttribute('data-industry') ?? '');
      expect(r.getAttribute('data-reached')).toBe(String(e?.reached.size));
      expect(r.getAttribute('data-cities')).toBe(String(e?.cities.size));
      expect(r.getAttribute('data-counties')).toBe(String(e?.counties.size));
    }
    const reached = rows.map((r) => Number(r.getAttribute('data-reached')));
    expect(reached).toEqual([...reached].sort((a, b) => b - a));
    // How each figure is counted is said in the view.
    expect(screen.getByTestId('overlap-how')).toHaveTextContent('覆盖市');
    // Per city: what only it is given (no other city reaches it).
    const cities = screen.getAllByTestId('overlap-city');
    for (const c of cities) {
      const city = c.getAttribute('data-city') ?? '';
      const only = [...expected].filter(([, e]) => e.reached.size === 1 && e.reached.has(city)).length;
      expect(c.getAttribute('data-only'), city).toBe(String(only));
    }
  });

  it('the matrix has a totals row and a cities-only choice', async () => {
    const user = userEvent.setup();
    open('?view=matrix');
    render(<App load={load} />);
    // A lazy chunk: give it time on a loaded machine.
    await screen.findByRole('table', {}, { timeout: 5000 });
    const expected = expectedOverlap();
    for (const td of screen.getAllByTestId('matrix-total')) {
      const e = expected.get(td.getAttribute('data-industry') ?? '');
      expect(td.getAttribute('data-cities')).toBe(String(e?.cities.size ?? 0));
      expect(td.getAttribute('data-counties')).toBe(String(e?.counties.size ?? 0));
    }
    await user.click(screen.getByTestId('matrix-cities-only'));
    expect(window.location.search).toContain('rows=cities');
    const heads = [...screen.getByRole('table').querySelectorAll('tbody th[scope="row"]')];
    expect(heads.length).toBeGreaterThan(0);
    for (const th of heads)
      expect(data.placeById.get(th.closest('tr')?.getAttribute('data-place') ?? '')?.properties.level).toBe('city');
  });
});

describe('focus', () => {
  it('picking a place moves focus to the panel heading; closing the source reader returns it to the link', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    await vi.waitFor(() => expect(mapCalls.click).not.toBeNull());
    act(() => mapCalls.click?.(XINYU));
    const heading = await screen.findByRole('heading', { level: 2, name: '新余市' });
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));

    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('a\nb\n新余市以赛维LDK…\n'));
    const link = screen.getAllByTestId('source-link')[0] as HTMLAnchorElement;
    await user.click(link);
    const reader = await screen.findByTestId('source-view', {}, { timeout: 5000 });
    await user.click(within(reader).getByRole('button', { name: '返回地图' }));
    await vi.waitFor(() => expect(document.activeElement).toBe(link));
  });

  it('a place restored from a link does not take focus on load', async () => {
    open(`?place=${XINYU}`);
    render(<App load={load} />);
    await screen.findByTestId('place-panel');
    expect(document.activeElement).toBe(document.body);
  });
});
