/**
 * What users of the best explorers expect (ux-expectations items 1, 8, 9, 16): playing the plan timeline, the
 * camera in a shared link, the embed snippet, and the map itself reachable by keyboard. Desktop 1366×900.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { publishedData } from './support/data.ts';
import { runAxe, SCREENSHOT_DIR, screenshot, siteUrl, waitForMapIdle } from './support/harness.ts';
import { fillStates } from './support/map.ts';
import { query } from './support/planner.ts';
import { useSession } from './support/session.ts';

/** The map's camera as the page sees it. */
const camera = (page: Page) =>
  page.evaluate(() => {
    const map = window.__jxMap;
    if (!map) throw new Error('window.__jxMap is missing');
    const c = map.getCenter();
    return { lat: c.lat, lon: c.lng, zoom: map.getZoom() };
  });

describe('explorer features (desktop)', () => {
  const session = useSession();

  test('play steps through the plans in year order and the map fills follow each plan', async () => {
    const data = await publishedData();
    const plans = [...data.plans].sort((a, b) => a.year - b.year || a.issued.localeCompare(b.issued)).map((p) => p.id);
    const cities = data.places.filter((p) => p.properties.level === 'city').map((p) => p.id);
    // A city is filled when the plan assigns anything to the city itself (all industries, all roles).
    const filledCities = (plan: string) =>
      new Set(data.assignments.filter((a) => a.plan === plan && cities.includes(a.place)).map((a) => a.place));
    const [first, second] = plans;
    if (!first || !second) throw new Error('the data has fewer than two plans');

    const { page } = await session.open();
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    const play = page.getByTestId('plan-play');
    expect(await play.getAttribute('aria-label')).toMatch(/播放/);
    await play.click();
    // From "all plans", play shows the first plan at once …
    await expect.poll(() => query(page, 'plan')).toBe(first);
    expect(await play.getAttribute('data-playing')).toBe('true');
    expect(await play.getAttribute('aria-label')).toBe('暂停');
    const atFirst = await fillStates(page, cities);
    // … and the next one about 1.5 s later.
    const t0 = Date.now();
    await expect.poll(() => query(page, 'plan'), { timeout: 5000 }).toBe(second);
    expect(Date.now() - t0).toBeGreaterThan(700);
    const atSecond = await fillStates(page, cities);
    await play.click();
    expect(await play.getAttribute('data-playing')).toBe('false');
    await page.waitForTimeout(1800);
    expect(query(page, 'plan'), 'paused: the plan stays').toBe(second);
    await waitForMapIdle(page);

    const filled = (f: Record<string, string | null>) => new Set(Object.keys(f).filter((id) => f[id]));
    expect(filled(atFirst)).toEqual(filledCities(first));
    expect(filled(atSecond)).toEqual(filledCities(second));
    expect(atFirst, 'the fills changed with the plan').not.toEqual(atSecond);
    expect(
      await page.getByTestId('plan-filter').locator(`button[data-plan="${second}"]`).getAttribute('aria-pressed'),
    ).toBe('true');

    // Keyboard: the step buttons, and ←/→ on a focused plan button (focus follows the plan).
    await page.getByTestId('plan-previous').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => query(page, 'plan')).toBe(first);
    await page.getByTestId('plan-filter').locator(`button[data-plan="${first}"]`).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => query(page, 'plan')).toBe(second);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-plan'))).toBe(second);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => query(page, 'plan')).toBe(plans[plans.length - 1]);
    expect.soft(await runAxe(page), 'axe violations').toEqual([]);
  });

  test('the camera goes into the URL only after the user moves the map, and a link with at= opens there', async () => {
    const { page } = await session.open();
    await page.goto(siteUrl('?at=28.2,116.1,8.5&industry=photovoltaics'));
    await waitForMapIdle(page);
    const opened = await camera(page);
    expect(opened.zoom).toBeCloseTo(8.5, 2);
    expect(opened.lat).toBeCloseTo(28.2, 3);
    expect(opened.lon).toBeCloseTo(116.1, 3);
    expect(query(page, 'at'), 'kept as given').toBe('28.2,116.1,8.5');

    // A fresh page without at=: the default fit, and nothing written.
    const { page: fresh } = await session.open();
    await fresh.goto(siteUrl());
    await waitForMapIdle(fresh);
    const fit = await camera(fresh);
    await fresh.waitForTimeout(600);
    expect(query(fresh, 'at')).toBeNull();

    // Keyboard: the canvas is focusable, named, shows the hint, and the arrow keys pan; the camera reaches the URL.
    const canvas = fresh.getByTestId('map').locator('canvas');
    expect(await canvas.getAttribute('aria-label')).toMatch(/^江西地图：各地被布局的产业数/);
    const hint = fresh.getByTestId('map-keyboard-hint');
    expect(await hint.isVisible()).toBe(false);
    await fresh.keyboard.press('Tab');
    await canvas.focus();
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toMatch(/搜索/);
    expect(await canvas.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));
    expect.soft(await runAxe(fresh), 'axe violations with the map focused').toEqual([]);
    await screenshot(fresh, 'desktop-map-keyboard');
    await fresh.keyboard.press('ArrowRight');
    await fresh.keyboard.press('ArrowDown');
    await fresh.keyboard.press('Equal');
    await expect.poll(() => query(fresh, 'at'), { timeout: 5000 }).toMatch(/^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/);
    await waitForMapIdle(fresh);
    await expect.poll(async () => (await camera(fresh)).zoom).toBeGreaterThan(fit.zoom + 0.5);
    const moved = await camera(fresh);
    expect(moved.lon).toBeGreaterThan(fit.lon);
    const [lat, lon, zoom] = (query(fresh, 'at') ?? '').split(',').map(Number);
    expect(lat).toBeCloseTo(moved.lat, 3);
    expect(lon).toBeCloseTo(moved.lon, 3);
    expect(zoom).toBeCloseTo(moved.zoom, 1);

    // The shared link opens at the same view in a new browser.
    const { page: shared } = await session.open();
    await shared.goto(fresh.url());
    await waitForMapIdle(shared);
    const again = await camera(shared);
    expect(again.zoom).toBeCloseTo(moved.zoom, 1);
    expect(again.lat).toBeCloseTo(moved.lat, 3);
    expect(again.lon).toBeCloseTo(moved.lon, 3);

    // Reset refits Jiangxi and drops at=.
    await shared.getByTestId('reset').click();
    await expect.poll(() => query(shared, 'at')).toBeNull();
    expect((await camera(shared)).zoom).toBeCloseTo(fit.zoom, 1);

    // Malformed at= is ignored: the default fit, and the parameter is dropped.
    const { page: bad } = await session.open();
    await bad.goto(siteUrl('?at=28.2,<script>,99'));
    await waitForMapIdle(bad);
    expect((await camera(bad)).zoom).toBeCloseTo(fit.zoom, 1);
    expect(query(bad, 'at')).toBeNull();
  });

  test('the share dialog offers an embed snippet of the current view, and the map label follows the language', async () => {
    const { page } = await session.open();
    await page.goto(siteUrl('?industry=photovoltaics&lang=en'));
    await waitForMapIdle(page);
    expect(await page.getByTestId('map').locator('canvas').getAttribute('aria-label')).toMatch(
      /^Map of Jiangxi: .*Photovoltaics/i,
    );
    await page.getByTestId('downloads-button').click();
    const code = await page.getByTestId('embed-code').inputValue();
    // Read in the test, not the page: parsing the snippet in the page would apply its inline style under the CSP.
    expect(code).toMatch(/^<iframe [^<>]*><\/iframe>$/);
    const attr = (name: string) =>
      (code.match(new RegExp(` ${name}="([^"]*)"`))?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const frame = { src: attr('src'), title: attr('title') };
    expect(frame.src).toBe(page.url());
    expect(frame.src).toContain('industry=photovoltaics');
    expect(frame.title).toBe(await page.title());
    expect(await page.getByTestId('copy-embed').isVisible()).toBe(true);
    expect.soft(await runAxe(page), 'axe violations in the share dialog').toEqual([]);

    // The PNG carries the legend of the screen (look at screenshots/desktop-export.png: the county outline and the
    // dashed region line are explained under the map).
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-png').click()]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, 'desktop-export.png');
    await png.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const canvasHeight = await page.evaluate(() => window.__jxMap?.getCanvas().height ?? 0);
    // Title and filter line above, and at least three legend rows plus the source line below the map.
    expect(bytes.readUInt32BE(20) - canvasHeight).toBeGreaterThan(150);
  });
});
