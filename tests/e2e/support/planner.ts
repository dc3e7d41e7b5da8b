/** Small page helpers for the planner's views (change view, matrix, source reader, downloads). */
import type { Page } from 'playwright-core';
import { siteUrl, waitForMapIdle } from './harness.ts';

export async function load(page: Page, search = ''): Promise<void> {
  await page.goto(siteUrl(search));
  await waitForMapIdle(page);
}

export const query = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** `rgb(r, g, b)` (computed style) or `#rrggbb` → `#rrggbb`. */
export function toHex(colour: string): string {
  if (colour.startsWith('#')) return colour.toLowerCase();
  const m = colour.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
  if (!m) throw new Error(`not a colour: ${colour}`);
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The map's feature-state for the given places, from whichever source holds each (areas: polygons; points: parks).
 * Keys absent from both sources' state come back undefined.
 */
export async function featureStates(
  page: Page,
  ids: string[],
): Promise<Record<string, { change?: string; fill?: string }>> {
  return page.evaluate((list) => {
    const map = window.__jxMap;
    if (!map) throw new Error('window.__jxMap is missing');
    const out: Record<string, { change?: string; fill?: string }> = {};
    for (const id of list) {
      const merged = {} as { change?: string; fill?: string };
      for (const source of ['areas', 'points'])
        if (map.getSource(source)) Object.assign(merged, map.getFeatureState({ source, id }));
      out[id] = merged;
    }
    return out;
  }, ids);
}

/** Whether the element is inside the viewport of its scroll container and the window (a user can see it). */
export async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.height === 0 || r.bottom < 0 || r.top > window.innerHeight) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll)/.test(s.overflowY)) {
        const b = p.getBoundingClientRect();
        if (r.bottom <= b.top || r.top >= b.bottom) return false;
      }
    }
    return true;
  });
}

/** Horizontal overflow of the document (a phone layout must not scroll sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
