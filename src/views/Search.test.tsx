// @vitest-environment jsdom
/**
 * The header search over places, industries, products and companies (issue 9.5) and where products and companies
 * show (9.6). The fixture gets the real 江铃 sentences of the 2012 plan (lines 162 and 254) and a rare-earth line, and
 * search.json is made from it by the build's own index builder, served through a mocked fetch.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { buildSearchIndex } from '../../scripts/search/index.ts';
import { App } from '../App.tsx';
import { assemble, type ExplorerData, forgetSearch, validateAssignments } from '../data/load.ts';
import type { Assignment, Industry } from '../domain/types.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { mapCalls } from '../test-fixtures/map-mock.ts';

vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'));

const FILE_2012 = '001_fd5fd5690e91b623.txt';
const JIANGLING_254 =
  '南昌以江铃集团为核心，江铃控股重点发展多功能用途车、轿车、运动型乘用车等，江铃股份重点发展轻卡、皮卡、运动型乘用车、轻型客车等，江铃新动力汽车公司重点发展轻中型客车等；';
const JIANGLING_162 = '南昌： 以江铃汽车集团为核心，加快发展纯电动汽车、插电式混合动力汽车。';

const extraIndustries: Industry[] = [
  {
    id: 'auto',
    zh: '汽车',
    en: 'Automobiles',
    parent: null,
    aliases: ['汽车产业', '汽车及零部件产业'],
    pinyin: 'qi che',
  },
  {
    id: 'auto-nev',
    zh: '新能源汽车',
    en: 'New-energy vehicles',
    parent: 'auto',
    aliases: [],
    pinyin: 'xin neng yuan qi che',
  },
  { id: 'rare-earth', zh: '稀土', en: 'Rare earths', parent: null, aliases: ['稀土产业'], pinyin: 'xi tu' },
];

const extraAssignments: Assignment[] = [
  {
    id: `2012-it-12th-fyp:254:4:360100:auto`,
    plan: '2012-it-12th-fyp',
    place: '360100',
    industry: 'auto',
    industryZh: '汽车及零部件产业',
    placeText: '南昌',
    role: 'focus',
    products: ['多功能用途车', '轿车', '运动型乘用车'],
    enterprises: ['江铃集团', '江铃控股', '江铃股份', '江铃新动力汽车公司'],
    quote: JIANGLING_254,
    source: { file: FILE_2012, line: 254, start: 4, end: 4 + JIANGLING_254.length },
    quoteEn:
      'Nanchang, with Jiangling Motors Group at the core: Jiangling Holdings will focus on multi-purpose vehicles, passenger cars, sport utility vehicles and the like; Jiangling Motors Corporation, Ltd. (JMC) will focus on light trucks, pickups, sport utility vehicles, light buses and the like; and Jiangling New Power Automobile Company will focus on light and medium buses and the like;',
    industryTextEn: 'Automobiles',
    productsEn: ['multi-purpose vehicles', 'passenger cars', 'sport utility vehicles'],
    enterprisesEn: [
      'Jiangling Motors Group',
      'Jiangling Holdings',
      'Jiangling Motors Corporation, Ltd. (JMC)',
      'Jiangling New Power Automobile Company',
    ],
  },
  {
    id: `2012-it-12th-fyp:162:4:360100:auto-nev`,
    plan: '2012-it-12th-fyp',
    place: '360100',
    industry: 'auto-nev',
    industryZh: '新能源汽车',
    placeText: '南昌',
    role: 'focus',
    products: ['纯电动汽车', '插电式混合动力汽车'],
    enterprises: ['江铃汽车集团'],
    quote: JIANGLING_162,
    source: { file: FILE_2012, line: 162, start: 4, end: 4 + JIANGLING_162.length },
    quoteEn:
      'Nanchang: with Jiangling Motors Group at the core, accelerate the development of battery electric vehicles and plug-in hybrid vehicles.',
    industryTextEn: 'New-energy vehicles',
    productsEn: ['battery electric vehicles', 'plug-in hybrid vehicles'],
    enterprisesEn: ['Jiangling Motors Group'],
  },
  {
    id: '2014-key-industries:64:9:360700:rare-earth',
    plan: '2014-key-industries',
    place: '360700',
    industry: 'rare-earth',
    industryZh: '稀土产业',
    placeText: '赣州市',
    role: 'focus',
    products: [],
    enterprises: [],
    quote: '重点布局在赣州市。',
    source: { file: '000_43d0119b57264c9e.txt', line: 64, start: 9, end: 18 },
    quoteEn: 'The industry will be laid out mainly in Ganzhou.',
    industryTextEn: 'Rare earths',
    productsEn: [],
    enterprisesEn: [],
  },
];

function searchData(): ExplorerData {
  const base = fixtureData();
  return assemble(
    base.plans,
    { features: base.places, attribution: base.attribution },
    [...base.industries, ...extraIndustries],
    validateAssignments({ schemaVersion: 1, assignments: [...base.assignments, ...extraAssignments] }),
  );
}

const data = searchData();
const index = buildSearchIndex({ places: data.places, industries: data.industries, assignments: data.assignments });
const load = () => Promise.resolve(data);
const searchRequests = () => fetchSpy.mock.calls.filter(([url]) => String(url).endsWith('data/search.json')).length;
let fetchSpy: MockInstance<typeof fetch>;

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  mapCalls.updates.length = 0;
  mapCalls.focus.length = 0;
  mapCalls.fits.length = 0;
  forgetSearch();
  fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
    if (String(url).endsWith('data/search.json')) return new Response(JSON.stringify(index));
    return new Response('not found', { status: 404 });
  });
});
afterEach(() => vi.restoreAllMocks());

const box = () => screen.getByRole('combobox', { name: '搜索地点、产业、产品或企业' });
const group = (name: string) => within(screen.getByRole('listbox')).getByRole('group', { name });

describe('header search: places, industries, products, companies', () => {
  it('loads search.json only once the search box is used', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    expect(searchRequests()).toBe(0);
    await user.click(box());
    await vi.waitFor(() => expect(box()).toHaveAttribute('data-index', 'ready'));
    expect(searchRequests()).toBe(1);
  });

  it('"rare earth" and "xitu" find the industry; choosing it selects it in the filter', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    await user.type(box(), 'rare earth');
    const industries = await vi.waitFor(() => group('产业'));
    const option = within(industries).getByRole('option', { name: /稀土/ });
    expect(option).toHaveTextContent('Rare earths');
    await user.clear(box());
    await user.type(box(), 'xitu');
    expect(within(group('产业')).getByRole('option', { name: /稀土/ })).toBeInTheDocument();
    await user.click(within(group('产业')).getByRole('option', { name: /稀土/ }));
    const view = await screen.findByTestId('industry-view');
    expect(view).toHaveAttribute('data-industry', 'rare-earth');
    expect(window.location.search).toBe('?industry=rare-earth');
    expect(mapCalls.fits.at(-1)).toEqual(['360700']);
  });

  it('"江铃" shows the companies, grouped; choosing 江铃集团 lists 南昌 with the sentence and colours it on the map', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    await user.type(box(), '江铃');
    const companies = await vi.waitFor(() => group('企业'));
    const options = within(companies).getAllByRole('option');
    // The short form first (江铃集团 = 江铃汽车集团: one English name), then the other 江铃 companies; each says where.
    expect(options[0]).toHaveTextContent('江铃集团');
    expect(options[0]).toHaveTextContent('Jiangling Motors Group');
    expect(options[0]).toHaveTextContent('南昌市');
    expect(options.map((o) => o.dataset.id).sort()).toEqual(['江铃', '江铃控股', '江铃股份', '江铃新动力汽车'].sort());
    expect(screen.getByRole('listbox')).toContainElement(companies);
    await user.click(options[0] as HTMLElement);

    const panel = await screen.findByTestId('term-panel', {}, { timeout: 5000 });
    expect(panel).toHaveAttribute('data-term', 'enterprise~江铃');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('江铃集团');
    const place = within(panel).getByTestId('term-place');
    expect(place).toHaveAttribute('data-place', '360100');
    expect(within(place).getByRole('button', { name: '南昌市' })).toBeInTheDocument();
    expect(within(place).getAllByText('集聚区/重点').length).toBeGreaterThan(0); // role in words
    // Both sentences, in plan order then line: 162 (江铃汽车集团) and 254 (江铃集团), the company marked in each.
    const quotes = within(place).getAllByLabelText('规划原文');
    expect(quotes.map((q) => q.textContent)).toEqual([JIANGLING_162, JIANGLING_254]);
    expect(quotes.flatMap((q) => [...q.querySelectorAll('mark')].map((m) => m.textContent))).toEqual(
      expect.arrayContaining(['江铃汽车集团', '江铃集团']),
    );
    expect(
      within(place)
        .getAllByTestId('source-link')
        .map((l) => l.textContent),
    ).toEqual([expect.stringMatching(/162/), expect.stringMatching(/254/)]);
    expect(within(place).getAllByTestId('assignment-enterprises')[1]).toHaveTextContent('江铃集团、江铃控股');
    expect(decodeURIComponent(window.location.search)).toBe('?term=enterprise~江铃');
    // The map: 南昌 filled (its counties inherit), nothing else; the camera goes there.
    const fills = mapCalls.updates.at(-1)?.fills;
    expect(fills?.has('360100')).toBe(true);
    expect(fills?.has('360500')).toBe(false);
    expect(mapCalls.fits.at(-1)).toEqual(['360100']);
    expect(screen.getByTestId('legend')).toHaveTextContent('规划提到“江铃集团”的地点');

    // A place in the list opens the place panel; closing it comes back to the company.
    await user.click(within(place).getByRole('button', { name: '南昌市' }));
    const placePanel = await screen.findByTestId('place-panel');
    await user.click(within(placePanel).getByRole('button', { name: '关闭' }));
    expect(await screen.findByTestId('term-panel')).toBeInTheDocument();
    await user.click(within(screen.getByTestId('term-panel')).getByRole('button', { name: '关闭' }));
    expect(await screen.findByTestId('overview')).toBeInTheDocument();
    expect(window.location.search).toBe('');
  });

  it('products and companies are found by pinyin and by Latin letters in the name (LDK), with keyboard choice', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    await user.type(box(), 'LDK');
    const option = await vi.waitFor(() => within(group('企业')).getByRole('option', { name: /赛维LDK/ }));
    expect(option).toHaveTextContent('新余市');
    await user.clear(box());
    await user.type(box(), 'chundiandong');
    await vi.waitFor(() => within(group('产品')).getByRole('option', { name: /纯电动汽车/ }));
    await user.keyboard('{ArrowDown}');
    expect(box()).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option')[0]?.id);
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('term-panel')).toHaveAttribute('data-term', 'product~纯电动汽车');
    expect(screen.getByTestId('term-panel')).toHaveTextContent(JIANGLING_162);
  });

  it('before search.json arrives (or without it) places and industries are still found', async () => {
    fetchSpy.mockImplementation(async () => new Response('gone', { status: 404 }));
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    await user.type(box(), 'xinyu');
    await vi.waitFor(() => expect(box()).toHaveAttribute('data-index', 'failed'));
    expect(within(group('地点')).getByRole('option', { name: /新余市/ })).toBeInTheDocument();
    await user.clear(box());
    await user.type(box(), '江铃');
    expect(within(screen.getByTestId('place-search')).getByRole('status')).toHaveTextContent('没有匹配的结果');
  });

  it('a link with term= opens the company; an unknown term is ignored', async () => {
    window.history.replaceState(null, '', `/?term=${encodeURIComponent('enterprise~江铃')}&lang=en`);
    const { unmount } = render(<App load={load} />);
    const panel = await screen.findByTestId('term-panel', {}, { timeout: 5000 });
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('Company Jiangling Motors Group');
    expect(panel).toHaveTextContent('江铃集团 · Also written: 江铃汽车集团');
    expect(within(panel).getAllByTestId('assignment-products')[0]).toHaveTextContent(
      '纯电动汽车 (battery electric vehicles), 插电式混合动力汽车 (plug-in hybrid vehicles)',
    );
    unmount();
    window.history.replaceState(null, '', `/?term=${encodeURIComponent('enterprise~<img onerror=1>')}`);
    render(<App load={load} />);
    expect(await screen.findByTestId('overview')).toBeInTheDocument();
    expect(screen.queryByTestId('term-panel')).toBeNull();
  });

  it('with a company open, the downloads hold its sentences and say so', async () => {
    window.history.replaceState(null, '', `/?term=${encodeURIComponent('enterprise~江铃')}`);
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('term-panel', {}, { timeout: 5000 });
    await user.click(screen.getByTestId('downloads-button'));
    const scope = await screen.findByTestId('downloads-scope', {}, { timeout: 5000 });
    expect(scope).toHaveTextContent('企业 江铃集团');
    expect(scope).toHaveTextContent('2');
  });

  it('the matrix cell panel shows the products and companies of each sentence', async () => {
    window.history.replaceState(null, '', '/?view=matrix&cell=360100~auto');
    render(<App load={load} />);
    const cell = await screen.findByTestId('cell-sentences', {}, { timeout: 5000 });
    await vi.waitFor(() => expect(within(cell).getAllByTestId('assignment').length).toBeGreaterThan(0));
    expect(within(cell).getAllByTestId('assignment-products')[0]).toHaveTextContent('多功能用途车、轿车、运动型乘用车');
    expect(within(cell).getAllByTestId('assignment-enterprises')[0]).toHaveTextContent('江铃集团、江铃控股');
  });
});

describe('search in English', () => {
  it('English UI: groups and names in English, products keep their Chinese', async () => {
    window.history.replaceState(null, '', '/?lang=en');
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    const input = screen.getByRole('combobox', { name: 'Search places, industries, products or companies' });
    await user.type(input, 'rare');
    const industries = await vi.waitFor(() => group('Industries'));
    expect(within(industries).getByRole('option', { name: /Rare earths/ })).toHaveTextContent('稀土');
    act(() => {
      input.blur();
    });
  });
});
