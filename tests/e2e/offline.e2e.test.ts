/**
 * Offline (issue 5): after one visit, with the browser context offline and the site's server shut down, a reload still
 * shows the map, its labels and a place panel with a quote. The only test that lets a service worker register: it runs
 * in its own browser context against its own copy of the site, so the worker cannot leak into other tests.
 */
import { describe, expect, test } from 'vitest';
import { waitForMapIdle } from './support/harness.ts';
import { placeOnScreen, renderedPlaceIds } from './support/map.ts';
import { useSession } from './support/session.ts';
import { serveModifiedCopy } from './support/sites.ts';

const XINYU = '360500';

describe('offline', () => {
  const session = useSession();

  test('after one visit, offline (context offline, server gone) a reload shows the map, labels and a place panel', async () => {
    const site = await serveModifiedCopy(() => {});
    let closed = false;
    try {
      const { page, context, requests } = await session.open({ serviceWorkers: 'allow', origin: site.origin });
      const search = `?industry=photovoltaics`;
      await page.goto(site.url + search);
      await waitForMapIdle(page);
      // The worker has installed and cached everything: the badge says so, and the registration is active.
      await page.locator('[data-testid="offline-status"][data-status="ready"]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('offline-status').isVisible()).toBe(true);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state ?? 'none')).toBe(
        'activated',
      );

      // The worker's own precache fetches (all label fonts) went through the context's routing, so the off-origin
      // check of this test covers the worker too.
      expect(requests.filter((u) => u.includes('/fonts/sc/')).length).toBeGreaterThan(50);

      // Really offline: the browser's network is cut and nothing listens on the site's port any more.
      await site.close();
      closed = true;
      await context.setOffline(true);
      await page.reload();
      await waitForMapIdle(page, 30_000);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      // The map: polygons painted; the labels: a symbol layer has rendered features (fonts came from the cache).
      expect((await renderedPlaceIds(page, ['city-fill'])).length).toBeGreaterThanOrEqual(11);
      const labels = await page.evaluate(() => {
        const map = window.__jxMap;
        if (!map) throw new Error('no map');
        return map.queryRenderedFeatures({ layers: ['city-labels'] }).map((f) => String(f.properties.name_zh));
      });
      expect(labels).toContain('新余市');

      // A place panel with a quote, opened by a click on the map.
      const { centre } = await placeOnScreen(page, XINYU);
      const box = await page.getByTestId('map').locator('canvas').boundingBox();
      if (!centre || !box) throw new Error('新余 is not on screen');
      await page.mouse.click(box.x + centre.x, box.y + centre.y);
      const panel = page.getByTestId('place-panel');
      await expect.poll(() => panel.getAttribute('data-place')).toBe(XINYU);
      expect((await panel.locator('blockquote').first().textContent())?.length ?? 0).toBeGreaterThan(10);
      // And the source text behind it (data/seeds/*.txt is precached too).
      await panel.getByTestId('source-link').first().click();
      await expect.poll(() => page.getByTestId('source-lines').locator('li').count()).toBeGreaterThan(10);
    } finally {
      if (!closed) await site.close();
    }
  });
});
