/**
 * Issue 11 as a visitor meets it, at 1366×900, 1024×768 and 375×667: the legend never covers the province, the place
 * profile (新余, 九江), the industry profile (光伏) with no dead end from a place without it, and the overlap view.
 * Expected figures are computed here from the published files, not with the app's selectors.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Assignment, Role } from '../../src/domain/types.ts';
import { industryAndDescendants, type PublishedData, publishedData } from './support/data.ts';
import { DESKTOP, PHONE, runAxe, SCREENSHOT_DIR, screenshot, siteUrl, waitForMapIdle } from './support/harness.ts';
import { clickHeaderAction } from './support/header.ts';
import { pixelsAt } from './support/map.ts';
import { useSession } from './support/session.ts';

const LAPTOP = { width: 1024, height: 768 } as const;
const BACKGROUND = '#f3f1ec';
const XINYU = '360500';
const JIUJIANG = '360400';
const GANZHOU = '360700';
const PV = 'photovoltaics';
/** A camera on 赣州 (the south), where none of 光伏's places are in view. */
const GANZHOU_CAMERA = '25.85,115,8.5';
const SIZES = [
  { name: 'desktop', viewport: DESKTOP, mobile: false },
  { name: 'laptop', viewport: LAPTOP, mobile: false },
  { name: 'phone', viewport: PHONE, mobile: true },
] as const;

/** Points of the map canvas (CSS px) under the legend box, every few pixels. */
async function pointsUnderLegend(page: Page): Promise<{ x: number; y: number }[]> {
  const canvas = await page.getByTestId('map').locator('canvas').boundingBox();
  const legend = await page.getByTestId('legend').boundingBox();
  if (!canvas || !legend) throw new Error('no canvas or legend');
  const pts: { x: number; y: number }[] = [];
  for (let x = legend.x; x < legend.x + legend.width; x += 5)
    for (let y = legend.y; y < legend.y + legend.height; y += 5) {
      const cx = x - canvas.x;
      const cy = y - canvas.y;
      if (cx >= 0 && cy >= 0 && cx < canvas.width && cy < canvas.height) pts.push({ x: cx, y: cy });
    }
  return pts;
}

/** Canvas pixels under the legend that the province paints (anything but the background). */
async function paintedUnderLegend(page: Page): Promise<number> {
  const pts = await pointsUnderLegend(page);
  expect(pts.length).toBeGreaterThan(20);
  const colours = await pixelsAt(page, pts);
  return colours.filter((c) => c !== BACKGROUND).length;
}

/** Top-level ancestor of an industry (the profile's default row level). */
function rootOf(data: PublishedData, id: string): string {
  let cur = id;
  for (;;) {
    const p = data.industries.find((i) => i.id === cur)?.parent;
    if (!p) return cur;
    cur = p;
  }
}

const RANK: Record<Role, number> = { core: 0, focus: 1, supporting: 2 };

