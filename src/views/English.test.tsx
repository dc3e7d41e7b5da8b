// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { fixtureData } from '../test-fixtures/index.ts';

vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'));

const load = () => Promise.resolve(fixtureData());
const HAN = /[\u3400-\u9fff]/;

beforeEach(() => {
  localStorage.clear();
});

describe('English mode shows what the plans say in English first', () => {
  it('the place panel: English quote, marked unofficial, Chinese original behind one click; English products', async () => {
    window.history.replaceState(null, '', '/?lang=en&place=360500');
    const data = fixtureData();
    const user = userEvent.setup();
    render(<App load={load} />);
    const panel = await screen.findByTestId('place-panel');
    expect(panel).toHaveTextContent('4 assignments in 2 plans');
    const item = within(panel).getAllByTestId('assignment')[0] as HTMLElement;
    const a = data.assignmentById.get(item.dataset.assignment ?? '');
    const quotes = item.querySelectorAll('blockquote');
    expect(quotes[0]).toHaveAttribute('lang', 'en');
    expect(quotes[0]).toHaveTextContent(a?.quoteEn ?? '?');
    expect(quotes[0]).toHaveAccessibleName(/unofficial translation/);
    expect([...(quotes[0]?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toContain('Xinyu');
    const original = item.querySelector('details') as HTMLDetailsElement;
    expect(original.open).toBe(false);
    await user.click(within(original).getByText(/Chinese original/));
    expect(original.open).toBe(true);
    expect(quotes[1]).toHaveAttribute('lang', 'zh-CN');
    expect(quotes[1]).toHaveTextContent(a?.quote ?? '?');
    for (const p of within(panel).getAllByTestId('products')) expect(p.textContent).not.toMatch(HAN);
    expect(within(panel).getAllByTestId('products')[0]).toHaveTextContent('polysilicon, silicon wafers');
  });

  it('Chinese mode shows only the Chinese quote', async () => {
    window.history.replaceState(null, '', '/?place=360500');
    render(<App load={load} />);
    const panel = await screen.findByTestId('place-panel');
    expect(panel.querySelector('blockquote[lang="en"]')).toBeNull();
    expect(panel.querySelector('details.original')).toBeNull();
    expect(panel).toHaveTextContent('2 份规划中共 4 条布局');
  });
});
