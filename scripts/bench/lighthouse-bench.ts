/**
 * Lighthouse 12.8.2 (programmatic) with its default mobile preset (Moto G Power emulation, simulated slow 4G and
 * 4× CPU throttling), driving Debian Chromium through chrome-launcher with the same offline flags as the tests.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH, LIGHTHOUSE_CHROME_FLAGS } from './lib/chromium.ts';

export interface LighthouseSample {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** What Lighthouse took as the largest contentful paint (a node label), to explain LCP. */
  lcpElement?: string;
  /** Failed audits of the non-performance categories, to explain a score below 100. */
  failed: string[];
  error?: string;
}

/** Finds the first DOM node label in an audit's details (LH 12 nests it in a list of tables). */
function lcpNode(details: unknown): string | undefined {
  const seen: unknown[] = [details];
  while (seen.length) {
    const v = seen.shift();
    if (v && typeof v === 'object') {
      const node = v as { type?: string; nodeLabel?: string; snippet?: string };
      if (node.type === 'node') return `${node.nodeLabel ?? ''} ${node.snippet ?? ''}`.trim().slice(0, 100);
      seen.push(...Object.values(v));
    }
  }
  return undefined;
}

export async function runLighthouse(url: string): Promise<LighthouseSample> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: LIGHTHOUSE_CHROME_FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error('lighthouse returned nothing');
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`${runtimeError.code}: ${runtimeError.message}`);
    const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
    const failed: string[] = [];
    for (const id of ['accessibility', 'best-practices', 'seo']) {
      for (const ref of categories[id]?.auditRefs ?? []) {
        const a = audits[ref.id];
        if (ref.weight > 0 && a && a.score !== null && a.score < 1) failed.push(`${id}: ${ref.id}`);
      }
    }
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
      cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      lcpElement: lcpNode(audits['largest-contentful-paint-element']?.details),
      failed,
    };
  } catch (error) {
    const nan = Number.NaN;
    return {
      performance: nan,
      accessibility: nan,
      bestPractices: nan,
      seo: nan,
      lcpMs: nan,
      tbtMs: nan,
      cls: nan,
      failed: [],
      error: String(error),
    };
  } finally {
    chrome.kill();
  }
}
