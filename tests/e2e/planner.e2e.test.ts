/**
 * The planner's tools (issue 5) in Debian Chromium against the built site: change view, matrix, source reader and
 * downloads, each checked against the published data (computed here from assignments.json, not by the app's code),
 * on the map where they colour it, and with axe. Every test also checks (useSession) that no request left the
 * origin, no HTTP error and no console error. Screenshots at desktop and phone size go to tests/e2e/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Assignment } from '../../src/domain/types.ts';
import { csvRecords } from './support/csv.ts';
import { defaultPair, expectedChanges, industryAndDescendants, publishedData, seedLines } from './support/data.ts';
import { PHONE, runAxe, screenshot, waitForMapIdle } from './support/harness.ts';
import { colourDistance, pixelsAt, placeOnScreen } from './support/map.ts';
import { featureStates, horizontalOverflow, inView, load, query, toHex } from './support/planner.ts';
import { useSession } from './support/session.ts';
import { serveModifiedCopy } from './support/sites.ts';

interface GeoFile {
  type: string;
  features: { id: string; properties: Record<string, unknown> }[];
}

const XINYU = '360500';
const PV = 'photovoltaics';
const PLAN_2012 = '2012-it-12th-fyp';
const PLAN_2014 = '2014-key-industries';

/** What the change list shows: place → kind, for one industry. */
async function listedChanges(page: Page, industry: string): Promise<Map<string, string>> {
  const rows = page.locator(`[data-testid="change-row"][data-industry="${industry}"]`);
  const pairs = await rows.evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-place') ?? '', el.getAttribute('data-kind') ?? ''] as const),
  );
  return new Map(pairs);
}

/** The colour the legend/list swatch of each change kind shows (what a user is told each colour means). */
async function kindColours(page: Page): Promise<Record<string, string>> {
  const raw = await page
    .getByTestId('change-counts')
    .locator('li[data-kind]')
    .evaluateAll((els) =>
      els.map((el) => {
        const swatch = el.querySelector('.swatch');
        return [el.getAttribute('data-kind') ?? '', swatch ? getComputedStyle(swatch).backgroundColor : ''] as const;
      }),
    );
  return Object.fromEntries(raw.map(([k, c]) => [k, toHex(c)]));
}

/** Checks the change view for one industry against the data, on the list and on the map; returns the expectation. */
async function checkChanges(page: Page, from: string, to: string, industry: string) {
  const data = await publishedData();
  const expected = expectedChanges(data, from, to, industry);
  const view = page.getByTestId('change-view');
  expect(await view.getAttribute('data-from')).toBe(from);
  expect(await view.getAttribute('data-to')).toBe(to);
  await expect.poll(() => listedChanges(page, industry)).toEqual(expected);
  // Only the chosen industry is listed (its sub-industries roll up to it).
  expect(await page.locator(`[data-testid="change-row"]:not([data-industry="${industry}"])`).count()).toBe(0);
  const count = (kind: string) =>
    page.getByTestId('change-counts').locator(`li[data-kind="${kind}"] .count`).textContent();
  for (const kind of ['gained', 'dropped'])
    expect(Number(await count(kind))).toBe([...expected.values()].filter((k) => k === kind).length);

  await waitForMapIdle(page);
  const colours = await kindColours(page);
  const states = await featureStates(page, [...expected.keys()]);
  for (const [place, kind] of expected) {
    expect(states[place]?.change, `change state of ${place}`).toBe(kind);
    expect(toHex(states[place]?.fill ?? '#000000'), `fill of ${place} (${kind})`).toBe(colours[kind]);
  }
  return { expected, colours };
}

/** Most of a city's pixels on screen are the given colour (labels, outlines and park dots take the rest). */
async function paintedAs(page: Page, place: string, colour: string): Promise<number> {
  const { points } = await placeOnScreen(page, place);
  expect(points.length, `${place} is on screen`).toBeGreaterThan(3);
  const pixels = await pixelsAt(page, points);
  return pixels.filter((p) => colourDistance(p, colour) < 40).length / pixels.length;
}

