/**
 * Issue 12: a painted map before the live one, and the explorer without WebGL.
 *
 * - Without WebGL (a Chromium started with --disable-webgl: no WebGL or WebGL2 context, which is what makes MapLibre
 *   throw "WebGL2 is required"), the map's box shows the static map of the default view and a note in the interface
 *   language; maplibre-gl is never requested; place search opens the panel and outlines the place on the static map;
 *   filters, the source reader and the matrix still work.
 * - With WebGL, the static map is in the HTML itself, shows while the live map loads (the map chunk is held back),
 *   and the live map replaces it at its first idle with cities where they were (label positions within a few pixels)
 *   and no layout shift.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, PHONE, runAxe, screenshot, siteUrl, waitForMapIdle } from './support/harness.ts';
import { useSession } from './support/session.ts';

const XINYU = '360500';
/** The live map's colours for "all industries" (src/state/colors.ts countColor range): what the static map must use. */
const COUNT_COLOURS = ['#fdd0a2', '#fdae6b', '#f16913', '#d94801', '#7f2704'];

const query = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** What of the static map a visitor sees: visible or not, its size, the colours of its counties, its caption. */
async function staticMap(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="static-map"]');
    const svg = el?.querySelector('svg');
    const box = svg?.getBoundingClientRect();
    const fills = [...(svg?.querySelectorAll('g[fill]:not([fill="none"]) > path[id^="sm-"]') ?? [])].map(
      (p) => (p.parentElement as Element).getAttribute('fill') ?? '',
    );
    const caption = [...(el?.querySelectorAll('.static-map-caption span') ?? [])]
      .filter((s) => (s as HTMLElement).offsetParent !== null)
      .map((s) => s.textContent ?? '');
    return {
      visible: !!el && !el.hidden && (box?.width ?? 0) > 0,
      width: box?.width ?? 0,
      height: box?.height ?? 0,
      counties: fills.length,
      colours: [...new Set(fills)],
      caption,
      selected: svg?.querySelector('use.selected')?.getAttribute('href') ?? null,
    };
  });
}

describe('without WebGL', () => {
  const session = useSession();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(['--disable-webgl']);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('static map, a note in the interface language, and search, panel, filters, reader and matrix work', async () => {
    const { page, requests } = await session.open({ browser });
    await page.goto(siteUrl());
    // The flag really takes WebGL away (MapLibre would fail with its own English error).
    expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2'))).toBeNull();

    const note = page.getByTestId('no-webgl-note');
    await expect.poll(() => note.textContent()).toContain('交互地图需要 WebGL');
    const shown = await staticMap(page);
    expect(shown.visible).toBe(true);
    expect(shown.width).toBeGreaterThan(300);
    expect(shown.counties).toBeGreaterThan(90);
    // Coloured as the default map: only the "number of industries" ramp (every county has some claim in reach).
    expect(shown.colours.length).toBeGreaterThanOrEqual(3);
    for (const c of shown.colours) expect(COUNT_COLOURS).toContain(c);
    // The note says what the static map is (the preview caption would repeat it).
    expect(shown.caption).toEqual([]);
    // The note fits its box on a desktop (MapLibre's error overflowed it).
    const overflow = await note.evaluate((n) => n.scrollWidth - n.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => window.__jxMap)).toBeUndefined();
    expect(requests.filter((u) => /ExplorerMap|maplibre/i.test(u))).toEqual([]);
    await screenshot(page, 'no-webgl-overview');
    expect(await runAxe(page)).toEqual([]);

    // Place search → panel, and the place outlined on the static map.
    const search = page.getByRole('combobox');
    await search.fill('新余');
    await search.press('Enter');
    await expect.poll(() => query(page, 'place')).toBe(XINYU);
    const panel = page.getByTestId('place-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).first().textContent()).toContain('新余');
    expect((await staticMap(page)).selected).toBe(`#sm-${XINYU}`);
    await screenshot(page, 'no-webgl-place');

    // The source reader opens from the panel's citation.
    await panel.getByTestId('source-link').first().click();
    await expect.poll(() => query(page, 'source')).not.toBeNull();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // A filter: the industry view lists places; the static map (default view only) makes way, the note stays.
    const pv = page.getByTestId('industry-filter').getByRole('button', { name: /光伏/ }).first();
    await pv.click();
    await expect.poll(() => query(page, 'industry')).toBe('photovoltaics');
    await expect.poll(async () => (await staticMap(page)).visible).toBe(false);
    expect(await note.isVisible()).toBe(true);

    // The matrix view.
    await page.getByRole('tab', { name: '分工矩阵' }).click();
    await expect.poll(() => page.locator('table').count()).toBeGreaterThan(0);

    // English: the note and the caption follow the language.
    await page.goto(siteUrl('?lang=en'));
    await expect.poll(() => note.textContent()).toContain('The interactive map needs WebGL');
    expect(await runAxe(page)).toEqual([]);
  });

  test('on a phone the note fits the screen, in English too, and the static map shows', async () => {
    const { page } = await session.open({ browser, viewport: PHONE, mobile: true });
    for (const [query, text] of [
      ['', '交互地图需要 WebGL'],
      ['?lang=en', 'The interactive map needs WebGL'],
    ] as const) {
      await page.goto(siteUrl(query));
      const note = page.getByTestId('no-webgl-note');
      await expect.poll(() => note.textContent()).toContain(text);
      const box = await note.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
      expect(await note.evaluate((n) => n.scrollWidth - n.clientWidth)).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect((await staticMap(page)).visible).toBe(true);
    }
    await screenshot(page, 'no-webgl-phone-en');
  });
});

