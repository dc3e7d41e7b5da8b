/**
 * npm run bench — prints a table of figures beside the budgets of issues 6 and 12 (met / missed). It never fails on a
 * missed budget: the machines render WebGL in software on 2 cores, so the page budgets are ratios against the bare
 * MapLibre page measured in the same run.
 *
 *   npm run bench -- [--only build,size,page,lighthouse] [--runs 3] [--scales 1,10,100] [--page-runs 5]
 *                    [--changes 30] [--lh-runs 3] [--json bench-results/bench.json] [--dist <built explorer, e.g. dist>]
 *
 * Both pages are built fresh into temp folders (the explorer with the project's vite.config.ts unless --dist names
 * an existing build, the bare page with scripts/bench/bare/), copied with gzip siblings, and served by sirv under
 * /jiangxi/ on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import type { AssignmentsFile, IndustriesFile } from '../../src/domain/types.ts';
import { type BuildSample, benchBuild } from './build-bench.ts';
import { buildBarePage } from './lib/build-bare.ts';
import { assertChromium } from './lib/chromium.ts';
import { type Budget, type BudgetRule, budgetTable, f0, f1, f2, judge, kb, table } from './lib/report.ts';
import { startStaticServer } from './lib/server.ts';
import { prepareSite } from './lib/site.ts';
import { median } from './lib/stats.ts';
import { type LighthouseSample, runLighthouse } from './lighthouse-bench.ts';
import { benchChanges, benchLoad, type ChangeSample, type LoadSample, launch, type Target } from './page-bench.ts';
import { dataSizes, type FileSize, gzipSize, siteSizes, sum } from './size-bench.ts';

/**
 * Lighthouse names the LCP element from the final page; an element painted and later replaced (index.html's shell,
 * which React replaces with the same text in the same box) has no node there.
 */
const GONE = '(not in the final page: painted, then replaced, e.g. the index.html shell)';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'build,size,page,lighthouse' },
    runs: { type: 'string', default: '3' },
    scales: { type: 'string', default: '1,10,100' },
    'page-runs': { type: 'string', default: '5' },
    changes: { type: 'string', default: '30' },
    json: { type: 'string', default: 'bench-results/bench.json' },
    dist: { type: 'string' },
    'lh-runs': { type: 'string', default: '3' },
  },
});
const only = new Set(values.only.split(','));

/** What bench.json records, section by section (key order = the order the sections fill it). */
const results: Record<string, unknown> = {};
/** The budgets the sections judged, in the order they appear in the final table. */
const budgets: Budget[] = [];

/** The built explorer and bare page (folders), and the URLs they are served at. */
type Dists = Record<Target, string>;
type Sites = Record<Target, { url: string; origin: string }>;
type Changes = Awaited<ReturnType<typeof benchChanges>>;

// --- build ---

async function buildSection(): Promise<void> {
  const scales = values.scales.split(',').map(Number);
  console.error(`bench: data build on scales ${scales.join(', ')} …`);
  const samples: BuildSample[] = await benchBuild(root, scales, Number(values.runs));
  results.build = samples;
  const marginal = marginalMsPerKb(samples);
  table(
    'Data build (scripts/build-data.ts --seeds --plans --data --out; median of runs)',
    ['corpus', 'plans', 'seed KB', 'runs', 'wall ms', 'build ms', 'ms/KB', 'marginal ms/KB', 'note'],
    samples.map((s, i) => [
      s.label,
      s.plans,
      f0(s.kb),
      s.runs,
      f0(s.wallMs),
      s.buildMs === null ? '—' : f0(s.buildMs),
      f2(s.msPerKb),
      f2(marginal[i] ?? Number.NaN),
      s.error ? `error: ${s.error.slice(0, 160)}` : '',
    ]),
  );
  console.log(
    '\nbuild ms = the time the build reports for itself (excludes starting node/tsx); linear growth shows as a flat marginal ms/KB.',
  );
}

/** Cost between consecutive scales: the first run also pays fixed costs (gazetteer, boundaries, schemas). */
function marginalMsPerKb(samples: BuildSample[]): number[] {
  return samples.map((s, i) => {
    const prev = samples[i - 1];
    if (!prev) return Number.NaN;
    return ((s.buildMs ?? s.wallMs) - (prev.buildMs ?? prev.wallMs)) / (s.kb - prev.kb);
  });
}

// --- the two sites ---