describe('planner tools (desktop)', () => {
  const session = useSession();

  test('change view: default pair and an explicit pair list the gained and dropped places the data gives, and the map colours them', async () => {
    const { page } = await session.open();
    const data = await publishedData();
    const pair = defaultPair(data);

    // Default pair (earliest and latest plan that assign anything), one industry with gains and drops.
    await load(page, '?view=changes&industry=pharma');
    expect(await page.getByTestId('view-changes').getAttribute('aria-selected')).toBe('true');
    const first = await checkChanges(page, pair.from, pair.to, 'pharma');
    const gained = [...first.expected].filter(([, k]) => k === 'gained').map(([p]) => p);
    const dropped = [...first.expected].filter(([, k]) => k === 'dropped').map(([p]) => p);
    expect(gained.length).toBeGreaterThan(0);
    expect(dropped.length).toBeGreaterThan(0);
    // On screen, not only in feature-state: a gained and a dropped city are painted in their kind's colour.
    const cityIds = new Set(data.places.filter((p) => p.properties.level === 'city').map((p) => p.id));
    const gainedCity = gained.find((p) => cityIds.has(p));
    const droppedCity = dropped.find((p) => cityIds.has(p));
    if (!gainedCity || !droppedCity) throw new Error('expected a gained and a dropped city for pharma');
    expect(await paintedAs(page, gainedCity, first.colours.gained ?? '')).toBeGreaterThan(0.5);
    expect(await paintedAs(page, droppedCity, first.colours.dropped ?? '')).toBeGreaterThan(0.5);
    // The matching rule is stated in the UI.
    expect((await page.getByTestId('change-matching').textContent())?.length ?? 0).toBeGreaterThan(10);

    // A gained row's sentences are the later plan's own words, with citations.
    const row = page.locator(`[data-testid="change-row"][data-place="${gainedCity}"]`);
    await row.getByTestId('change-sentences-toggle').click();
    const quotes = await row.getByTestId('change-sentences').locator('blockquote').allTextContents();
    const later = data.assignments.filter(
      (a) =>
        a.plan === pair.to &&
        a.place === gainedCity &&
        industryAndDescendants(data.industries, 'pharma').has(a.industry),
    );
    expect(quotes.sort()).toEqual(later.map((a) => a.quote).sort());
    expect(await row.getByTestId('change-sentences').getByTestId('source-link').count()).toBe(later.length);
    await screenshot(page, 'desktop-changes');
    expect(await runAxe(page), 'axe on the change view').toEqual([]);

    // An explicit pair with a parent industry: its sub-industries (copper, tungsten, rare earths …) count under it.
    await load(page, `?view=changes&from=${PLAN_2012}&to=${PLAN_2014}&industry=nonferrous`);
    const second = await checkChanges(page, PLAN_2012, PLAN_2014, 'nonferrous');
    expect([...second.expected.values()]).toEqual(expect.arrayContaining(['gained', 'dropped']));

    // 光伏 between the same plans: 南昌 and 景德镇 were dropped by the 2014 opinion; nothing was gained.
    await load(page, `?view=changes&from=${PLAN_2012}&to=${PLAN_2014}&industry=${PV}`);
    const pv = await checkChanges(page, PLAN_2012, PLAN_2014, PV);
    expect(pv.expected.get('360100')).toBe('dropped');
    expect(pv.expected.get('360200')).toBe('dropped');
    expect(await runAxe(page), 'axe on the change view (explicit pair)').toEqual([]);
  });

  test('matrix: a real table; arrows move focus; Enter on 新余 × 光伏 and a click on 上饶 × 光伏 open the sentences of the data', async () => {
    const { page } = await session.open();
    const data = await publishedData();
    await load(page, '?view=matrix');
    const table = page.getByTestId('matrix-table');
    await table.waitFor();
    // A table a screen reader can walk: caption, column headers, row-group and row headers.
    expect(await table.evaluate((t) => t.tagName)).toBe('TABLE');
    expect(await table.locator('caption').count()).toBe(1);
    expect(await table.locator('thead th[scope="col"]').count()).toBeGreaterThan(5);
    expect(await table.locator('tbody th[scope="rowgroup"]').count()).toBeGreaterThanOrEqual(11);
    expect(await table.locator('tbody th[scope="row"]').count()).toBeGreaterThan(20);

    const pvScope = industryAndDescendants(data.industries, PV);
    const behind = (place: string) => data.assignments.filter((a) => a.place === place && pvScope.has(a.industry));
    const strongest = (list: Assignment[]) =>
      (['core', 'focus', 'supporting'] as const).find((r) => list.some((a) => a.role === r));
    const cell = table.locator(`td[data-testid="matrix-cell"][data-place="${XINYU}"][data-industry="${PV}"]`);
    expect(await cell.getAttribute('data-role')).toBe(strongest(behind(XINYU)));

    // Roving focus: one cell in the tab order; arrows move it, and back.
    const r = Number(await cell.getAttribute('data-r'));
    const c = Number(await cell.getAttribute('data-c'));
    await cell.focus();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.tagName === 'TD' ? `${el.dataset.r},${el.dataset.c}` : String(el?.tagName);
      });
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(`${r},${c + 1}`);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(`${r + 1},${c + 1}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(`${r},${c}`);
    expect(await table.locator('td[tabindex="0"]').count()).toBe(1);

    // Enter opens the cell's sentences: exactly the data's assignments, verbatim, each with its citation.
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('cell-sentences');
    await panel.waitFor();
    expect(query(page, 'cell')).toBe(`${XINYU}~${PV}`);
    await checkCellSentences(page, behind(XINYU));
    await screenshot(page, 'desktop-matrix');
    expect(await runAxe(page), 'axe on the matrix with a cell open').toEqual([]);

    // A click does the same for another cell.
    const shangrao = '361100';
    await table.locator(`td[data-testid="matrix-cell"][data-place="${shangrao}"][data-industry="${PV}"]`).click();
    await expect.poll(() => query(page, 'cell')).toBe(`${shangrao}~${PV}`);
    await checkCellSentences(page, behind(shangrao));
  });

  test('source reader: a deep link focuses its line; its highlights list their assignments; a place opens on the map', async () => {
    const { page } = await session.open();
    const data = await publishedData();
    const target = data.assignments.find((a) => a.plan === PLAN_2014 && a.place === XINYU && a.industry === PV);
    if (!target) throw new Error('no 2014 光伏 assignment for 新余');
    const { file, line } = target.source;
    const onLine = data.assignments.filter((a) => a.source.file === file && a.source.line === line);
    await load(page, `?source=${file}&line=${line}`);
    const reader = page.getByTestId('source-view');
    await reader.waitFor();
    const li = reader.locator(`li[data-line="${line}"]`);
    await li.waitFor();
    // The line is the document's own text, focused, marked current and scrolled into view.
    expect(await li.textContent()).toBe((await seedLines(file))[line - 1]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-line'))).toBe(String(line));
    expect(await li.getAttribute('aria-current')).toBe('true');
    expect(await inView(page, `[data-testid="source-view"] li[data-line="${line}"]`)).toBe(true);
    const lines = await reader.getByTestId('source-lines').locator('li').count();
    expect(lines).toBe((await seedLines(file)).length);

    // As the deep link opens: the line's first highlight that assigns something is chosen and explained.
    await expect.poll(() => reader.getByTestId('source-assignment').count()).toBeGreaterThan(0);
    await screenshot(page, 'desktop-source');
    expect(await runAxe(page), 'axe on the source reader').toEqual([]);

    // Each highlight on the line lists what it produced; together, every assignment quoted from this line.
    const highlights = reader.locator(`[data-testid="source-highlight"][data-line="${line}"]`);
    const n = await highlights.count();
    expect(n).toBeGreaterThan(0);
    const listed = new Set<string>();
    let targetHighlight = -1;
    for (let i = 0; i < n; i++) {
      await highlights.nth(i).click();
      await expect.poll(() => highlights.nth(i).getAttribute('aria-current')).toBe('true');
      const ids = await reader
        .getByTestId('source-detail')
        .getByTestId('source-assignment')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-assignment') ?? ''));
      expect(ids.length).toBe(Number(await highlights.nth(i).getAttribute('data-assignments')));
      for (const id of ids) listed.add(id);
      if (ids.includes(target.id)) targetHighlight = i;
    }
    expect([...listed].sort()).toEqual(onLine.map((a) => a.id).sort());

    // The place button closes the reader and selects the place on the map.
    await highlights.nth(targetHighlight).click();
    await reader
      .getByTestId('source-detail')
      .locator(`[data-assignment="${target.id}"] button[data-place="${XINYU}"]`)
      .click();
    await expect.poll(() => page.getByTestId('place-panel').getAttribute('data-place')).toBe(XINYU);
    expect(await page.getByTestId('source-view').count()).toBe(0);
    expect(query(page, 'place')).toBe(XINYU);
    expect(query(page, 'source')).toBeNull();
  });

  test('downloads: CSV (UTF-8 BOM) and GeoJSON hold exactly the rows the filter shows', async () => {
    const { page } = await session.open();
    const data = await publishedData();
    const scope = industryAndDescendants(data.industries, PV);
    const expected = data.assignments.filter((a) => a.plan === PLAN_2014 && scope.has(a.industry));
    expect(expected.length).toBeGreaterThan(0);
    await load(page, `?industry=${PV}&plan=${PLAN_2014}`);
    // What the filter shows: the places listed in the industry view.
    const shownPlaces = await page
      .getByTestId('industry-view')
      .locator('button[data-place]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-place') ?? ''));
    expect(new Set(shownPlaces)).toEqual(new Set(expected.map((a) => a.place)));

    await page.getByTestId('downloads-button').click();
    const dialog = page.getByTestId('downloads');
    await dialog.waitFor();
    expect(await dialog.getByTestId('downloads-scope').textContent()).toContain(String(expected.length));

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('download-csv').click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await saved(csvDownload);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const records = csvRecords(text);
    expect(records.map((r) => r.assignment_id)).toEqual(expected.map((a) => a.id));
    for (const [i, a] of expected.entries()) {
      const r = records[i];
      // A quote that starts like a formula gets a leading ' (CSV injection guard); none of the others change.
      expect(r?.quote).toBe(/^[=+\-@]/.test(a.quote) ? `'${a.quote}` : a.quote);
      expect(r?.place_id).toBe(a.place);
      expect(r?.plan_id).toBe(a.plan);
      expect(r?.role).toBe(a.role);
      expect(r?.source_line).toBe(String(a.source.line));
      expect(r?.place_zh).toBe(data.places.find((p) => p.id === a.place)?.properties.zh);
    }

    const [geoDownload] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('download-geojson').click(),
    ]);
    expect(geoDownload.suggestedFilename()).toMatch(/\.geojson$/);
    const geo = JSON.parse((await saved(geoDownload)).toString('utf8')) as GeoFile;
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBe(expected.length);
    expect(geo.features.map((f) => f.id)).toEqual(expected.map((a) => a.id));
  });

  test('downloads: a field with commas, quotes and a line break survives the CSV and GeoJSON round trip', async () => {
    // The real data has no ASCII comma, quote or line break in any field, so a copy of the site gets one.
    const tricky = { enterprises: ['赛维LDK, "晶科"\n能源'], products: ['硅片,电池', '组件'] };
    let changed = '';
    const site = await serveModifiedCopy((dir) => {
      const file = path.join(dir, 'data', 'assignments.json');
      const json = JSON.parse(readFileSync(file, 'utf8')) as { assignments: Assignment[] };
      const a = json.assignments.find((x) => x.plan === PLAN_2014 && x.industry === PV && x.place === XINYU);
      if (!a) throw new Error('no 2014 光伏 assignment for 新余');
      Object.assign(a, tricky);
      changed = a.id;
      writeFileSync(file, JSON.stringify(json));
    });
    try {
      const { page } = await session.open({ origin: site.origin });
      await page.goto(`${site.url}?industry=${PV}&plan=${PLAN_2014}`);
      await waitForMapIdle(page);
      await page.getByTestId('downloads-button').click();
      const dialog = page.getByTestId('downloads');
      const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('download-csv').click()]);
      const text = (await saved(csv)).toString('utf8').replace(/^\uFEFF/, '');
      // RFC 4180 on the wire: the field is quoted and its quotes doubled …
      expect(text).toContain('"赛维LDK, ""晶科""\n能源"');
      // … and it reads back as written.
      const row = csvRecords(text).find((r) => r.assignment_id === changed);
      expect(row?.enterprises).toBe(tricky.enterprises.join('、'));
      expect(row?.products).toBe(tricky.products.join('、'));
      const [geo] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('download-geojson').click()]);
      const features = (JSON.parse((await saved(geo)).toString('utf8')) as GeoFile).features;
      const feature = features.find((f) => f.id === changed);
      expect(feature?.properties.enterprises).toEqual(tricky.enterprises);
      expect(feature?.properties.products).toEqual(tricky.products);
    } finally {
      await site.close();
    }
  });
});

