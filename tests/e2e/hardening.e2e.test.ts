/**
 * Hardening (issue 6) as a visitor meets it: a corrupt or missing data file gives a clear message naming the file,
 * never a blank page; hostile URL parameters inject nothing and fall back to the defaults; the page's
 * Content-Security-Policy allows only the site's own origin, and the browser enforces it.
 */
import { rmSync, truncateSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { URL_KEYS } from '../../src/state/url.ts';
import { defaultPair, publishedData } from './support/data.ts';
import type { PageSession } from './support/harness.ts';
import { siteUrl, waitForMapIdle } from './support/harness.ts';
import { useSession } from './support/session.ts';
import { serveModifiedCopy } from './support/sites.ts';

const HAN = /[\u4e00-\u9fff]/;
/** Markup that would run if any parameter reached the DOM as HTML. */
const PAYLOAD =
  '"><img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script><svg onload=alert(3)>';

/** Removes and returns the entries matching `pattern` (errors a test provoked on purpose and asserts itself). */
function take(list: string[], pattern: RegExp): string[] {
  const taken = list.filter((e) => pattern.test(e));
  const rest = list.filter((e) => !pattern.test(e));
  list.splice(0, list.length, ...rest);
  return taken;
}

async function dataError(page: Page) {
  const box = page.getByTestId('data-error');
  await box.waitFor();
  return {
    text: (await box.textContent()) ?? '',
    heading: (await box.getByRole('heading', { level: 1 }).textContent()) ?? '',
    role: await box.getAttribute('role'),
  };
}

/**
 * Records, from before the app's first script, every element added to the document that could run code or load
 * something (script, img, iframe, object, embed, svg, or any on* attribute), and every dialog.
 */
async function watchInjection(s: PageSession) {
  const dialogs: string[] = [];
  s.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // An init script is injected over the DevTools protocol, so the app's CSP does not block it (and is not weakened).
  await s.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __jxInjected: string[] }).__jxInjected = seen;
    const check = (el: Element) => {
      const attrs = [...el.attributes].map((a) => a.name);
      // A script is recorded with its src, so the app's own boot-lang.js can be told from an injected one.
      const src = el.tagName === 'SCRIPT' && el.getAttribute('src');
      if (/^(SCRIPT|IFRAME|OBJECT|EMBED|svg|IMG)$/.test(el.tagName) || attrs.some((a) => a.startsWith('on')))
        seen.push(`<${el.tagName.toLowerCase()} ${attrs.join(' ')}${src ? ` ${src}` : ''}>`);
    };
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof Element) {
            check(n);
            for (const d of n.querySelectorAll('*')) check(d);
          }
    }).observe(document, { childList: true, subtree: true });
  });
  return {
    dialogs,
    injected: () =>
      s.page.evaluate(() => ({
        // The app's own module script(s) carry a src on its origin, boot-lang.js sets <html lang> before the body, and
        // its own static map (index.html, issue 12) is one <svg> with exactly these attributes, moved into the map's
        // box by React; anything else is suspect.
        elements: (window as unknown as { __jxInjected: string[] }).__jxInjected.filter(
          (e) =>
            !/^<script (type src|src type|type crossorigin src|crossorigin type src) \.\/assets\//.test(e) &&
            e !== '<script src ./boot-lang.js>' &&
            e !== '<svg class viewBox preserveAspectRatio aria-hidden focusable xmlns>',
        ),
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        markupInText: document.body.innerHTML.includes('onerror='),
      })),
  };
}