async function buildSites(dists: Dists): Promise<void> {
  console.error('bench: ensure data, build the explorer and the bare page …');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/ensure-data.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!values.dist) {
    const t0 = performance.now();
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      root,
      logLevel: 'warn',
      build: { outDir: dists.app, emptyOutDir: true },
    });
    results.appBuildMs = performance.now() - t0;
  }
  await buildBarePage(dists.bare, path.join(root, 'public'));
}

// --- size ---

/** Measures the data and both sites; prints them with --only size. Returns the data files for the page budgets. */
function sizeSection(dists: Dists): FileSize[] {
  const data = dataSizes(path.join(root, 'public/data'));
  const app = siteSizes(dists.app);
  const bare = siteSizes(dists.bare);
  results.size = { data, app, bare };
  if (only.has('size')) printSizes(data, app);
  const js = jsBeyondMaplibre(app, bare);
  results.jsBeyondMaplibreGzip = js.beyond;
  if (only.has('size')) {
    printJsTotals(app);
    printIndexHtml(dists.app);
    budgets.push(
      judge({
        name: 'JS beyond maplibre-gl, all chunks incl. on-demand (gzip)',
        figure: `${f1(kb(js.beyond))} KB`,
        budget: '≤ 150 KB',
        value: kb(js.beyond),
        atMost: 150,
        note: js.note,
      }),
    );
  }
  return data;
}

function printSizes(data: FileSize[], app: FileSize[]): void {
  table(
    'Published data (public/data)',
    ['file', 'raw KB', 'gzip KB'],
    [
      ...data.map((f) => [f.file, f1(kb(f.raw)), f1(kb(f.gzip))]),
      ['total', f1(kb(sum(data, 'raw'))), f1(kb(sum(data, 'gzip')))],
    ],
  );
  table(
    'Explorer dist/ JS and CSS (gzip -9)',
    ['file', 'raw KB', 'gzip KB', 'loaded', 'maplibre-gl'],
    app.map((f) => [
      f.file,
      f1(kb(f.raw)),
      f1(kb(f.gzip)),
      f.initial ? 'initial' : 'lazy/worker',
      f.maplibre ? 'yes' : '',
    ]),
  );
}

const jsFiles = (files: FileSize[]) => files.filter((f) => /\.m?js$/.test(f.file));

/** The explorer's own JS (gzip bytes), all chunks; an estimate when maplibre-gl shares the entry chunk. */
function jsBeyondMaplibre(app: FileSize[], bare: FileSize[]): { beyond: number; note: string } {
  const appJs = jsFiles(app);
  const ownJs = appJs.filter((f) => !f.maplibre);
  const splitOut = appJs.some((f) => f.maplibre && !f.file.includes('worker'));
  const note = ownJs.map((f) => `${path.basename(f.file)} ${f1(kb(f.gzip))}`).join(', ');
  if (splitOut) return { beyond: sum(ownJs, 'gzip'), note };
  // maplibre-gl shares the entry chunk: subtract the bare page's main chunk (maplibre-gl + ~3 KB of glue).
  const bareMain = bare.filter((f) => /\.js$/.test(f.file) && !f.file.includes('worker'));
  return {
    beyond: Math.max(0, sum(ownJs, 'gzip') - sum(bareMain, 'gzip')),
    note: `${note}; estimate: app JS minus the bare page's main chunk (${f1(kb(sum(bareMain, 'gzip')))} KB gz, ≈ maplibre-gl)`,
  };
}

function printJsTotals(app: FileSize[]): void {
  const appJs = jsFiles(app);
  const ownJs = appJs.filter((f) => !f.maplibre);
  const maplibre = appJs.filter((f) => f.maplibre);
  const initial = ownJs.filter((f) => f.initial);
  console.log(
    `\nJS total ${f1(kb(sum(appJs, 'gzip')))} KB gz; maplibre-gl chunks ${f1(kb(sum(maplibre, 'gzip')))} KB gz; app code (not maplibre) ${f1(kb(sum(ownJs, 'gzip')))} KB gz, of which initial ${f1(kb(sum(initial, 'gzip')))} KB gz`,
  );
}

