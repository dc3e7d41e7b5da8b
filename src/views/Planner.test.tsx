// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { BOM } from '../export/csv.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { mapCalls } from '../test-fixtures/map-mock.ts';

vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'));

const load = () => Promise.resolve(fixtureData());
const open = (query: string) => {
  window.history.replaceState(null, '', `/${query}`);
  return render(<App load={load} />);
};

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
  mapCalls.updates.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('view tabs', () => {
  it('are a tablist operable with the arrow keys, and the view goes into the URL', async () => {
    const user = userEvent.setup();
    open('');
    const tabs = await screen.findByRole('tablist', { name: '视图' });
    const map = within(tabs).getByRole('tab', { name: '地图' });
    expect(map).toHaveAttribute('aria-selected', 'true');
    map.focus();
    await user.keyboard('{ArrowRight}');
    const changes = within(tabs).getByRole('tab', { name: '变化' });
    expect(changes).toHaveAttribute('aria-selected', 'true');
    expect(changes).toHaveFocus();
    // The panel and the URL follow in the deferred render, once the view's chunk has loaded.
    await vi.waitFor(() => expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-changes'));
    await vi.waitFor(() => expect(window.location.search).toBe('?view=changes'));
  });
});

describe('change view', () => {
  it('lists gained, dropped and kept places with the matching rule, and colours the map by kind', async () => {
    open('?view=changes&industry=photovoltaics');
    const view = await screen.findByTestId('change-view');
    const kinds = within(view)
      .getAllByTestId('change-row')
      .map((r) => `${r.dataset.place}:${r.dataset.kind}`);
    expect(kinds).toEqual(['360100:dropped', '360200:dropped', '360400:kept', '360500:kept', '361100:kept']);
    expect(within(view).getByTestId('change-matching')).toHaveTextContent('只比较明确写到“光伏”的句子');
    // The kind is written out, not only coloured.
    expect(within(view).getAllByText('不再提及').length).toBeGreaterThan(1);
    await waitFor(() => expect(mapCalls.updates.at(-1)?.kinds?.get('360200')).toBe('dropped'));
  });

  it('opens the sentences behind a row on both sides', async () => {
    const user = userEvent.setup();
    open('?view=changes&industry=photovoltaics');
    const view = await screen.findByTestId('change-view');
    const xinyu = within(view)
      .getAllByTestId('change-row')
      .find((r) => r.dataset.place === '360500') as HTMLElement;
    const toggle = within(xinyu).getByRole('button', { name: '原文' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const sentences = within(xinyu).getByTestId('change-sentences');
    const sides = sentences.querySelectorAll('.side');
    expect(sides).toHaveLength(2);
    expect(sides[0]?.textContent).toContain('2012');
    expect(sides[1]?.textContent).toContain('打造以新余为核心区');
    expect(within(sentences).getAllByTestId('source-link').length).toBe(4);
  });

  it('clicking a place on the map narrows the list to it', async () => {
    open('?view=changes');
    await screen.findByTestId('change-view');
    act(() => mapCalls.click?.('360100'));
    // The list re-renders from the deferred state: wait for it rather than read the rows of the render before.
    await vi.waitFor(() =>
      expect(screen.getAllByTestId('change-row').map((r) => `${r.dataset.industry}:${r.dataset.kind}`)).toEqual([
        'photovoltaics:dropped',
        'pharma:gained',
      ]),
    );
  });
});

describe('division-of-labour matrix', () => {
  it('is a real table with row and column headers and role words', async () => {
    open('?view=matrix');
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(expect.arrayContaining(['光伏', '医药']));
    const heads = within(table).getAllByRole('rowheader', { name: '新余市' });
    expect(heads.map((h) => h.getAttribute('scope'))).toEqual(['rowgroup', 'row']); // city group, then the city's row
    const cell = table.querySelector('td[data-place="360500"][data-industry="photovoltaics"]') as HTMLElement;
    expect(cell).toHaveTextContent('核心区'); // full word for screen readers, abbreviation for the eye
    expect(cell).toHaveTextContent('12·14');
  });

  it('moves focus with the arrow keys (roving tabindex) and Enter opens the sentences with citations', async () => {
    const user = userEvent.setup();
    open('?view=matrix');
    const table = await screen.findByRole('table');
    const focusable = table.querySelectorAll('td[tabindex="0"]');
    expect(focusable).toHaveLength(1);
    const first = focusable[0] as HTMLElement;
    first.focus();
    await user.keyboard('{ArrowRight}');
    const right = document.activeElement as HTMLElement;
    expect(right.dataset.c).toBe('1');
    expect(right.dataset.r).toBe(first.dataset.r);
    expect(right).toHaveAttribute('tabindex', '0');
    expect(first).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{ArrowDown}');
    expect((document.activeElement as HTMLElement).dataset.r).toBe('1');
    // Go to 新余 × 光伏 and open it.
    const target = table.querySelector('td[data-place="360500"][data-industry="photovoltaics"]') as HTMLElement;
    fireEvent.keyDown(target, { key: 'Enter' });
    const panel = await screen.findByTestId('cell-sentences');
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('新余市 × 光伏');
    expect(
      within(panel)
        .getAllByLabelText('规划原文')
        .some((q) => q.textContent?.includes('新余')),
    ).toBe(true);
    expect(within(panel).getAllByTestId('source-link')[0]?.getAttribute('href')).toMatch(/source=/);
    expect(window.location.search).toContain('cell=360500~photovoltaics');
  });

  it('sorts by an industry column and filters by city', async () => {
    const user = userEvent.setup();
    open('?view=matrix');
    const table = await screen.findByRole('table');
    await user.click(within(table).getByRole('button', { name: '按医药排序' }));
    expect(window.location.search).toContain('sort=pharma');
    const firstRow = within(table).getAllByRole('rowheader')[0];
    expect(firstRow).toHaveTextContent(/宜春市|南昌市/); // a core place for 医药 comes first
    await user.selectOptions(screen.getByTestId('matrix-city'), '360400');
    // The place rows (the totals row at the foot has its own row header).
    expect([...screen.getByRole('table').querySelectorAll('tbody th[scope="row"]')].map((h) => h.textContent)).toEqual([
      '九江市',
    ]);
  });
});

describe('source reader', () => {
  const seed = Array.from({ length: 40 }, (_, i) => `第${i + 1}行`);
  seed[31] = '（三）光伏。打造以新余为核心区，上饶、九江为集聚区的光伏产业基地，形成全国最大的光伏产业基地。';

  it('opens at the linked line, focuses it, and a highlight leads to its assignments and places', async () => {
    const user = userEvent.setup();
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) =>
      String(url).endsWith('audit.json')
        ? new Response(JSON.stringify({ schemaVersion: 1, plans: [], warnings: [] }))
        : new Response(seed.join('\n')),
    );
    scrollSpy();
    open('?source=000_43d0119b57264c9e.txt&line=32');
    const reader = await screen.findByTestId('source-view');
    const line = await within(reader).findByText(
      (_, el) => el?.getAttribute('data-line') === '32' && el.tagName === 'LI',
    );
    expect(line).toHaveAttribute('aria-current', 'true');
    await waitFor(() => expect(line).toHaveFocus());
    expect(within(reader).getAllByRole('listitem', { hidden: false }).length).toBeGreaterThanOrEqual(40);
    const highlights = within(line).getAllByTestId('source-highlight');
    expect(highlights.length).toBe(2);
    await user.click(highlights[0] as HTMLElement);
    const detail = screen.getByTestId('source-detail');
    const places = within(detail)
      .getAllByTestId('source-assignment')
      .map((li) => li.getAttribute('data-assignment'));
    expect(places).toContain('2014-key-industries:32:9:361100:photovoltaics');
    await user.click(within(detail).getByRole('button', { name: '上饶市' }));
    expect(screen.queryByTestId('source-view')).toBeNull();
    expect(await screen.findByTestId('place-panel')).toHaveAttribute('data-place', '361100');
  });

  it('has a plan picker that opens another plan’s full text', async () => {
    const user = userEvent.setup();
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(seed.join('\n')));
    scrollSpy();
    open('?source=000_43d0119b57264c9e.txt&line=3');
    await screen.findByTestId('source-lines');
    await user.selectOptions(screen.getByTestId('source-plan'), '001_fd5fd5690e91b623.txt');
    expect(window.location.search).toContain('source=001_fd5fd5690e91b623.txt&line=1');
  });
});

