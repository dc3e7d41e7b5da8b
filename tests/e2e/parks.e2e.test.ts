/**
 * Parks on the live map as a visitor sees them: a park named for the chosen industry is drawn large, on top, in its
 * role's colour; filtered out it recedes to the small dimmed dot, and a click on it still opens it.
 * The role colours are the legend's (src/state/colors.ts); the park and its role come from assignments.json.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { publishedData } from './support/data.ts';
import { screenshot, siteUrl, waitForMapIdle } from './support/harness.ts';
import { colourDistance, pixelsAt } from './support/map.ts';
import { useSession } from './support/session.ts';

const PARK = 'park-jingdezhen-hangkong-chanyeyuan';
const ROLE_COLOUR = { core: '#08306b', focus: '#2f7ebc', supporting: '#9ecae1' } as const;

/** The park's point on screen (CSS px relative to the canvas). */
async function parkOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((pid) => {
    const map = window.__jxMap;
    const f = map?.querySourceFeatures('points').find((g) => g.properties.pid === pid);
    if (!map || !f || f.geometry.type !== 'Point') throw new Error(`park ${pid} not on the map`);
    const p = map.project(f.geometry.coordinates as [number, number]);
    return { x: p.x, y: p.y };
  }, id);
}

describe('parks that match the filter', () => {
  const session = useSession();

  test('are drawn in their role colour on top; filtered out they recede and stay clickable', async () => {
    const data = await publishedData();
    const own = data.assignments.filter((a) => a.place === PARK);
    const industry = own[0]?.industry;
    const roles = new Set(own.filter((a) => a.industry === industry).map((a) => a.role));
    const [role] = roles;
    if (!industry || !role || roles.size !== 1) throw new Error(`${PARK}: expected one industry with one role`);

    const { page } = await session.open();
    await page.goto(siteUrl(`?industry=${industry}&at=29.3,117.2,9`));
    await waitForMapIdle(page);
    const at = await parkOnScreen(page, PARK);
    const [matched] = await pixelsAt(page, [at]);
    expect(colourDistance(matched ?? '', ROLE_COLOUR[role]), `park centre ${matched}`).toBeLessThan(12);
    // The white ring of a matching park, beyond the radius of the dimmed dot (6 px at zoom 10).
    const [ring] = await pixelsAt(page, [{ x: at.x + 9, y: at.y }]);
    expect(colourDistance(ring ?? '', '#ffffff'), `ring ${ring}`).toBeLessThan(40);
    await screenshot(page, 'parks-match');

    // Its role switched off (a filter that keeps the camera): the park is no longer drawn in a role colour, no ring.
    await page.locator(`input[data-role="${role}"]`).uncheck();
    await expect.poll(() => page.url()).toContain('roles=');
    await waitForMapIdle(page);
    const after = await parkOnScreen(page, PARK);
    const [dimmed, noRing] = await pixelsAt(page, [after, { x: after.x + 9, y: after.y }]);
    for (const c of Object.values(ROLE_COLOUR))
      expect(colourDistance(dimmed ?? '', c), `dimmed park ${dimmed}`).toBeGreaterThan(12);
    expect(colourDistance(noRing ?? '', '#ffffff'), `no ring ${noRing}`).toBeGreaterThan(20);

    // A click on the dimmed park opens it.
    const canvas = await page.getByTestId('map').locator('canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.click(canvas.x + after.x, canvas.y + after.y);
    await expect.poll(() => page.url()).toContain(`place=${PARK}`);
    await expect(page.getByTestId('place-panel').isVisible()).resolves.toBe(true);
  });
});
