/**
 * The explorer as a desktop user meets it, in Debian Chromium against the built dist/ served under /jiangxi/.
 * Every test also checks (in useSession) that no request left the origin, no HTTP error and no console error.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { runAxe, screenshot, siteUrl, waitForMapIdle } from './support/harness.ts';
import {
  canvasSummary,
  colourDistance,
  FILL_LAYERS,
  fillStates,
  pixelsAt,
  placeOnScreen,
  renderedPlaceIds,
} from './support/map.ts';
import { placeNames, useSession } from './support/session.ts';

const XINYU = '360500';
const PV = 'photovoltaics';
const BACKGROUND = '#f3f1ec';
const CORE_COLOUR = '#08306b';
const HAN = /[\u4e00-\u9fff]/;

const query = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

async function load(page: Page, search = ''): Promise<void> {
  await page.goto(siteUrl(search));
  await waitForMapIdle(page);
}

async function chooseIndustry(page: Page, name: RegExp): Promise<void> {
  const button = page.getByTestId('industry-filter').getByRole('button', { name }).first();
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  await waitForMapIdle(page);
}

/** Visible texts that look like an i18n key left untranslated (e.g. "views.map", "downloads.button"). */
async function rawKeys(page: Page): Promise<string[]> {
  const texts = await page.locator('button, a, h1, h2, h3, legend, label').allTextContents();
  return texts.map((t) => t.trim()).filter((t) => /^[a-z][a-zA-Z]*(\.[a-zA-Z_]+)+$/.test(t));
}

async function mapBox(page: Page) {
  const box = await page.getByTestId('map').locator('canvas').boundingBox();
  if (!box) throw new Error('the map canvas is not visible');
  return box;
}