describe('issue 11: legend, profiles, overlap', () => {
  const session = useSession();

  for (const size of SIZES)
    test(`${size.name}: the legend box covers none of the province's painted pixels (zh, en, an industry)`, async () => {
      const { page } = await session.open({ viewport: size.viewport, mobile: size.mobile });
      for (const query of ['', '?lang=en', `?industry=${PV}`]) {
        await page.goto(siteUrl(query));
        await waitForMapIdle(page);
        // The map fits once the legend has been measured; let that settle.
        await page.waitForTimeout(300);
        await waitForMapIdle(page);
        expect(await paintedUnderLegend(page), `painted pixels under the legend (${size.name} ${query})`).toBe(0);
      }
      await page.goto(siteUrl());
      await waitForMapIdle(page);
      await screenshot(page, `issue11-legend-${size.name}`);
      // Choosing an industry whose places are all in view keeps the camera (a planner compares industries on a map
      // that holds still): no camera in the link.
      if (!size.mobile) {
        await page.getByTestId('industry-filter').locator(`button[data-industry="${PV}"]`).click();
        await waitForMapIdle(page);
        expect(page.url()).not.toContain('at=');
        expect(await paintedUnderLegend(page)).toBe(0);
      }
      // From a map moved to 赣州 (no 光伏 there), choosing it fits its places: at that zoom the open legend would cover
      // part of the province, so it folds to its title line (the issue: "collapse it where it would cover"); the
      // industry's places stay clear.
      if (!size.mobile) {
        await page.goto(siteUrl(`?at=${GANZHOU_CAMERA}`));
        await waitForMapIdle(page);
        await page.getByTestId('industry-filter').locator(`button[data-industry="${PV}"]`).click();
        await expect.poll(() => page.url()).toMatch(/at=(?!25\.85,)/);
        await waitForMapIdle(page);
        const open = await page.getByTestId('legend').evaluate((d) => (d as HTMLDetailsElement).open);
        if (open) expect(await paintedUnderLegend(page)).toBe(0);
        const colours = await pixelsAt(page, await pointsUnderLegend(page));
        for (const role of ['#08306b', '#2f7ebc', '#9ecae1']) expect(colours.filter((c) => c === role)).toEqual([]);
        await screenshot(page, `issue11-legend-industry-${size.name}`);
        // Reset: the default fit again, with the legend open.
        await clickHeaderAction(page, 'reset');
        await expect.poll(() => page.getByTestId('legend').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        await waitForMapIdle(page);
        expect(await paintedUnderLegend(page)).toBe(0);
      }
    });

  for (const size of SIZES)
    test(`${size.name}: place profile of 新余 and 九江 (grid = each plan's strongest role per industry)`, async () => {
      const data = await publishedData();
      const { page } = await session.open({ viewport: size.viewport, mobile: size.mobile });
      for (const [id, lang] of [
        [XINYU, 'zh'],
        [JIUJIANG, 'zh'],
        [JIUJIANG, 'en'],
      ] as const) {
        await page.goto(siteUrl(`?place=${id}${lang === 'en' ? '&lang=en' : ''}`));
        await waitForMapIdle(page);
        const profile = page.getByTestId('place-profile');
        await profile.waitFor();
        // Expected: the place's own assignments, industries rolled up to the top level, strongest role per plan.
        const mine = data.assignments.filter((a) => a.place === id);
        const expected = new Map<string, Map<string, Role>>();
        for (const a of mine) {
          const row = expected.get(rootOf(data, a.industry)) ?? new Map<string, Role>();
          const had = row.get(a.plan);
          if (!had || RANK[a.role] < RANK[had]) row.set(a.plan, a.role);
          expected.set(rootOf(data, a.industry), row);
        }
        const rows = await profile.locator('tbody tr').evaluateAll((trs) =>
          trs.map((tr) => ({
            industry: tr.getAttribute('data-industry') ?? '',
            marks: [...tr.querySelectorAll('td[data-plan]')]
              .map((td) => [td.getAttribute('data-plan'), td.querySelector('[data-role]')?.getAttribute('data-role')])
              .filter(([, r]) => r),
          })),
        );
        expect(new Set(rows.map((r) => r.industry))).toEqual(new Set(expected.keys()));
        for (const r of rows)
          expect(Object.fromEntries(r.marks)).toEqual(Object.fromEntries(expected.get(r.industry) ?? []));
        // The profile comes first in the panel: above the sentence cards, and on screen without scrolling the panel.
        const panelBox = await page.getByTestId('place-panel').boundingBox();
        const profileBox = await profile.boundingBox();
        const firstCard = await page.getByTestId('assignment').first().boundingBox();
        expect(profileBox && firstCard && profileBox.y < firstCard.y).toBe(true);
        expect(profileBox && panelBox && profileBox.y < panelBox.y + 200).toBe(true);
        await screenshot(page, `issue11-place-${id}-${lang}-${size.name}`);
      }
      expect.soft(await runAxe(page), 'axe violations').toEqual([]);
    });

  test('the PNG export is the current view at 2×', async () => {
    const { page } = await session.open();
    // A moved camera (as after choosing an industry) must be what the image shows.
    await page.goto(siteUrl(`?industry=${PV}&at=28.2,116.1,7.5`));
    await waitForMapIdle(page);
    const before = await page.evaluate(() => {
      const m = window.__jxMap;
      return { width: m?.getCanvas().clientWidth ?? 0, center: m?.getCenter(), zoom: m?.getZoom() };
    });
    await page.getByTestId('downloads-button').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-png').click()]);
    const file = path.join(SCREENSHOT_DIR, 'issue11-export-2x.png');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await png.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(2 * before.width);
    // The camera did not move, and the screen is back at its own pixel ratio.
    const after = await page.evaluate(() => {
      const m = window.__jxMap;
      return { ratio: m?.getPixelRatio(), center: m?.getCenter(), zoom: m?.getZoom() };
    });
    expect(after.ratio).toBe(1);
    expect(after.zoom).toBeCloseTo(before.zoom ?? 0, 5);
    expect(after.center).toEqual(before.center);
  });

  test('phone: the sheet says which filters are on, and pulls to full height', async () => {
    const { page } = await session.open({ viewport: PHONE, mobile: true });
    await page.goto(siteUrl(`?place=${JIUJIANG}&industry=${PV}&plan=2014-key-industries`));
    await waitForMapIdle(page);
    const line = page.getByTestId('sheet-filters');
    await expect.poll(() => line.textContent()).toContain('光伏');
    expect(await line.textContent()).toContain('2014');
    const before = await page.locator('.sheet').boundingBox();
    await page.getByTestId('sheet-full').tap();
    await expect
      .poll(async () => (await page.locator('.sheet').boundingBox())?.height ?? 0)
      .toBeGreaterThan((before?.height ?? 0) * 1.5);
    const full = await page.locator('.sheet').boundingBox();
    expect((full?.height ?? 0) / PHONE.height).toBeGreaterThan(0.8);
    await screenshot(page, 'issue11-phone-sheet-full');
    expect.soft(await runAxe(page), 'axe violations').toEqual([]);
  });

  for (const size of SIZES)
    test(`${size.name}: industry profile of 光伏 ranks places by role and persistence; no dead end from 赣州`, async () => {
      const data = await publishedData();
      const scope = industryAndDescendants(data.industries, PV);
      const pv = data.assignments.filter((a) => scope.has(a.industry));
      const plansWithPv = new Set(pv.map((a) => a.plan));
      const plansOf = (place: string) => new Set(pv.filter((a) => a.place === place).map((a) => a.plan));
      const { page } = await session.open({ viewport: size.viewport, mobile: size.mobile });
      // 赣州 is selected and the map moved there, then 光伏 is chosen: 赣州 has none.
      await page.goto(siteUrl(`?place=${GANZHOU}&at=${GANZHOU_CAMERA}`));
      await waitForMapIdle(page);
      if (size.mobile) await page.getByTestId('sheet-handle').tap();
      const industry = page.getByTestId('industry-filter').getByRole('button', { name: /^光伏/ }).first();
      await industry.scrollIntoViewIfNeeded();
      await industry.click();
      const nothing = page.getByTestId('nothing-assigned');
      await nothing.waitFor();
      const listed = await page
        .getByTestId('industry-elsewhere')
        .locator('button[data-place]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-place')));
      expect(new Set(listed)).toEqual(new Set(pv.map((a) => a.place)));
      // The map now shows the industry's places: 新余 is in view, and the new camera is in the link.
      await expect.poll(() => page.url()).toMatch(/at=(?!25\.85,)/);
      await waitForMapIdle(page);
      const inView = await page.evaluate((id) => {
        const map = window.__jxMap;
        return !!map?.queryRenderedFeatures({ layers: ['city-fill'] }).some((f) => String(f.properties.pid) === id);
      }, XINYU);
      expect(inView).toBe(true);
      await screenshot(page, `issue11-deadend-${size.name}`);

      // Closing the place shows the industry profile.
      await page.goto(siteUrl(`?industry=${PV}`));
      await waitForMapIdle(page);
      const view = page.getByTestId('industry-view');
      const entries = await view
        .getByTestId('industry-place')
        .evaluateAll((els) =>
          els.map((e) => ({ place: e.getAttribute('data-entry') ?? '', plans: Number(e.getAttribute('data-plans')) })),
        );
      // Every place named for 光伏 (or a sub-industry) appears, itself or under its city; persistence is its plans.
      for (const e of entries) expect(e.plans).toBe(plansOf(e.place).size);
      const first = entries[0];
      expect(first?.place).toBe(XINYU);
      const summary = await view.getByTestId('industry-summary').textContent();
      expect(summary).toContain(`新余市（${plansWithPv.size} 部中的 ${plansOf(XINYU).size} 部）`);
      await screenshot(page, `issue11-industry-pv-${size.name}`);
      expect.soft(await runAxe(page), 'axe violations').toEqual([]);
    });

  for (const size of SIZES)
    test(`${size.name}: overlap view counts cities and counties per industry as the data does`, async () => {
      const data = await publishedData();
      const level = new Map(data.places.map((p) => [p.id, p.properties.level]));
      const cityOf = new Map(
        data.places.map((p) => [
          p.id,
          p.properties.level === 'city'
            ? p.id
            : p.properties.city && level.get(p.properties.city) === 'city'
              ? p.properties.city
              : null,
        ]),
      );
      const reached = new Map<string, Set<string>>();
      const cities = new Map<string, Set<string>>();
      const counties = new Map<string, Set<string>>();
      const add = (m: Map<string, Set<string>>, k: string, v: string) => m.set(k, (m.get(k) ?? new Set()).add(v));
      for (const a of data.assignments as Assignment[]) {
        const top = rootOf(data, a.industry);
        const c = cityOf.get(a.place);
        if (c) add(reached, top, c);
        if (level.get(a.place) === 'city') add(cities, top, a.place);
        if (level.get(a.place) === 'county') add(counties, top, a.place);
      }
      const { page } = await session.open({ viewport: size.viewport, mobile: size.mobile });
      await page.goto(siteUrl('?view=overlap'));
      const table = page.getByTestId('overlap-table');
      await table.waitFor();
      const rows = await table.getByTestId('overlap-row').evaluateAll((trs) =>
        trs.map((tr) => ({
          industry: tr.getAttribute('data-industry') ?? '',
          reached: Number(tr.getAttribute('data-reached')),
          cities: Number(tr.getAttribute('data-cities')),
          counties: Number(tr.getAttribute('data-counties')),
        })),
      );
      expect(rows.length).toBeGreaterThan(5);
      for (const r of rows) {
        expect(r.reached, r.industry).toBe(reached.get(r.industry)?.size ?? 0);
        expect(r.cities, r.industry).toBe(cities.get(r.industry)?.size ?? 0);
        expect(r.counties, r.industry).toBe(counties.get(r.industry)?.size ?? 0);
      }
      // Most cities first.
      expect(rows.map((r) => r.reached)).toEqual([...rows.map((r) => r.reached)].sort((a, b) => b - a));
      expect(await page.getByTestId('overlap-how').textContent()).toContain('覆盖市');
      await screenshot(page, `issue11-overlap-${size.name}`);
      expect.soft(await runAxe(page), 'axe violations').toEqual([]);
      // The matrix: a totals row and the cities-only choice.
      await page.goto(siteUrl('?view=matrix&rows=cities'));
      await page.getByTestId('matrix-table').waitFor();
      const heads = await page
        .locator('tbody th[scope="row"]')
        .evaluateAll((ths) => ths.map((th) => th.closest('tr')?.getAttribute('data-place') ?? ''));
      expect(heads.every((id) => level.get(id) === 'city')).toBe(true);
      const totals = await page.getByTestId('matrix-total').evaluateAll((tds) =>
        tds.map((td) => ({
          industry: td.getAttribute('data-industry') ?? '',
          cities: Number(td.getAttribute('data-cities')),
        })),
      );
      for (const t of totals) expect(t.cities, t.industry).toBe(cities.get(t.industry)?.size ?? 0);
      await screenshot(page, `issue11-matrix-cities-${size.name}`);
    });
});
