/**
 * Issue 10, the interface: an English-reading visitor gets English sentences (the project's unofficial translation,
 * with the Chinese original one click away), English products, enterprises and as-written tags, sentences that read
 * right, a first visit that follows the browser's language, and a header that fits from 1024 px up in both languages.
 * Expectations come from the published files (support/data.ts), not from the app's code.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { AuditSentence } from '../../src/domain/types.ts';
import { publishedData, seedLines } from './support/data.ts';
import { runAxe, screenshot, siteUrl, waitForMapIdle } from './support/harness.ts';
import { load, query } from './support/planner.ts';
import { useSession } from './support/session.ts';

const XINYU = '360500';
const HAN = /[\u3400-\u9fff]/;
const EN_BROWSER = { locale: 'en-US' } as const;

const texts = (l: Locator) => l.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
const langs = (l: Locator) => l.evaluateAll((els) => els.map((e) => e.closest('[lang]')?.getAttribute('lang') ?? ''));

/** Sentences a careful English reader would stumble over: "1 assignments", "(s)", "Where X goes". */
async function awkwardEnglish(page: Page): Promise<string[]> {
  const body = (await page.locator('body').innerText()).split('\n');
  return body.filter((l) => /\b1 (assignments|plans|industries|cities|counties)\b|\(s\)|\bWhere .+ goes\b/.test(l));
}

async function auditSentences(file: string): Promise<AuditSentence[]> {
  const res = await fetch(siteUrl('data/audit.json'));
  const audit = (await res.json()) as { plans: { file: string; sentences: AuditSentence[] }[] };
  return audit.plans.find((p) => p.file === file)?.sentences ?? [];
}

