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

  // Not tested here: opening the default fit as an at= link. MapLibre's first pan limits (ExplorerMap's constructor)
  // pull such a camera north before the legend widens them, so the map is not at the fit (0.36° off at 1200×800).
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
