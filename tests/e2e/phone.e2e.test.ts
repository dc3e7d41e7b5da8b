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

  test.each([
    ['zh', ''],
    ['en', '?lang=en'],
  ])('the header fits 375 px without scrolling (%s); reset and "about" are in a ⋯ menu', async (lang, search) => {
    const { page } = await session.open({ viewport: PHONE, mobile: true });
    await page.goto(siteUrl(search));
    await waitForMapIdle(page);
    const fit = await page.evaluate(() => {
      const header = document.querySelector('.topbar');
      const boxes = [...(header?.querySelectorAll('button, input, [role="status"]:not(.visually-hidden)') ?? [])]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          const r = el.getBoundingClientRect();
          const name = el.textContent?.trim() || el.getAttribute('aria-label');
          return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        });
      const rows = [...(header?.querySelectorAll('.tools, .view-tabs, .actions') ?? [])].map(
        (el) => el.scrollWidth - el.clientWidth,
      );
      return { boxes, rows, width: window.innerWidth };
    });
    for (const b of fit.boxes) {
      expect(b.left, `${b.name} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(b.right, `${b.name} ends on screen`).toBeLessThanOrEqual(fit.width);
    }
    // Nothing is drawn over anything else (an overflowing row can spill to the left onto the tabs).
    for (const [i, a] of fit.boxes.entries())
      for (const b of fit.boxes.slice(i + 1)) {
        const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
      }
    for (const overflow of fit.rows) expect(overflow, 'a header row scrolls sideways').toBeLessThanOrEqual(0);
    await screenshot(page, `phone-header-${lang}`);

    // The menu button pattern: closed, opens on Enter onto its first item, arrows move, Escape returns focus.
    const more = page.getByTestId('more-button');
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('reset').count()).toBe(0);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    const menu = page.getByTestId('more-menu');
    expect(await menu.getAttribute('role')).toBe('menu');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reset');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('about-button');
    const box = await menu.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= PHONE.width).toBe(true);
    await screenshot(page, `phone-menu-${lang}`);
    expect.soft(await runAxe(page), 'axe violations with the menu open').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('more-button');

    // A tap opens it again and "about this data" opens the dialog.
    await more.tap();
    await page.getByTestId('about-button').tap();
    expect(await page.getByTestId('about').isVisible()).toBe(true);
  });
});