describe('English for English readers (issue 10)', () => {
  const session = useSession();

  test('the first visit follows the browser; the stored choice and the URL win', async () => {
    const { page } = await session.open(EN_BROWSER);
    await load(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).not.toMatch(HAN);
    // The URL wins over the browser…
    await load(page, '?lang=zh');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // …and the choice is remembered over the browser on the next visit without a parameter.
    await load(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(query(page, 'lang')).toBeNull();
  });

  test('the place panel: English quotes first, marked as an unofficial translation, the Chinese one click away', async () => {
    const data = await publishedData();
    const { page } = await session.open(EN_BROWSER);
    await load(page, `?place=${XINYU}`);
    const panel = page.getByTestId('place-panel');
    const name = data.places.find((p) => p.id === XINYU)?.properties.en ?? '';
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    const expected = data.assignments.filter((a) => a.place === XINYU);
    const items = panel.getByTestId('assignment');
    expect(await items.count()).toBe(expected.length);
    const first = items.first();
    const id = await first.getAttribute('data-assignment');
    const a = expected.find((x) => x.id === id);
    if (!a?.quoteEn) throw new Error(`assignment ${id} has no English quote`);
    // The English sentence comes first, in lang="en", with the place's English name marked.
    const en = first.locator('blockquote').first();
    expect(await en.getAttribute('lang')).toBe('en');
    expect((await en.textContent())?.trim()).toBe(a.quoteEn);
    expect(await en.locator('mark').allTextContents()).toContain(name);
    // Said to be the project's unofficial translation; the Chinese original is behind one click and authoritative.
    const original = first.locator('details.original');
    expect(await original.locator('summary').textContent()).toMatch(/Unofficial translation.*Chinese original/i);
    const zh = original.locator('blockquote');
    expect(await zh.isVisible()).toBe(false);
    await original.locator('summary').click();
    expect(await zh.isVisible()).toBe(true);
    expect(await zh.getAttribute('lang')).toBe('zh-CN');
    expect((await zh.textContent())?.trim()).toBe(a.quote);
    // Products and enterprises are English (as published, parallel to the Chinese lists).
    const products = expected.flatMap((x) => x.productsEn);
    const shownProducts = (await texts(panel.locator('[data-testid="products"] span[lang]'))).map((t) =>
      t.replace(/^, /, ''),
    );
    expect(shownProducts.length).toBeGreaterThan(0);
    for (const p of shownProducts) expect(products).toContain(p);
    expect(await langs(panel.locator('[data-testid="products"] span[lang]'))).not.toContain('zh-CN');
    const enterprises = panel.locator('[data-testid="enterprises"] span[lang]');
    for (const e of await texts(enterprises)) expect(e).not.toMatch(HAN);
    // The as-written tags are English.
    for (const tag of await texts(panel.getByTestId('as-written'))) expect(tag).not.toMatch(HAN);
    // Only the place's own name (beside the heading) and the opened original are Chinese in the panel.
    const chinese = await panel.evaluate((el) =>
      [...el.querySelectorAll('*')]
        .filter((e) => e.children.length === 0 && /[\u3400-\u9fff]/.test(e.textContent ?? ''))
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .filter((e) => e.closest('[lang]')?.getAttribute('lang') !== 'zh-CN')
        .map((e) => e.textContent),
    );
    expect(chinese, 'visible Chinese not marked lang="zh-CN"').toEqual([]);
    expect(await awkwardEnglish(page)).toEqual([]);
    await first.scrollIntoViewIfNeeded();
    await screenshot(page, 'english-place-panel');
    expect(await runAxe(page)).toEqual([]);
  });

  test('the industry view reads right and lists English products', async () => {
    const { page } = await session.open(EN_BROWSER);
    await load(page, '?industry=lithium');
    const view = page.getByTestId('industry-view');
    const heading = await view.getByRole('heading', { level: 2 }).textContent();
    expect(heading).toBe('Lithium batteries: where the plans put it');
    const products = view.getByTestId('industry-products');
    expect(await products.count()).toBeGreaterThan(0);
    for (const t of await texts(products)) expect(t.replace(/^Products:\s*/, '')).not.toMatch(HAN);
    expect(await awkwardEnglish(page)).toEqual([]);
    await screenshot(page, 'english-industry');
  });

  test('a change row opens English sentences with their Chinese originals', async () => {
    const data = await publishedData();
    const { page } = await session.open(EN_BROWSER);
    await load(page, '?view=changes&industry=pharma');
    const row = page.getByTestId('change-row').first();
    await row.getByTestId('change-sentences-toggle').click();
    const sentences = row.getByTestId('change-sentences');
    const items = sentences.locator('li.assignment');
    expect(await items.count()).toBeGreaterThan(0);
    for (const li of await items.all()) {
      const id = await li.getAttribute('data-assignment');
      const a = data.assignments.find((x) => x.id === id);
      if (!a) throw new Error('unknown assignment in a change row');
      const en = li.getByTestId('quote-en').locator('blockquote[lang="en"]');
      expect((await en.textContent())?.trim()).toBe(a.quoteEn);
      expect((await li.locator('details.original blockquote[lang="zh-CN"]').textContent())?.trim()).toBe(a.quote);
      for (const tag of await texts(li.getByTestId('as-written'))) expect(tag).not.toMatch(HAN);
    }
    expect(await awkwardEnglish(page)).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'english-change-row');
  });

  test('the source reader shows the English of each highlighted sentence', async () => {
    const data = await publishedData();
    const plan = data.plans.find((p) => p.id === '2014-key-industries');
    if (!plan) throw new Error('no 2014 plan');
    const sentences = await auditSentences(plan.file);
    const lines = await seedLines(plan.file);
    const { page } = await session.open(EN_BROWSER);
    await load(page, `?source=${plan.file}&line=32`);
    const reader = page.getByTestId('source-view');
    const line = reader.locator('li[data-line="32"]');
    await line.waitFor();
    // The Chinese text stays the document (lang zh-CN) and starts with the seed's line.
    expect(await reader.getByTestId('source-lines').getAttribute('lang')).toBe('zh-CN');
    expect((await line.textContent())?.startsWith(lines[31] ?? '?')).toBe(true);
    // Under it, the English of every layout sentence on the line (lang en), as published in audit.json.
    const english = await texts(line.getByTestId('source-english'));
    const expected = sentences.filter((s) => s.line === 32 && s.en).map((s) => s.en);
    expect(expected.length).toBeGreaterThan(0);
    for (const e of expected) expect(english.some((t) => t.endsWith(e ?? '?'))).toBe(true);
    expect(await langs(line.getByTestId('source-english'))).toEqual(english.map(() => 'en'));
    // The chosen sentence's English in the detail, marked as unofficial, with its Chinese behind one click.
    const detail = reader.getByTestId('source-detail-english');
    expect(await detail.locator('blockquote[lang="en"]').textContent()).toMatch(/Xinyu/);
    expect(await detail.locator('summary').textContent()).toMatch(/Unofficial translation/);
    expect(await awkwardEnglish(page)).toEqual([]);
    await screenshot(page, 'english-source');
    // The toggle hides the English under the lines.
    await reader.getByTestId('source-show-english').uncheck();
    expect(await line.getByTestId('source-english').count()).toBe(0);
  });

  test('About says the English is the project’s unofficial translation and the Chinese is authoritative', async () => {
    const { page } = await session.open(EN_BROWSER);
    await load(page);
    await page.getByTestId('about-button').click();
    expect(await page.getByTestId('about-translation').textContent()).toMatch(/unofficial translation.*authoritative/);
  });

  test.each([
    [1024, 'en'],
    [1024, 'zh'],
    [1280, 'en'],
    [1280, 'zh'],
    [1366, 'en'],
    [1366, 'zh'],
  ])('the header fits %i px (%s): every control on screen, none cut off or squeezed', async (width, lang) => {
    const { page } = await session.open({
      viewport: { width, height: 800 },
      locale: lang === 'en' ? 'en-US' : 'zh-CN',
    });
    await page.goto(siteUrl(`?lang=${lang}`));
    await waitForMapIdle(page);
    const fit = await page.evaluate(() => {
      const header = document.querySelector('.topbar') as HTMLElement;
      const boxes = [...header.querySelectorAll('button, input, [role="tab"]')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => {
          const r = el.getBoundingClientRect();
          const e = el as HTMLElement;
          return {
            name: el.getAttribute('aria-label') || e.textContent?.trim() || el.getAttribute('placeholder'),
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
            width: r.width,
            // Text wider than its box is cut off (buttons have nowrap).
            cut: el.tagName !== 'INPUT' && e.scrollWidth > e.clientWidth + 1,
          };
        });
      const title = header.querySelector('h1') as HTMLElement;
      return {
        boxes,
        width: window.innerWidth,
        headerHeight: header.getBoundingClientRect().height,
        titleCut: title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1,
        search: (header.querySelector('.place-search input') as HTMLElement).getBoundingClientRect().width,
        remSize: Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
      };
    });
    for (const b of fit.boxes) {
      expect(b.left, `${b.name} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(b.right, `${b.name} ends on screen`).toBeLessThanOrEqual(fit.width);
      expect(b.cut, `${b.name} is cut off`).toBe(false);
    }
    for (const [i, a] of fit.boxes.entries())
      for (const b of fit.boxes.slice(i + 1)) {
        const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
      }
    // One row (the layout's fixed header height), a title that is not cut, and room for a place name to search.
    expect(fit.headerHeight).toBeLessThanOrEqual(4.25 * fit.remSize);
    expect(fit.titleCut, 'the title is cut off').toBe(false);
    expect(fit.search, 'the place search is squeezed').toBeGreaterThanOrEqual(12 * fit.remSize);
    // Reset and "about" are reachable: as buttons, or in the ⋯ menu where the header is narrow.
    const menu = page.getByTestId('more-button');
    if (await menu.count()) {
      await menu.click();
      expect(await page.getByTestId('reset').isVisible()).toBe(true);
      expect(await page.getByTestId('about-button').isVisible()).toBe(true);
      await page.keyboard.press('Escape');
    } else {
      expect(await page.getByTestId('reset').isVisible()).toBe(true);
      expect(await page.getByTestId('about-button').isVisible()).toBe(true);
    }
    await screenshot(page, `header-${width}-${lang}`);
  });
});
