// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { DataError } from '../data/load.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { mapCalls } from '../test-fixtures/map-mock.ts';

vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'));

const load = () => Promise.resolve(fixtureData());

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  mapCalls.updates.length = 0;
  mapCalls.focus.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('explorer', () => {
  it('choosing 光伏 lists 新余 as core and puts the industry in the URL', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await user.click(await screen.findByRole('button', { name: /^光伏/ }));
    const view = screen.getByTestId('industry-view');
    const core = view.querySelector('section[data-role="core"]') as HTMLElement;
    expect(within(core).getByRole('button', { name: '新余市' })).toBeInTheDocument();
    expect(window.location.search).toBe('?industry=photovoltaics');
  });

  it('clicking a place on the map opens its panel with the highlighted quote and a source link', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    await vi.waitFor(() => expect(mapCalls.click).not.toBeNull());
    act(() => mapCalls.click?.('360500'));
    const panel = await screen.findByTestId('place-panel');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('新余市');
    const quotes = within(panel).getAllByLabelText('规划原文');
    expect(quotes.some((q) => q.textContent?.includes('打造以新余为核心区'))).toBe(true);
    expect([...panel.querySelectorAll('mark')].map((m) => m.textContent)).toContain('新余');
    expect(within(panel).getAllByText('核心区').length).toBeGreaterThan(0); // role in words, not only colour
    const link = within(panel).getAllByTestId('source-link')[0] as HTMLAnchorElement;
    expect(link.getAttribute('href')).toMatch(/source=001_fd5fd5690e91b623\.txt&line=68/);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('a\nb\n新余市以赛维LDK…\n'));
    await user.click(link);
    expect(await screen.findByTestId('source-view')).toBeInTheDocument();
    expect(window.location.search).toContain('source=001_fd5fd5690e91b623.txt');
  });

  it('a place with nothing assigned says so', async () => {
    window.history.replaceState(null, '', '/?place=360521');
    render(<App load={load} />);
    expect(await screen.findByTestId('nothing-assigned')).toHaveTextContent('分宜县');
  });

  it('switching to English changes UI text and names, and remembers the choice', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?place=360500');
    render(<App load={load} />);
    await screen.findByTestId('place-panel');
    await user.click(screen.getByTestId('lang-en'));
    expect(screen.getByRole('heading', { level: 2, name: 'Xinyu' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset view' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(window.location.search).toContain('lang=en');
    expect(localStorage.getItem('jx-lang')).toBe('en');
    expect(mapCalls.updates.at(-1)).toMatchObject({ lang: 'en', selected: '360500' });
  });

  it('a shared URL restores plan, industry and roles, and reset clears them', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?plan=2014-key-industries&industry=pharma&roles=supporting');
    render(<App load={load} />);
    const view = await screen.findByTestId('industry-view');
    expect(
      within(view)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['九江市', '宜春市']);
    expect(screen.getByRole('checkbox', { name: /核心区/ })).not.toBeChecked();
    await user.click(screen.getByTestId('reset'));
    expect(window.location.search).toBe('');
    expect(await screen.findByTestId('overview')).toBeInTheDocument();
  });

  it('hostile URL values open the default view and inject nothing', async () => {
    window.history.replaceState(
      null,
      '',
      `/?plan=<img src=x onerror=alert(1)>&place=${'x'.repeat(5000)}&industry=<script>`,
    );
    const { container } = render(<App load={load} />);
    await screen.findByTestId('overview');
    expect(container.querySelector('img, script')).toBeNull();
    expect(window.location.search).toBe('');
  });

  it('place search finds a place by pinyin and selects it', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    await user.type(screen.getByRole('combobox', { name: '搜索地点、产业、产品或企业' }), 'xinyu');
    await user.click(within(screen.getByTestId('place-search')).getByRole('option', { name: /新余市/ }));
    expect(await screen.findByTestId('place-panel')).toHaveAttribute('data-place', '360500');
    expect(mapCalls.focus).toContain('360500');
  });

  it('place search is an ARIA combobox: it controls its listbox only while the list exists, arrows pick an option', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    const box = screen.getByRole('combobox', { name: '搜索地点、产业、产品或企业' });
    // No list yet: aria-controls must not point at a missing element (axe aria-valid-attr-value).
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('aria-controls');
    await user.type(box, 'xin');
    const list = screen.getByRole('listbox', { name: '搜索地点、产业、产品或企业' });
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(box).toHaveAttribute('aria-controls', list.id);
    expect(box).not.toHaveAttribute('aria-activedescendant');
    await user.keyboard('{ArrowDown}');
    const first = within(list).getAllByRole('option')[0] as HTMLElement;
    expect(box).toHaveAttribute('aria-activedescendant', first.id);
    expect(first).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('place-panel')).toHaveAttribute('data-place', first.dataset.place);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box).not.toHaveAttribute('aria-controls');
  });

  it('the legend says how counties are coloured and what their outline means, per mode', async () => {
    const user = userEvent.setup();
    render(<App load={load} />);
    await screen.findByTestId('overview');
    const legend = screen.getByTestId('legend');
    expect(legend).toHaveTextContent('各地被布局的产业数');
    expect(within(legend).getByTestId('legend-county')).toHaveTextContent('县区按本级与所属市的产业合计着色');
    expect(legend).toHaveTextContent('粗黑边：县区有本级布局');
    expect(legend).toHaveTextContent('虚线：有布局的大区或新区');
    await user.click(await screen.findByRole('button', { name: /^光伏/ }));
    expect(within(legend).getByTestId('legend-county')).toHaveTextContent('县区取本级与所属市中较高的角色');
  });

  it('shows the header and intro text before the data has loaded', async () => {
    let resolve: (d: ReturnType<typeof fixtureData>) => void = () => {};
    render(<App load={() => new Promise((r) => (resolve = r))} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('江西产业布局地图');
    expect(screen.getByText(/点击地图上的地点、搜索地名/)).toBeInTheDocument();
    expect(screen.queryByTestId('overview')).toBeNull();
    act(() => resolve(fixtureData()));
    expect(await screen.findByTestId('overview')).toBeInTheDocument();
  });

  it('a missing data file gets a message naming it', async () => {
    render(<App load={() => Promise.reject(new DataError('assignments.json', 'missing (HTTP 404)'))} />);
    const alert = await screen.findByTestId('data-error');
    expect(alert).toHaveTextContent('assignments.json');
    expect(alert).toHaveTextContent('HTTP 404');
  });
});
