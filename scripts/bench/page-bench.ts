/**
 * Page benchmark in Debian Chromium (software WebGL): time from navigation to the map's first `idle`, for the
 * explorer and the bare MapLibre page in the same browser, interleaved run by run; then the time from an industry
 * change to the next `idle`, repeated, on each page.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.ts';
import { median, percentile } from './lib/stats.ts';

export interface LoadSample {
  firstIdleMs: number[];
  /**
   * Time to a painted province: the first frame showing the static map (the explorer's SVG in index.html), or the
   * map's first idle if that comes first or there is no static map (the bare page).
   */
  firstMapMs: number[];
  /** Files (paths under the site) requested before the first idle. */
  beforeIdle: string[];
  offOrigin: string[];
  errors: string[];
}

export interface ChangeSample {
  ms: number[];
  p50: number;
  p95: number;
  /** Synchronous JS from the trigger until the map has the change (React render + map.update). */
  jsP50?: number;
  jsP95?: number;
  how: string;
  error?: string;
}

export type Target = 'app' | 'bare';

/**
 * Runs before any page script: catches the map as soon as the page assigns window.__jxMap and records the
 * moment of its first `idle` (performance.now() counts from navigation start).
 */
const INIT = `(() => {
  let map;
  // The first animation frame in which the static map is in the page and visible (rAF runs just before that frame
  // is painted); checked every frame until the live map's first idle.
  const look = () => {
    if (window.__firstStatic !== undefined || window.__firstIdle !== undefined) return;
    const svg = document.querySelector('[data-testid="static-map"]:not([hidden]) svg');
    const box = svg && svg.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) window.__firstStatic = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  Object.defineProperty(window, '__jxMap', {
    configurable: true,
    get() { return map; },
    set(m) {
      map = m;
      if (m && window.__firstIdle === undefined) m.once('idle', () => { window.__firstIdle = performance.now(); });
    },
  });
})();`;

