/**
 * Links carry only what their view uses (issue 14), and the default fit is still recognised at link precision
 * (src/domain/camera.ts) after a resize. Desktop 1366×900.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { siteUrl, waitForMapIdle } from './support/harness.ts';
import { query } from './support/planner.ts';
import { useSession } from './support/session.ts';

/**
 * Pans one keyboard step west and back: the map ends where it started, and reports a user move. (West moves the
 * province right, away from the legend, which would otherwise fold and change the fit's padding.)
 */
async function panThereAndBack(page: Page): Promise<void> {
  await page.getByTestId('map').locator('canvas').focus();
  await page.keyboard.press('ArrowLeft');
  await waitForMapIdle(page);
  await expect.poll(() => query(page, 'at'), { timeout: 5000 }).not.toBeNull();
  await page.keyboard.press('ArrowRight');
  await waitForMapIdle(page);
}

describe('links', () => {
  const session = useSession();

  test('a map link after sorting the matrix has no sort=; the matrix link keeps it', async () => {
    const { page } = await session.open();
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    await page.getByTestId('view-matrix').click();
    await page.getByTestId('matrix-sort-count').click();
    await expect.poll(() => query(page, 'sort')).toBe('count');
    await page.getByTestId('view-map').click();
    await expect.poll(() => query(page, 'view')).toBeNull();
    expect(query(page, 'sort')).toBeNull();
    await page.getByTestId('view-matrix').click();
    await expect.poll(() => query(page, 'sort')).toBe('count');
  });

  test('a link opens at its camera, also a wide one near the edge of the pan limits', async () => {
    const { page } = await session.open({ viewport: { width: 1200, height: 800 } });
    // The default fit at 1200×800 as a link: the pan limits once pulled it 0.36° north before the legend was measured.
    await page.goto(siteUrl('?at=25.6087,116.0332,5.61'));
    await waitForMapIdle(page);
    const at = await page.evaluate(() => {
      const map = window.__jxMap;
      if (!map) throw new Error('no map');
      return { lat: map.getCenter().lat, lon: map.getCenter().lng, zoom: map.getZoom() };
    });
    expect(at.lat).toBeCloseTo(25.6087, 3);
    expect(at.lon).toBeCloseTo(116.0332, 3);
    expect(at.zoom).toBeCloseTo(5.61, 2);
  });

  test('the default fit is recognised after a resize: back at it, at= goes away', async () => {
    const { page } = await session.open();
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    await page.setViewportSize({ width: 1200, height: 800 });
    await waitForMapIdle(page);
    await panThereAndBack(page);
    await expect.poll(() => query(page, 'at'), { timeout: 5000 }).toBeNull();
  });
});