describe('explorer (desktop)', () => {
  const session = useSession();

  test('the map renders Jiangxi: a WebGL canvas with painted city and county polygons', async () => {
    const { page } = await session.open();
    await load(page);
    const webgl = await page.evaluate(() => {
      const canvas = window.__jxMap?.getCanvas();
      return canvas?.getContext('webgl2') instanceof WebGL2RenderingContext;
    });
    expect(webgl).toBe(true);
    const cities = await renderedPlaceIds(page, ['city-fill']);
    expect(cities.length).toBeGreaterThanOrEqual(11);
    expect(cities).toContain(XINYU);
    expect((await renderedPlaceIds(page, ['county-fill'])).length).toBeGreaterThan(11);
    const pixels = await canvasSummary(page, BACKGROUND);
    // Jiangxi fills a good part of the view, in several colours (the count ramp, grey for nothing, outlines).
    expect(pixels.painted).toBeGreaterThan(0.2);
    expect(pixels.top.filter((c) => c.share > 0.005).length).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'desktop-overview');
  });

  test('choosing 光伏 lists 新余 as core and paints it in the core colour', async () => {
    const { page } = await session.open();
    await load(page);
    await chooseIndustry(page, /^光伏/);
    expect(query(page, 'industry')).toBe(PV);
    const view = page.getByTestId('industry-view');
    await expect.poll(() => view.getAttribute('data-industry')).toBe(PV);
    const core = view.locator('section[data-role="core"]');
    await expect.poll(() => core.getByRole('button', { name: '新余市' }).count()).toBe(1);
    expect((await fillStates(page, [XINYU]))[XINYU]).toBe(CORE_COLOUR);
    const onScreen = await placeOnScreen(page, XINYU);
    expect(onScreen.points.length).toBeGreaterThan(3);
    const colours = await pixelsAt(page, onScreen.points);
    const near = colours.filter((c) => colourDistance(c, CORE_COLOUR) < 40).length;
    // Most of 新余's pixels are the core colour (labels and outlines take the rest).
    expect(near / colours.length).toBeGreaterThan(0.5);
  });

  test('stepping fast through industries: the map follows each step and the panel and link end on the last one', async () => {
    const { page } = await session.open();
    await load(page);
    const ids = await page
      .getByTestId('industry-filter')
      .locator('button[data-industry]:not([data-industry=""])')
      .evaluateAll((els) => els.slice(0, 6).map((e) => e.getAttribute('data-industry') ?? ''));
    // Six clicks in one task, as fast as a keyboard repeat: the map gets each (its store subscription), the panels
    // re-render once the stepping rests.
    const fills = await page.evaluate((list) => {
      const map = window.__jxMap;
      const seen: string[] = [];
      for (const id of list) {
        document
          .querySelector<HTMLButtonElement>(`[data-testid="industry-filter"] button[data-industry="${id}"]`)
          ?.click();
        seen.push(JSON.stringify(map?.getFeatureState({ source: 'areas', id: '360100' }) ?? {}));
      }
      return seen;
    }, ids);
    expect(new Set(fills).size, 'the map had a new state after the clicks').toBeGreaterThan(1);
    const last = ids.at(-1) ?? '';
    await expect.poll(() => page.getByTestId('industry-view').getAttribute('data-industry')).toBe(last);
    await expect.poll(() => query(page, 'industry')).toBe(last);
    await expect
      .poll(() =>
        page.locator(`[data-testid="industry-filter"] button[data-industry="${last}"]`).getAttribute('aria-pressed'),
      )
      .toBe('true');
  });

  test('clicking a place on the map opens its panel with a quote from the plan', async () => {
    const { page } = await session.open();
    await load(page, `?industry=${PV}`);
    const { centre } = await placeOnScreen(page, XINYU);
    expect(centre).not.toBeNull();
    const box = await mapBox(page);
    await page.mouse.click(box.x + (centre?.x ?? 0), box.y + (centre?.y ?? 0));
    const panel = page.getByTestId('place-panel');
    await expect.poll(() => panel.getAttribute('data-place')).toBe(XINYU);
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe('新余市');
    expect(query(page, 'place')).toBe(XINYU);
    const quote = panel.locator('blockquote').first();
    expect((await quote.textContent())?.length ?? 0).toBeGreaterThan(10);
    expect(await quote.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('新余')]),
    );
    expect(await panel.getByTestId('source-link').count()).toBeGreaterThan(0);
    await waitForMapIdle(page);
    await screenshot(page, 'desktop-photovoltaics-xinyu');
  });

  test('switching to English changes the interface, place names and map labels, and is remembered', async () => {
    const { page } = await session.open();
    const names = await placeNames(XINYU);
    await load(page, `?industry=${PV}&place=${XINYU}`);
    const title = page.getByRole('heading', { level: 1 });
    expect(await title.textContent()).toMatch(HAN);
    expect(await rawKeys(page), 'untranslated keys (zh)').toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await title.textContent()).not.toMatch(HAN);
    expect(query(page, 'lang')).toBe('en');
    expect(await rawKeys(page), 'untranslated keys (en)').toEqual([]);
    expect(await page.getByTestId('place-panel').getByRole('heading', { level: 2 }).textContent()).toBe(names.en);
    await waitForMapIdle(page);
    const labels = await page.evaluate(() => {
      const map = window.__jxMap;
      if (!map) throw new Error('no map');
      return {
        field: map.getLayoutProperty('city-labels', 'text-field'),
        names: map.queryRenderedFeatures({ layers: ['city-labels'] }).map((f) => String(f.properties.name_en)),
      };
    });
    expect(JSON.stringify(labels.field)).toContain('name_en');
    expect(labels.names).toContain(names.en);
    await screenshot(page, 'desktop-english');
    // Remembered without the URL parameter (a returning visitor).
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  test('a shared URL restores the same view in a fresh browser', async () => {
    const first = await session.open();
    await load(first.page);
    await first.page.getByTestId('plan-filter').getByRole('button', { name: /2014/ }).click();
    await chooseIndustry(first.page, /^光伏/);
    await first.page.getByTestId('role-filter').locator('input[data-role="supporting"]').uncheck();
    await first.page.getByTestId('industry-view').getByRole('button', { name: '新余市' }).click();
    await expect.poll(() => first.page.getByTestId('place-panel').getAttribute('data-place')).toBe(XINYU);
    await waitForMapIdle(first.page);
    const shared = first.page.url();
    const cities = await renderedPlaceIds(first.page, FILL_LAYERS);
    const fills = await fillStates(first.page, cities);

    const second = await session.open();
    await load(second.page, new URL(shared).search);
    const p = second.page;
    expect(await p.getByTestId('plan-filter').locator('button[aria-pressed="true"]').getAttribute('data-plan')).toBe(
      '2014-key-industries',
    );
    expect(
      await p.getByTestId('industry-filter').locator('button[aria-pressed="true"]').getAttribute('data-industry'),
    ).toBe(PV);
    expect(await p.getByTestId('role-filter').locator('input[data-role="supporting"]').isChecked()).toBe(false);
    expect(await p.getByTestId('role-filter').locator('input[data-role="core"]').isChecked()).toBe(true);
    expect(await p.getByTestId('place-panel').getAttribute('data-place')).toBe(XINYU);
    expect(await fillStates(p, cities)).toEqual(fills);
    expect(p.url()).toBe(shared);
  });

  test('hostile or unknown URL values fall back to the default view without injecting anything', async () => {
    const { page } = await session.open();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const evil = encodeURIComponent('<img src=x onerror=alert(1)><script>alert(2)</script>');
    await load(page, `?industry=${evil}&place=${evil}&plan=${'x'.repeat(5000)}&lang=xx&roles=${evil}`);
    expect(dialogs).toBe(0);
    expect(await page.getByTestId('overview').count()).toBe(1);
    expect(await page.locator('img[src="x"], body script:not([src])').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(HAN);
  });

  test('axe-core finds no violations on the main views', async () => {
    const { page } = await session.open();
    await load(page);
    const found: Record<string, unknown> = {};
    found.overview = await runAxe(page);
    await chooseIndustry(page, /^光伏/);
    found.industry = await runAxe(page);
    await page.getByTestId('industry-view').getByRole('button', { name: '新余市' }).click();
    await expect.poll(() => page.getByTestId('place-panel').getAttribute('data-place')).toBe(XINYU);
    found.place = await runAxe(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    found.english = await runAxe(page);
    await page.getByTestId('source-link').first().click();
    await page.getByTestId('source-view').waitFor();
    found.source = await runAxe(page);
    expect(found).toEqual({ overview: [], industry: [], place: [], english: [], source: [] });
  });
});