/** index.html carries the static map of the default view (issue 12): the first painted map costs these bytes. */
function printIndexHtml(appDist: string): void {
  const html = readFileSync(path.join(appDist, 'index.html'), 'utf8');
  const staticMap = html.match(/<div class="static-map"[\s\S]*?<\/svg>/)?.[0] ?? '';
  const staticGz = staticMap ? f1(kb(gzipSize(html) - gzipSize(html.replace(staticMap, '')))) : '0.0';
  console.log(
    `index.html ${f1(kb(html.length))} KB raw, ${f1(kb(gzipSize(html)))} KB gz, of which the static map ${f1(
      kb(staticMap.length),
    )} KB raw (${staticGz} KB gz)`,
  );
}

// --- page and lighthouse: both sites served ---

async function servedSections(work: string, dists: Dists, data: FileSize[]): Promise<void> {
  assertChromium();
  const appSite = path.join(work, 'serve-app');
  const bareSite = path.join(work, 'serve-bare');
  prepareSite(dists.app, appSite);
  prepareSite(dists.bare, bareSite);
  const appServer = await startStaticServer(appSite, { gzip: true });
  const bareServer = await startStaticServer(bareSite, { gzip: true });
  const sites: Sites = {
    app: { url: appServer.url, origin: appServer.origin },
    bare: { url: bareServer.url, origin: bareServer.origin },
  };
  try {
    if (only.has('page')) await pageSection(sites, data);
    if (only.has('lighthouse')) await lighthouseSection(sites);
  } finally {
    await appServer.close();
    await bareServer.close();
  }
}

// --- page ---

async function pageSection(sites: Sites, data: FileSize[]): Promise<void> {
  console.error('bench: page load and filter changes in Chromium …');
  const browser: Browser = await launch();
  try {
    const load = await benchLoad(browser, sites, Number(values['page-runs']));
    const ids = usedTopIndustries();
    const changes = await benchChanges(browser, sites, ids.length ? ids : usedIndustries(), Number(values.changes));
    results.page = { load, changes };
    printPage(load, changes, ids.length);
    budgets.push(...timingBudgets(load, changes).map(judge));
    budgets.push(...firstIdleBytesBudgets(load.app, data).map(judge));
  } finally {
    await browser.close();
  }
}

function readData<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(root, 'public/data', name), 'utf8')) as T;
}

/** Industries with at least one assignment, in assignment order. */
function usedIndustries(): string[] {
  return [...new Set(readData<AssignmentsFile>('assignments.json').assignments.map((a) => a.industry))];
}

/** The top-level industries with assignments: the filter changes cycle through these. */
function usedTopIndustries(): string[] {
  const used = new Set(usedIndustries());
  const industries = readData<IndustriesFile>('industries.json').industries;
  return industries.filter((i) => used.has(i.id) && i.parent === null).map((i) => i.id);
}

function printPage(load: Record<Target, LoadSample>, changes: Changes, industries: number): void {
  table(
    `Page (Chromium, software WebGL, 1366×900; median of ${values['page-runs']} cold loads, interleaved)`,
    [
      'page',
      'first idle ms (median)',
      'all runs',
      'painted province ms (median)',
      'all runs',
      'off-origin requests',
      'console errors',
    ],
    (['app', 'bare'] as const).map((t) => [
      t === 'app' ? 'explorer' : 'bare MapLibre',
      f0(median(load[t].firstIdleMs)),
      load[t].firstIdleMs.map(f0).join(' '),
      f0(median(load[t].firstMapMs)),
      load[t].firstMapMs.map(f0).join(' '),
      load[t].offOrigin.length,
      load[t].errors.length ? load[t].errors.slice(0, 2).join(' | ') : 0,
    ]),
  );
  const rows: [string, ChangeSample][] = [
    ['explorer', changes.app],
    ['bare (feature-state)', changes.bareState],
    ['bare (setPaintProperty)', changes.barePaint],
  ];
  table(
    `Filter change → next idle (${values.changes} changes cycling ${industries} industries + "all")`,
    ['page', 'how', 'p50 ms', 'p95 ms', 'sync JS p50', 'sync JS p95', 'error'],
    rows.map(([name, c]) => [
      name,
      c.how,
      f1(c.p50),
      f1(c.p95),
      f1(c.jsP50 ?? Number.NaN),
      f1(c.jsP95 ?? Number.NaN),
      c.error ?? '',
    ]),
  );
}