describe('static map → live map', () => {
  const session = useSession();

  // The static map is framed like the live map's default fit (src/map/fit.ts: the legend's strip on the left, or at
  // the bottom where that shows the province larger, as on a narrow screen).
  test.each([
    ['1366×900', { width: 1366, height: 900 }, false],
    ['1024×768', { width: 1024, height: 768 }, false],
    ['375×667', PHONE, true],
  ] as const)(
    '%s: the page paints the static map from its HTML; the live map replaces it in place, with no layout shift',
    async (_name, viewport, mobile) => {
      const { page, context } = await session.open({ viewport, mobile });
      // The HTML itself carries the map: nothing to run or fetch for the first painted map.
      const html = await (await fetch(siteUrl())).text();
      expect(html).toContain('data-testid="static-map"');
      expect(html).toContain('<svg');

      await page.addInitScript(() => {
        const w = window as unknown as { __shifts: number };
        w.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
            if (!e.hadRecentInput) w.__shifts += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      // Hold the map module back, so the static map is what the visitor sees meanwhile.
      let release: () => void = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      await context.route(/ExplorerMap-[^/]*\.js$/, async (route) => {
        await held;
        await route.fallback();
      });
      await page.goto(siteUrl());
      await expect.poll(async () => (await staticMap(page)).visible).toBe(true);
      // By now the data is in and the explorer rendered around it (the panel lists places), the map is not.
      await expect.poll(() => page.getByTestId('map').locator('canvas').count()).toBe(0);
      const before = await staticMap(page);
      expect(before.counties).toBeGreaterThan(90);
      // Labelled as a preview of the default view, so it is not taken for the live map.
      expect(before.caption.join('')).toContain('预览图');
      await screenshot(page, 'first-paint-static');
      // Where the static map draws the cities' labels, in page pixels.
      const staticLabels = await page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('.static-map-svg text')].map((t) => {
            const r = (t.querySelector('.sm-zh') as SVGTextContentElement).getBoundingClientRect();
            return [t.querySelector('.sm-zh')?.textContent ?? '', [r.x + r.width / 2, r.y + r.height / 2]];
          }),
        ),
      );

      release();
      await waitForMapIdle(page);
      await expect.poll(async () => (await staticMap(page)).visible).toBe(false);
      await screenshot(page, 'first-paint-live');
      // The live map's city label points, projected to page pixels: the same places as on the static map.
      const liveLabels = await page.evaluate(() => {
        const map = window.__jxMap;
        if (!map) throw new Error('no map');
        const box = map.getCanvas().getBoundingClientRect();
        const out: Record<string, [number, number]> = {};
        for (const f of map.querySourceFeatures('labels')) {
          if (f.properties.level !== 'city') continue;
          const [lon, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
          const p = map.project([lon, lat]);
          out[String(f.properties.name_zh)] = [box.x + p.x, box.y + p.y];
        }
        return out;
      });
      const names = Object.keys(staticLabels);
      expect(names.length).toBe(11);
      for (const name of names) {
        const [sx, sy] = staticLabels[name] as [number, number];
        const live = liveLabels[name];
        expect(live, name).toBeDefined();
        const [lx, ly] = live as [number, number];
        expect(Math.hypot(sx - lx, sy - ly), `${name}: static vs live label position (px)`).toBeLessThan(4);
      }
      expect(await page.evaluate(() => (window as unknown as { __shifts: number }).__shifts)).toBe(0);
    },
  );
});

