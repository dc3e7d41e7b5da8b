/** The explorer on a 375×667 phone: map plus a bottom sheet, nothing wider than the screen, accessible. */
import { describe, expect, test } from 'vitest';
import { PHONE, runAxe, screenshot, siteUrl, waitForMapIdle } from './support/harness.ts';
import { renderedPlaceIds } from './support/map.ts';
import { useSession } from './support/session.ts';

describe('explorer (phone 375×667)', () => {
  const session = useSession();

  test('map and bottom sheet fit the screen; the sheet opens to the filters and an industry can be chosen', async () => {
    const { page } = await session.open({ viewport: PHONE, mobile: true });
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    await screenshot(page, 'phone-map');
    const overflow = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(overflow.doc).toBeLessThanOrEqual(overflow.inner);
    expect(overflow.body).toBeLessThanOrEqual(overflow.inner);
    const canvas = await page.getByTestId('map').locator('canvas').boundingBox();
    expect(canvas?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(canvas?.height).toBeGreaterThan(PHONE.height / 3);
    expect((await renderedPlaceIds(page, ['city-fill'])).length).toBeGreaterThanOrEqual(11);

    const handle = page.getByTestId('sheet-handle');
    expect(await handle.isVisible()).toBe(true);
    const closed = await page.locator('.sheet').boundingBox();
    // A bottom sheet: anchored to the bottom edge of the screen.
    expect(Math.abs((closed?.y ?? 0) + (closed?.height ?? 0) - PHONE.height)).toBeLessThanOrEqual(2);
    expect.soft(await runAxe(page), 'axe violations').toEqual([]);

    await handle.tap();
    await expect.poll(() => handle.getAttribute('aria-expanded')).toBe('true');
    const industry = page.getByTestId('industry-filter').getByRole('button', { name: /^光伏/ }).first();
    await industry.scrollIntoViewIfNeeded();
    await industry.tap();
    await expect.poll(() => industry.getAttribute('aria-pressed')).toBe('true');
    await waitForMapIdle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-sheet');
    expect.soft(await runAxe(page), 'axe violations').toEqual([]);
  });
});