/** Page budgets as ratios against the bare page measured in the same run (issue 6; "(12)": issue 12). */
function timingBudgets(load: Record<Target, LoadSample>, changes: Changes): BudgetRule[] {
  const appIdle = median(load.app.firstIdleMs);
  const bareIdle = median(load.bare.firstIdleMs);
  // Issue 12: a painted province (the static map in the HTML, or the live map) long before the bare page's map.
  const appMap = median(load.app.firstMapMs);
  const app = changes.app;
  const p95 = (bare: ChangeSample) => `${f2(app.p95 / bare.p95)} (${f1(app.p95)} / ${f1(bare.p95)} ms)`;
  const stateRatio = app.p95 / changes.bareState.p95;
  const syncJs = app.jsP95 ?? Number.NaN;
  return [
    {
      name: 'time to first idle, explorer ÷ bare',
      figure: `${f2(appIdle / bareIdle)} (${f0(appIdle)} / ${f0(bareIdle)} ms)`,
      budget: '≤ 1.2',
      value: appIdle / bareIdle,
      atMost: 1.2,
    },
    {
      name: 'painted province, explorer ÷ bare first idle (12)',
      figure: `${f2(appMap / bareIdle)} (${f0(appMap)} / ${f0(bareIdle)} ms)`,
      budget: '≤ 0.5',
      value: appMap / bareIdle,
      atMost: 0.5,
    },
    {
      name: 'filter → idle p95, explorer ÷ bare (feature-state)',
      figure: p95(changes.bareState),
      budget: '≤ 1.5',
      value: stateRatio,
      atMost: 1.5,
    },
    {
      name: 'filter → idle p95, explorer ÷ bare (feature-state) (12)',
      figure: p95(changes.bareState),
      budget: '≤ 1.2',
      value: stateRatio,
      atMost: 1.2,
    },
    {
      name: 'filter change, synchronous JS p95 (12)',
      figure: `${f1(syncJs)} ms (p50 ${f1(app.jsP50 ?? Number.NaN)})`,
      budget: '≤ 5 ms',
      value: syncJs,
      atMost: 5,
    },
    {
      name: 'filter → idle p95, explorer ÷ bare (setPaintProperty)',
      figure: p95(changes.barePaint),
      budget: '≤ 1.5',
      value: app.p95 / changes.barePaint.p95,
      atMost: 1.5,
    },
  ];
}

/** What the explorer downloaded before its first idle: its own JS and the data files. */
function firstIdleBytesBudgets(load: LoadSample, data: FileSize[]): BudgetRule[] {
  const firstPaintData = data.filter((f) => load.beforeIdle.some((u) => u === `data/${f.file}`));
  const appFiles = (results.size as { app: FileSize[] }).app;
  const loadedJs = jsFiles(appFiles).filter((f) => load.beforeIdle.includes(f.file));
  const loadedOwn = loadedJs.filter((f) => !f.maplibre);
  results.jsLoadedBeforeIdle = loadedJs;
  const fp = sum(firstPaintData, 'gzip');
  results.firstPaintData = { files: firstPaintData.map((f) => f.file), gzip: fp };
  const dataSeen = firstPaintData.length > 0;
  return [
    {
      name: 'JS beyond maplibre-gl loaded to first idle (gzip)',
      figure: `${f1(kb(sum(loadedOwn, 'gzip')))} KB`,
      budget: '≤ 150 KB',
      value: kb(sum(loadedOwn, 'gzip')),
      atMost: 150,
      measured: loadedJs.length > 0,
      note: loadedOwn.map((f) => f.file).join(', '),
    },
    {
      name: 'data for first paint (gzip)',
      figure: `${f1(kb(fp))} KB`,
      budget: '≤ 250 KB',
      value: kb(fp),
      atMost: 250,
      measured: dataSeen,
      note: firstPaintData.map((f) => f.file).join(', ') || 'no data request seen before first idle',
    },
    {
      name: 'data for first paint (gzip) (12)',
      figure: `${f1(kb(fp))} KB`,
      budget: '≤ 120 KB',
      value: kb(fp),
      atMost: 120,
      measured: dataSeen,
      note: firstPaintData.map((f) => `${f.file} ${f1(kb(f.gzip))}`).join(', '),
    },
  ];
}

// --- lighthouse ---

