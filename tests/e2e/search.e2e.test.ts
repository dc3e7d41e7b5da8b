/**
 * The header search as an investor uses it (issue 9.5): "rare earth" finds the industry and leads to its places,
 * "江铃" finds the company and lists the places the plans give it with the sentences, on the built site. Expectations
 * come from the published assignments (read over HTTP), not from the app's own code. Desktop 1366×900.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { publishedData } from './support/data.ts';
import { PHONE, runAxe, screenshot, siteUrl, waitForMapIdle } from './support/harness.ts';
import { fillStates } from './support/map.ts';
import { useSession } from './support/session.ts';

const NANCHANG = '360100';
const query = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const searchBox = (page: Page) => page.getByTestId('place-search').getByRole('combobox');
const group = (page: Page, name: string) =>
  page.getByTestId('place-search').getByRole('listbox').getByRole('group', { name, exact: true });

describe('search: places, industries, products, companies (desktop)', () => {
  const session = useSession();

  test('"rare earth" finds the industry 稀土; choosing it lists the places, and a place opens with its sentence', async () => {
    const data = await publishedData();
    const rare = new Set(data.assignments.filter((a) => a.industry === 'rare-earth').map((a) => a.place));
    expect(rare.size, 'the plans assign rare earths somewhere').toBeGreaterThan(0);

    const s = await session.open();
    const { page } = s;
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    expect(
      s.requests.some((u) => u.endsWith('/data/search.json')),
      'search.json waits for the search box',
    ).toBe(false);

    await searchBox(page).fill('rare earth');
    const option = group(page, '产业').getByRole('option', { name: /稀土/ });
    await option.waitFor();
    expect(s.requests.some((u) => u.endsWith('/data/search.json'))).toBe(true);
    expect(await option.textContent()).toContain('Rare earths');
    expect.soft(await runAxe(page), 'axe violations with the grouped list open').toEqual([]);
    await option.click();

    const view = page.getByTestId('industry-view');
    await expect.poll(() => view.getAttribute('data-industry')).toBe('rare-earth');
    // The URL is written from an effect of the deferred render (docs/app.md), a moment after the view shows.
    await expect.poll(() => query(page, 'industry')).toBe('rare-earth');
    const listed = await view
      .locator('button[data-place]')
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-place')));
    for (const id of rare) expect(listed, `${id} is listed`).toContain(id);
    const ganzhou = [...rare].find((id) => /^36\d{4}$/.test(id)) ?? [...rare][0];
    await view.locator(`button[data-place="${ganzhou}"]`).first().click();
    const panel = page.getByTestId('place-panel');
    await expect.poll(() => panel.getAttribute('data-place')).toBe(ganzhou);
    const quotes = await panel.getByLabel('规划原文').allTextContents();
    expect(
      quotes.some((q) => q.includes('稀土')),
      'a quote about rare earths',
    ).toBe(true);
  });

  test('"江铃" finds the company; choosing it lists 南昌 and the other places with the sentences, and colours them', async () => {
    const data = await publishedData();
    // The plans write the group 江铃集团, 江铃集团公司 and 江铃汽车集团 (one company, one English name): all lead to it.
    const forms = ['江铃集团', '江铃集团公司', '江铃汽车集团'];
    const jiangling = data.assignments.filter((a) => a.enterprises.some((e) => forms.includes(e)));
    const places = new Set(jiangling.map((a) => a.place));
    expect(places.has(NANCHANG), 'the plans name 江铃集团 for 南昌').toBe(true);

    const { page } = await session.open();
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    await searchBox(page).click();
    await searchBox(page).pressSequentially('江铃');
    const companies = group(page, '企业');
    await companies.waitFor();
    const first = companies.getByRole('option').first();
    expect(await first.textContent()).toContain('江铃集团');
    expect(await first.textContent()).toContain('Jiangling Motors Group');
    expect(await first.textContent()).toContain('南昌市');
    expect(await companies.getByRole('option').count()).toBeGreaterThanOrEqual(3); // 江铃控股, 江铃股份 … too
    await screenshot(page, 'desktop-search-jiangling');
    await first.click();

    const panel = page.getByTestId('term-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-term')).toBe('enterprise~江铃');
    expect(query(page, 'term')).toBe('enterprise~江铃');
    const listed = await panel
      .getByTestId('term-place')
      .evaluateAll((ss) => ss.map((x) => x.getAttribute('data-place')));
    expect(new Set(listed)).toEqual(places);
    const nanchang = panel.locator(`[data-testid="term-place"][data-place="${NANCHANG}"]`);
    const quotes = await nanchang.getByLabel('规划原文').allTextContents();
    const expected = jiangling.filter((a) => a.place === NANCHANG).map((a) => a.quote);
    expect(quotes).toEqual(expect.arrayContaining(expected));
    expect(await nanchang.getByTestId('source-link').first().textContent()).toMatch(/第\s*\d+\s*行|line/);

    // The map colours exactly those places (feature-state fill) and nothing that does not name 江铃集团.
    await waitForMapIdle(page);
    const others = data.places
      .filter((p) => p.properties.level === 'city' && !places.has(p.id))
      .map((p) => p.id)
      .filter((id) => id !== NANCHANG);
    const fills = await fillStates(page, [NANCHANG, ...others]);
    expect(fills[NANCHANG], '南昌 is coloured').not.toBeNull();
    for (const id of others) expect(fills[id], `${id} is not coloured`).toBeNull();
    expect(await page.getByTestId('legend').textContent()).toContain('江铃集团');
    expect.soft(await runAxe(page), 'axe violations with the company panel').toEqual([]);
    await screenshot(page, 'desktop-term-jiangling');

    // A place in the list opens its own panel, where the company shows among the enterprises.
    await nanchang.getByRole('button', { name: '南昌市' }).click();
    const placePanel = page.getByTestId('place-panel');
    await expect.poll(() => placePanel.getAttribute('data-place')).toBe(NANCHANG);
    expect(await placePanel.textContent()).toContain('江铃集团');
  });

  test('English: products and companies by Latin letters and Chinese; 锂电池 finds the industry and the product', async () => {
    const { page } = await session.open();
    await page.goto(siteUrl('?lang=en'));
    await waitForMapIdle(page);
    const box = searchBox(page);
    await box.fill('LDK');
    const ldk = group(page, 'Companies').getByRole('option', { name: /赛维LDK|LDK/ });
    await ldk.first().waitFor();
    await box.fill('锂电池');
    await group(page, 'Industries')
      .getByRole('option', { name: /Lithium/ })
      .waitFor();
    await group(page, 'Products')
      .getByRole('option', { name: /锂电池/ })
      .first()
      .waitFor();
    await box.fill('xitu');
    await group(page, 'Industries')
      .getByRole('option', { name: /Rare earths/ })
      .waitFor();
    await box.press('Enter');
    await expect.poll(() => query(page, 'industry')).toBe('rare-earth');
    expect.soft(await runAxe(page), 'axe violations (English)').toEqual([]);
  });

  test('phone: the search behind its button finds 江铃 and the sheet shows the company with its places', async () => {
    const { page } = await session.open({ viewport: PHONE, mobile: true });
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    const before = await width();
    await page.getByTestId('place-search').locator('.search-toggle').tap();
    await searchBox(page).pressSequentially('江铃');
    const option = group(page, '企业').getByRole('option').first();
    await option.waitFor();
    const box = await option.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, 'the option is on screen').toBe(true);
    expect(await width(), 'the list makes the page no wider').toBeLessThanOrEqual(Math.max(before, PHONE.width));
    await screenshot(page, 'phone-search');
    await option.tap();
    const panel = page.getByTestId('term-panel');
    await panel.waitFor();
    expect(await panel.locator(`[data-testid="term-place"][data-place="${NANCHANG}"]`).count()).toBe(1);
    await waitForMapIdle(page);
    await screenshot(page, 'phone-term');
    expect.soft(await runAxe(page), 'axe violations (phone, company panel)').toEqual([]);
  });
});