describe('the first paint is in the reader language', () => {
  const session = useSession();

  const zhIntro = '点击地图上的地点、搜索地名，或选择一个产业，查看规划把它布局在哪里。';
  for (const { locale, lang, title, intro, phone } of [
    {
      locale: 'en-US',
      lang: 'en',
      title: 'Jiangxi industrial layout explorer',
      intro: 'Click a place on the map, search for one, or choose an industry to see where the plans put it.',
    },
    { locale: 'zh-CN', lang: 'zh-CN', title: '江西产业布局地图', intro: zhIntro },
    // On a phone the panel sits under the sheet's handle: the shell's handle must be as tall as the explorer's.
    { locale: 'zh-CN', lang: 'zh-CN', title: '江西产业布局地图', intro: zhIntro, phone: true },
  ])
    test(`${locale}${phone ? ' phone' : ''}: before the app's script runs, the shell and the static map are in ${lang}; the largest paint stays the first`, async () => {
      const { page, context } = await session.open(phone ? { locale, viewport: PHONE, mobile: true } : { locale });
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: { t: number; text: string }[] };
        w.__lcp = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { startTime: number; element: Element | null }[])
            w.__lcp.push({ t: e.startTime, text: e.element?.textContent?.slice(0, 40) ?? '' });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      // Hold the app's own script back: what shows meanwhile is index.html, boot-lang.js and the CSS.
      let release: () => void = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      await context.route(/assets\/index-[^/]*\.js$/, async (route) => {
        await held;
        await route.fallback();
      });
      await page.goto(siteUrl(), { waitUntil: 'commit' });
      await page.waitForSelector('h1');
      await page.waitForFunction(() => document.readyState !== 'loading');
      const shell = await page.evaluate(() => {
        const shown = (sel: string) =>
          [...document.querySelectorAll<HTMLElement>(sel)]
            .filter((e) => e.offsetParent !== null)
            // biome-ignore lint/performance/useDomNodeTextContent: the visible text (the shell holds both languages)
            .map((e) => e.innerText);
        return { lang: document.documentElement.lang, h1: shown('h1'), intro: shown('.overview p') };
      });
      expect(shell.lang).toBe(lang);
      expect(shell.h1).toEqual([title]);
      expect(shell.intro).toEqual([intro]);
      expect((await staticMap(page)).caption.join('')).toMatch(lang === 'en' ? /Preview/ : /预览图/);
      await screenshot(page, `first-paint-shell-${lang}${phone ? '-phone' : ''}`);
      const released = await page.evaluate(() => performance.now());
      release();
      await page.getByTestId('overview').waitFor();
      await waitForMapIdle(page);
      expect(await page.locator('h1').textContent()).toBe(title);
      // The explorer's text is the shell's, in the same boxes: nothing it paints is larger than the first paint.
      const lcp = await page.evaluate(() => (window as unknown as { __lcp: { t: number; text: string }[] }).__lcp);
      expect(lcp.length).toBeGreaterThan(0);
      expect(lcp.filter((e) => e.t > released)).toEqual([]);
    });
});