async function lighthouseSection(sites: Sites): Promise<void> {
  console.error('bench: Lighthouse (mobile) on both pages …');
  // Alternating runs, median per figure: one Lighthouse run on this machine varies by ±5–10 points.
  const runsLh: Record<Target, LighthouseSample[]> = { app: [], bare: [] };
  for (let i = 0; i < Number(values['lh-runs']); i++) {
    runsLh.app.push(await runLighthouse(sites.app.url));
    runsLh.bare.push(await runLighthouse(sites.bare.url));
  }
  const lh = { app: medianLighthouse(runsLh.app), bare: medianLighthouse(runsLh.bare) };
  results.lighthouseRuns = runsLh;
  results.lighthouse = lh;
  table(
    `Lighthouse 12.8.2, mobile preset (simulated throttling); median of ${values['lh-runs']} runs each`,
    ['page', 'perf', 'a11y', 'best-pr.', 'SEO', 'LCP ms', 'TBT ms', 'CLS', 'failed audits / error'],
    (['app', 'bare'] as const).map((t) => [
      t === 'app' ? 'explorer' : 'bare MapLibre',
      f0(lh[t].performance),
      f0(lh[t].accessibility),
      f0(lh[t].bestPractices),
      f0(lh[t].seo),
      f0(lh[t].lcpMs),
      f0(lh[t].tbtMs),
      f2(lh[t].cls),
      lh[t].error ?? lh[t].failed.join(', '),
    ]),
  );
  console.log(`\nLCP element: explorer: ${lh.app.lcpElement ?? GONE}; bare: ${lh.bare.lcpElement ?? GONE}`);
  budgets.push(...lighthouseBudgets(lh.app, lh.bare).map(judge));
}

function medianLighthouse(runs: LighthouseSample[]): LighthouseSample {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return runs[0] as LighthouseSample;
  const m = (key: keyof LighthouseSample) => median(ok.map((r) => r[key] as number));
  return {
    performance: m('performance'),
    accessibility: m('accessibility'),
    bestPractices: m('bestPractices'),
    seo: m('seo'),
    lcpMs: m('lcpMs'),
    tbtMs: m('tbtMs'),
    cls: m('cls'),
    failed: [...new Set(ok.flatMap((r) => r.failed))],
    lcpElement: ok.find((r) => r.lcpElement)?.lcpElement,
    error:
      ok.length < runs.length
        ? `${runs.length - ok.length} run(s) failed: ${runs.find((r) => r.error)?.error}`
        : undefined,
  };
}

function lighthouseBudgets(a: LighthouseSample, bare: LighthouseSample): BudgetRule[] {
  const lcpRatio = a.lcpMs / bare.lcpMs;
  const d = a.performance - bare.performance;
  // The three category budgets differ only in their score, threshold and audit prefix.
  const categories = [
    ['accessibility', a.accessibility, 'accessibility', 100],
    ['best-practices', a.bestPractices, 'best-practices', 100],
    ['SEO', a.seo, 'seo', 90],
  ] as const;
  return [
    {
      name: 'Lighthouse LCP, explorer ÷ bare (12)',
      figure: `${f2(lcpRatio)} (${f0(a.lcpMs)} / ${f0(bare.lcpMs)} ms)`,
      budget: '≤ 1.1',
      value: lcpRatio,
      atMost: 1.1,
      note: `LCP element: ${a.lcpElement ?? GONE}`,
    },
    {
      name: 'Lighthouse performance, explorer − bare',
      figure: `${d >= 0 ? '+' : ''}${f0(d)} (${f0(a.performance)} vs ${f0(bare.performance)})`,
      budget: '≥ −5',
      value: d,
      atLeast: -5,
    },
    ...categories.map(([label, score, prefix, min]) => ({
      name: `Lighthouse ${label}`,
      figure: f0(score),
      budget: min === 100 ? '100' : `≥ ${min}`,
      value: score,
      atLeast: min,
      note: a.failed.filter((x) => x.startsWith(prefix)).join(', '),
    })),
  ];
}

// --- the budgets table and bench.json ---

function report(): void {
  if (budgets.length) budgetTable(budgets);
  results.budgets = budgets;
  const jsonPath = path.resolve(root, values.json);
  mkdirSync(path.dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 1)}\n`);
  console.log(`\n(raw figures: ${path.relative(root, jsonPath)})`);
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'jx-bench-'));
  try {
    if (only.has('build')) await buildSection();
    if (only.has('size') || only.has('page') || only.has('lighthouse')) {
      const dists: Dists = {
        app: values.dist ? path.resolve(values.dist) : path.join(work, 'app'),
        bare: path.join(work, 'bare'),
      };
      await buildSites(dists);
      const data = sizeSection(dists);
      if (only.has('page') || only.has('lighthouse')) await servedSections(work, dists, data);
    }
    report();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (!existsSync(path.join(root, 'data/plans.json'))) throw new Error('run from the project');
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
