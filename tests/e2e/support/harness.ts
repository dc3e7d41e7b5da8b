/**
 * What each spec needs around a page: the shared Chromium, a context that aborts and records every request not on
 * the test server's origin, console-error collection, waiting for the map's `idle`, axe-core and screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

const require = createRequire(import.meta.url);
export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

export const DESKTOP = { width: 1366, height: 900 } as const;
export const PHONE = { width: 375, height: 667 } as const;

let shared: Browser | undefined;
/** Uncaught errors per page, so waits can stop early when the app has crashed. */
const pageErrors = new WeakMap<Page, string[]>();

/** The Chromium started by global-setup (one process for the whole run). */
export async function getBrowser(): Promise<Browser> {
  if (!shared?.isConnected()) shared = await chromium.connect(inject('wsEndpoint'));
  return shared;
}

export interface PageSession {
  page: Page;
  context: BrowserContext;
  /** Every URL the page (or its workers) requested. */
  requests: string[];
  /** Requests that were not on the server's origin; they were aborted. */
  offOrigin: string[];
  /** console.error messages and uncaught page errors. */
  consoleErrors: string[];
  /** Responses with an HTTP error status (e.g. a missing file under the sub-path). */
  failedResponses: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Phone emulation: touch, mobile viewport meta, device scale. */
  mobile?: boolean;
  locale?: string;
  reducedMotion?: 'reduce' | 'no-preference';
  /**
   * 'allow' only for the offline test, in its own context: a service worker answers from its cache outside page
   * routing, so every other test blocks it (the default) to keep the interception below complete.
   */
  serviceWorkers?: 'allow' | 'block';
  /** Origin of another server (e.g. a modified copy of dist/); requests anywhere else are aborted and recorded. */
  origin?: string;
  /** Another Chromium than the shared one (e.g. one started with WebGL off, `launchBrowser`). */
  browser?: Browser;
}

/** A Chromium of its own with extra flags (e.g. `--disable-webgl`); the caller closes it. */
export async function launchBrowser(extraArgs: string[]): Promise<Browser> {
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../../../scripts/bench/lib/chromium.ts');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export async function openSession(options: OpenOptions = {}): Promise<PageSession> {
  const browser = options.browser ?? (await getBrowser());
  const origin = options.origin ?? inject('siteOrigin');
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    deviceScaleFactor: 1,
    locale: options.locale ?? 'zh-CN',
    reducedMotion: options.reducedMotion ?? 'reduce',
    // A service worker answers from its cache without any request (nothing for the routing below to see) and would
    // carry state between tests; only the offline test allows one, in its own context.
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const requests: string[] = [];
  const offOrigin: string[] = [];
  const consoleErrors: string[] = [];
  const failedResponses: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  // A missing element fails in 10 s with the locator named, rather than at the 60 s test timeout.
  page.setDefaultTimeout(10_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  const thrown: string[] = [];
  pageErrors.set(page, thrown);
  page.on('pageerror', (err) => {
    consoleErrors.push(`pageerror: ${err.message}`);
    thrown.push(err.message);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) failedResponses.push(`${res.status()} ${res.url()}`);
  });
  return { page, context, requests, offOrigin, consoleErrors, failedResponses, close: () => context.close() };
}

/** The site URL with optional query (e.g. '?lang=en'). */
export function siteUrl(query = ''): string {
  return inject('siteUrl') + query;
}

/**
 * Resolves once the map has rendered everything it has (MapLibre's `idle`). A repaint is requested first so this
 * also returns when the map was already idle; callers that just changed state should first wait for a DOM sign of
 * the change.
 */
export async function waitForMapIdle(page: Page, timeout = 20_000): Promise<void> {
  // Fail fast, with the reason, when the app crashed or shows its data error instead of a map.
  const deadline = Date.now() + timeout;
  for (;;) {
    const errors = pageErrors.get(page) ?? [];
    if (errors.length) throw new Error(`the page threw: ${errors[0]}`);
    const what = await page.evaluate(() =>
      window.__jxMap ? 'map' : (document.querySelector('[data-testid="data-error"]')?.textContent ?? null),
    );
    if (what === 'map') break;
    if (what) throw new Error(`the app shows an error instead of the map: ${what}`);
    if (Date.now() > deadline) throw new Error(`no window.__jxMap after ${timeout} ms`);
    await page.waitForTimeout(100);
  }
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve, reject) => {
        const map = window.__jxMap;
        if (!map) return reject(new Error('window.__jxMap vanished'));
        const timer = setTimeout(() => reject(new Error(`map not idle after ${ms} ms`)), ms);
        // Two animation frames let pending React effects reach the map before we arm the listener.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            map.once('idle', () => {
              clearTimeout(timer);
              resolve();
            });
            map.triggerRepaint();
          }),
        );
      }),
    timeout,
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (all default rules: WCAG 2 A/AA and best practices) and returns the violations, summarised. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated over the DevTools protocol rather than added as a <script>: the app's CSP (script-src 'self')
  // rightly blocks inline scripts, and the test must not weaken it (no bypassCSP).
  if (!hasAxe) await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at runtime and has no global typing here.
    const axe = (window as any).axe;
    const result = await axe.run(document);
    return result.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }),
    );
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Rendered features of the map in the current viewport, reduced to what assertions need. */
export async function renderedFeatures(
  page: Page,
  layers?: string[],
): Promise<{ id: string | number | undefined; layer: string; props: Record<string, unknown> }[]> {
  return page.evaluate((layerIds) => {
    const map = window.__jxMap;
    if (!map) throw new Error('window.__jxMap is missing');
    const existing = layerIds?.filter((id) => map.getLayer(id));
    const features = map.queryRenderedFeatures(existing ? { layers: existing } : undefined);
    return features.map((f) => ({ id: f.id, layer: f.layer.id, props: f.properties ?? {} }));
  }, layers);
}