async function newPage(browser: Browser, origin: string, offOrigin: string[], errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function firstIdle(
  page: Page,
  url: string,
  siteUrl: string,
): Promise<{ ms: number; mapMs: number; data: string[] }> {
  await page.goto(url);
  await page.waitForFunction(() => (window as { __firstIdle?: number }).__firstIdle !== undefined, undefined, {
    timeout: 60_000,
  });
  return page.evaluate((base) => {
    const w = window as unknown as { __firstIdle: number; __firstStatic?: number };
    const t = w.__firstIdle;
    const data = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= t && e.name.startsWith(base))
      .map((e) => e.name.slice(base.length).split('?')[0] as string);
    return { ms: t, mapMs: Math.min(t, w.__firstStatic ?? t), data };
  }, siteUrl);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export async function benchLoad(
  browser: Browser,
  sites: Record<Target, { url: string; origin: string }>,
  runs: number,
): Promise<Record<Target, LoadSample>> {
  const out: Record<Target, LoadSample> = {
    app: { firstIdleMs: [], firstMapMs: [], beforeIdle: [], offOrigin: [], errors: [] },
    bare: { firstIdleMs: [], firstMapMs: [], beforeIdle: [], offOrigin: [], errors: [] },
  };
  // One warm-up each (disk cache of the OS, JIT of the browser process), then interleaved measured runs.
  for (let i = -1; i < runs; i++) {
    for (const target of ['bare', 'app'] as Target[]) {
      const s = out[target];
      const page = await newPage(browser, sites[target].origin, s.offOrigin, s.errors);
      try {
        const r = await firstIdle(page, sites[target].url, sites[target].url);
        if (i >= 0) {
          s.firstIdleMs.push(r.ms);
          s.firstMapMs.push(r.mapMs);
        }
        s.beforeIdle = r.data;
      } finally {
        await page.context().close();
      }
    }
  }
  return out;
}

/**
 * The in-page trigger for "choose industry id" on the explorer: a click on the industry's button in the filter (what
 * a user does; React handles it synchronously), or the store's event if the app ever exposes window.__jxStore.
 * Returns how it triggered, or null.
 */
const APP_TRIGGER = `(id) => {
  const store = window.__jxStore;
  if (store && typeof store.getState === 'function' && typeof store.getState().industryChosen === 'function') {
    store.getState().industryChosen(id); return 'store.industryChosen';
  }
  const button = document.querySelector('[data-testid="industry-filter"] button[data-industry="' + CSS.escape(id ?? '') + '"]');
  if (button) { button.click(); return 'click industry button'; }
  return null;
}`;

const BARE_TRIGGER = `(id, mode) => { window.__bare.setIndustry(id, mode); return 'bare ' + mode; }`;

async function timeChanges(page: Page, trigger: string, ids: (string | null)[], mode: string): Promise<ChangeSample> {
  const ms: number[] = [];
  const js: number[] = [];
  let how = '';
  await page.evaluate(`window.__benchTrigger = ${trigger}`);
  for (const id of ids) {
    const r = await page.evaluate(
      ({ id, mode }) =>
        new Promise<{ ms: number; js: number; how: string | null }>((resolve, reject) => {
          const map = (window as unknown as { __jxMap: { once(e: string, f: () => void): void } }).__jxMap;
          const timer = setTimeout(() => reject(new Error('no idle within 30 s')), 30_000);
          const t0 = performance.now();
          let js = Number.NaN;
          map.once('idle', () => {
            clearTimeout(timer);
            resolve({ ms: performance.now() - t0, js, how });
          });
          const how = (
            window as unknown as { __benchTrigger(id: string | null, mode: string): string | null }
          ).__benchTrigger(id, mode);
          // Queued after React's own microtask flush of the click: the synchronous JS cost before the map repaints.
          queueMicrotask(() => {
            js = performance.now() - t0;
          });
          if (!how) {
            clearTimeout(timer);
            resolve({ ms: Number.NaN, js: Number.NaN, how: null });
          }
        }),
      { id, mode },
    );
    if (r.how === null)
      return { ms: [], p50: Number.NaN, p95: Number.NaN, how: 'no trigger found', error: 'no trigger' };
    how = r.how;
    ms.push(r.ms);
    js.push(r.js);
  }
  return { ms, p50: median(ms), p95: percentile(ms, 95), jsP50: median(js), jsP95: percentile(js, 95), how };
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as { __firstIdle?: number }).__firstIdle !== undefined, undefined, {
    timeout: 60_000,
  });
}

export async function benchChanges(
  browser: Browser,
  sites: Record<Target, { url: string; origin: string }>,
  industries: string[],
  changes: number,
): Promise<{ app: ChangeSample; bareState: ChangeSample; barePaint: ChangeSample }> {
  // A cycle through the industries with "all industries" between rounds, so every change differs from the last.
  const ids: (string | null)[] = [];
  for (let i = 0; ids.length < changes; i++)
    ids.push(
      i % (industries.length + 1) === industries.length ? null : (industries[i % (industries.length + 1)] as string),
    );
  const errors: string[] = [];
  const offOrigin: string[] = [];
  const run = async (target: Target, trigger: string, mode: string) => {
    const page = await newPage(browser, sites[target].origin, offOrigin, errors);
    try {
      await page.goto(sites[target].url);
      await settle(page);
      await timeChanges(page, trigger, ids.slice(0, 3), mode); // warm-up
      return await timeChanges(page, trigger, ids, mode);
    } catch (error) {
      return { ms: [], p50: Number.NaN, p95: Number.NaN, how: '', error: String(error) };
    } finally {
      await page.context().close();
    }
  };
  const bareState = await run('bare', BARE_TRIGGER, 'state');
  const barePaint = await run('bare', BARE_TRIGGER, 'paint');
  const app = await run('app', APP_TRIGGER, '');
  return { app, bareState, barePaint };
}