/** A download's bytes (the browser runs in another process, so it is saved to a temp file first). */
async function saved(download: Download): Promise<Buffer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jx-e2e-download-'));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The open matrix cell lists exactly these assignments: verbatim quotes (= the seed line's slice) and citations. */
async function checkCellSentences(page: Page, expected: Assignment[]): Promise<void> {
  const panel = page.getByTestId('cell-sentences');
  await expect
    .poll(() =>
      panel.getByTestId('assignment').evaluateAll((els) => els.map((el) => el.getAttribute('data-assignment') ?? '')),
    )
    .toEqual(expect.arrayContaining(expected.map((a) => a.id)));
  expect(await panel.getByTestId('assignment').count()).toBe(expected.length);
  for (const a of expected) {
    const item = panel.locator(`[data-assignment="${CSS_escape(a.id)}"]`);
    expect(await item.locator('blockquote').textContent()).toBe(a.quote);
    expect((await seedLines(a.source.file))[a.source.line - 1]?.slice(a.source.start, a.source.end)).toBe(a.quote);
    const href = (await item.getByTestId('source-link').getAttribute('href')) ?? '';
    const params = new URLSearchParams(href.slice(href.indexOf('?')));
    expect(params.get('source')).toBe(a.source.file);
    expect(params.get('line')).toBe(String(a.source.line));
    expect(await item.getByTestId('source-link').textContent()).toContain(String(a.source.line));
  }
}