describe('hardening', () => {
  const session = useSession();

  test('a truncated assignments.json and a missing places.topo.json each give a clear message naming the file', async () => {
    const truncated = await serveModifiedCopy(
      (dir) => {
        const file = path.join(dir, 'data', 'assignments.json');
        truncateSync(file, 5000);
      },
      { withFonts: false },
    );
    try {
      const s = await session.open({ origin: truncated.origin });
      await s.page.goto(truncated.url);
      const shown = await dataError(s.page);
      expect(shown.role).toBe('alert');
      expect(shown.heading.trim().length).toBeGreaterThan(0);
      expect(shown.text).toContain('assignments.json');
      expect(shown.text).toMatch(/JSON|truncated|损坏|截断/);
      expect(await s.page.evaluate(() => window.__jxMap === undefined)).toBe(true);
    } finally {
      await truncated.close();
    }

    // The app reads the places from places.topo.json (the topology of places.geojson, issue 12).
    const missing = await serveModifiedCopy((dir) => rmSync(path.join(dir, 'data', 'places.topo.json')), {
      withFonts: false,
    });
    try {
      const s = await session.open({ origin: missing.origin });
      await s.page.goto(`${missing.url}?lang=en`);
      const shown = await dataError(s.page);
      expect(shown.text).toContain('places.topo.json');
      expect(shown.text).toMatch(/missing|404/i);
      // In English too: no Chinese left in the message.
      expect(shown.text).not.toMatch(HAN);
      // The 404 itself is what this test provokes: exactly that response and Chromium's console line about it.
      expect(take(s.failedResponses, /places\.topo\.json/)).toHaveLength(1);
      expect(take(s.consoleErrors, /Failed to load resource: .*404/)).toHaveLength(1);
    } finally {
      await missing.close();
    }
  });

  test('hostile URL parameters (markup in every parameter, very long values, unknown ids) inject nothing and fall back to the defaults', async () => {
    const data = await publishedData();
    const s = await session.open();
    const watch = await watchInjection(s);
    const { page } = s;
    const evil = encodeURIComponent(PAYLOAD);
    // Every parameter the app reads (the URL table's names), plus the composite forms and a foreign one.
    const all = URL_KEYS.map((p) => `${p}=${evil}`).join('&');
    await page.goto(siteUrl(`?${all}&cell=${evil}~${evil}&term=product~${evil}&at=${evil},1,2&utm_source=${evil}`));
    await waitForMapIdle(page);
    expect(await watch.injected()).toEqual({ elements: [], pwned: null, markupInText: false });
    expect(watch.dialogs).toEqual([]);
    // Defaults: the map tab, the overview, Chinese, no reader, no dialog.
    expect(await page.getByTestId('view-map').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('overview').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('source-view').count()).toBe(0);
    expect(await page.getByTestId('plan-filter').locator('button[aria-pressed="true"]').getAttribute('data-plan')).toBe(
      'all',
    );
    expect(await page.locator('[data-testid="role-filter"] input[data-role]:checked').count()).toBe(3);
    // "All industries" (data-industry="") is the one pressed.
    expect(
      await page
        .locator('[data-testid="industry-filter"] button[aria-pressed="true"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-industry'))),
    ).toEqual(['']);

    // Very long values (a URL of ~8 KB: Node's default header limit is 16 KB, so more would be the server's 431)
    // and unknown ids, also where a view would use them.
    const long = (n: number) => 'a'.repeat(n);
    await page.goto(
      siteUrl(`?view=changes&from=${long(5000)}&to=2099-unknown-plan&industry=${long(3000)}&place=999999&roles=admin`),
    );
    await waitForMapIdle(page);
    const pair = defaultPair(data);
    const view = page.getByTestId('change-view');
    expect(await view.getAttribute('data-from')).toBe(pair.from);
    expect(await view.getAttribute('data-to')).toBe(pair.to);
    // No industry (the unknown one fell away): the list compares every industry.
    expect(await page.getByTestId('change-row').count()).toBeGreaterThan(10);

    await page.goto(siteUrl(`?view=matrix&sort=${evil}&city=360500x&cell=360500~nope&source=../../etc/passwd&line=-1`));
    await page.getByTestId('matrix-table').waitFor();
    expect(await page.getByTestId('matrix-sort-place').locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
    expect(await page.getByTestId('matrix-help').count()).toBe(1);
    expect(await page.getByTestId('source-view').count()).toBe(0);
    expect(await page.getByTestId('matrix-city').inputValue()).toBe('');
    expect(await watch.injected()).toEqual({ elements: [], pwned: null, markupInText: false });
    expect(watch.dialogs).toEqual([]);
  });

  test("the Content-Security-Policy allows only 'self', and the browser refuses a request to another origin", async () => {
    const s = await session.open();
    const { page } = s;
    await page.goto(siteUrl());
    await waitForMapIdle(page);
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name as string, values]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // No other origin anywhere: only 'self', 'none' and the local data:/blob: schemes (images, fonts, the map worker).
    const allowed = new Set(["'self'", "'none'", 'data:', 'blob:']);
    const others = [...directives].flatMap(([name, values]) =>
      values.filter((v) => !allowed.has(v)).map((v) => `${name} ${v}`),
    );
    expect(others).toEqual([]);

    // The browser enforces it: fetches to other origins (another port on the same host, a public name) and an image
    // from elsewhere are refused by the policy before any request is made.
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
      const tryFetch = (url: string) =>
        fetch(url).then(
          () => 'loaded',
          (e: Error) => `refused: ${e.name}`,
        );
      const fetches = [await tryFetch('http://127.0.0.1:9/x'), await tryFetch('https://example.com/x.json')];
      const image = await new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('refused');
        img.src = 'https://example.com/x.png';
      });
      await new Promise((r) => setTimeout(r, 50));
      return { fetches, image, violations };
    });
    expect(outcome.fetches).toEqual(['refused: TypeError', 'refused: TypeError']);
    expect(outcome.image).toBe('refused');
    expect(outcome.violations.sort()).toEqual([
      'connect-src http://127.0.0.1:9/x',
      'connect-src https://example.com/x.json',
      'img-src https://example.com/x.png',
    ]);
    // Nothing reached the network (the policy, not the test's interception, stopped them) …
    expect(s.offOrigin).toEqual([]);
    // … and Chromium reports the refusals on the console: those lines are expected, each naming a refused URL.
    const refusals = take(s.consoleErrors, /Content Security Policy/);
    for (const url of ['http://127.0.0.1:9/x', 'https://example.com/x.json', 'https://example.com/x.png'])
      expect(
        refusals.some((line) => line.includes(url)),
        `console line about ${url}`,
      ).toBe(true);
    expect(refusals.every((line) => /127\.0\.0\.1:9\/x|example\.com\/x\./.test(line))).toBe(true);
  });
});