describe('downloads', () => {
  it('the CSV holds exactly the assignments the current filter shows', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    open('?plan=2014-key-industries&industry=pharma&roles=supporting');
    await screen.findByTestId('industry-view');
    await user.click(screen.getByTestId('downloads-button'));
    const dialog = await screen.findByTestId('downloads');
    expect(within(dialog).getByTestId('downloads-scope')).toHaveTextContent('2 条');
    await user.click(within(dialog).getByTestId('download-csv'));
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(BOM)).toBe(true);
    const rows = text.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.includes(',supporting,') && r.includes('2014-key-industries'))).toBe(true);
    expect(rows.map((r) => r.split(',')[5])).toEqual(['360400', '360900']);
    // "Cite this" names the plan behind them, and the share link reproduces the view.
    expect((within(dialog).getByTestId('cite-text') as HTMLTextAreaElement).value).toContain(
      '江西省人民政府关于工业重点产业升级发展的指导意见',
    );
    expect((within(dialog).getByTestId('share-link') as HTMLInputElement).value).toContain(
      '?plan=2014-key-industries&industry=pharma&roles=supporting',
    );
  });

  it('copies the share link to the clipboard', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    open('?view=changes');
    await screen.findByTestId('change-view');
    await user.click(screen.getByTestId('downloads-button'));
    await user.click(await screen.findByTestId('copy-link'));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('?view=changes'));
    expect(screen.getByTestId('downloads-status')).toHaveTextContent('已复制');
  });
});

function scrollSpy() {
  Element.prototype.scrollIntoView = vi.fn();
}