/** Attribute-selector escaping for ids such as `2014-key-industries:32:9:360500:photovoltaics`. */
function CSS_escape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

describe('planner tools (phone 375×667)', () => {
  const session = useSession();

  test('change view, matrix and source reader fit a phone screen', async () => {
    const { page } = await session.open({ viewport: PHONE, mobile: true });
    const data = await publishedData();
    await load(page, '?view=changes&industry=pharma');
    await page.getByTestId('change-view').waitFor({ state: 'attached' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-changes');
    const axe: Record<string, unknown> = { changes: await runAxe(page) };

    await load(page, '?view=matrix');
    const table = page.getByTestId('matrix-table');
    await table.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The table scrolls inside its own box; its header row stays in place when it does.
    const header = table.locator('thead tr').last();
    const before = await header.boundingBox();
    await page
      .getByTestId('matrix')
      .locator('.matrix-scroll')
      .evaluate((el) => el.scrollBy(0, 400));
    await expect.poll(async () => (await header.boundingBox())?.y).toBeCloseTo(before?.y ?? -1, 0);
    await screenshot(page, 'phone-matrix');
    axe.matrix = await runAxe(page);

    const target = data.assignments.find((a) => a.plan === PLAN_2014 && a.place === XINYU && a.industry === PV);
    await load(page, `?source=${target?.source.file}&line=${target?.source.line}`);
    await page.getByTestId('source-lines').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-line')))
      .toBe(String(target?.source.line));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-source');
    axe.source = await runAxe(page);
    expect(axe, 'axe on the phone views').toEqual({ changes: [], matrix: [], source: [] });
  });
});
