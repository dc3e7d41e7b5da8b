/**
 * Diagnostic: serve a built site under /jiangxi/, open it in Debian Chromium and print console messages, page
 * errors, HTTP errors, the visible text and whether the map appeared; saves a screenshot.
 *   npx tsx scripts/bench/probe.ts [dir=dist] [query, e.g. '?industry=photovoltaics'] [screenshot=/tmp/probe.png]
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.ts';
import { startStaticServer } from './lib/server.ts';

const [dir = 'dist', query = '', shot = '/tmp/probe.png'] = process.argv.slice(2);
const server = await startStaticServer(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) console.log(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(server.url + query);
  await page.waitForTimeout(4000);
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what we want to see here.
  console.log((await page.evaluate(() => document.body.innerText)).slice(0, 600));
  console.log('map:', await page.evaluate(() => Boolean((window as { __jxMap?: unknown }).__jxMap)));
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);
} finally {
  await browser.close();
  await server.close();
}
