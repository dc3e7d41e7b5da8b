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
import { build } from 'vite';
import type { AssignmentsFile, IndustriesFile } from '../../src/domain/types.ts';
import { type BuildSample, benchBuild } from './build-bench.ts';
import { buildBarePage } from './lib/build-bare.ts';
import { assertChromium } from './lib/chromium.ts';
import { startStaticServer } from './lib/server.ts';
import { prepareSite } from './lib/site.ts';
import { median } from './lib/stats.ts';
import { type LighthouseSample, runLighthouse } from './lighthouse-bench.ts';
import { benchChanges, benchLoad, launch } from './page-bench.ts';
import { dataSizes, type FileSize, gzipSize, siteSizes, sum } from './size-bench.ts';

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
const kb = (bytes: number) => bytes / 1024;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');

function table(title: string, head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat((width[i] ?? 0) - [...c].length)).join('  ');
  console.log(`\n## ${title}\n`);
  console.log(line(head));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

interface Budget {
  name: string;
  figure: string;
  budget: string;
  met: boolean | null;
  note?: string;
}
const budgets: Budget[] = [];
const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

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
const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'MISSED');
const results: Record<string, unknown> = {};

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'jx-bench-'));
  try {
    // --- build ---
    if (only.has('build')) {
      const scales = values.scales.split(',').map(Number);
      console.error(`bench: data build on scales ${scales.join(', ')} …`);
      const samples: BuildSample[] = await benchBuild(root, scales, Number(values.runs));
      results.build = samples;
      // Marginal cost between consecutive scales: the first run also pays fixed costs (gazetteer, boundaries, schemas).
      const marginal = samples.map((s, i) => {
        const prev = samples[i - 1];
        if (!prev) return Number.NaN;
        return ((s.buildMs ?? s.wallMs) - (prev.buildMs ?? prev.wallMs)) / (s.kb - prev.kb);
      });
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

    // --- the two sites ---
    const needSites = only.has('size') || only.has('page') || only.has('lighthouse');
    const appDist = values.dist ? path.resolve(values.dist) : path.join(work, 'app');
    const bareDist = path.join(work, 'bare');
    if (needSites) {
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
          build: { outDir: appDist, emptyOutDir: true },
        });
        results.appBuildMs = performance.now() - t0;
      }
      await buildBarePage(bareDist, path.join(root, 'public'));
    }

    // --- size ---
    let data: FileSize[] = [];
    if (needSites) {
      data = dataSizes(path.join(root, 'public/data'));
      const app = siteSizes(appDist);
      const bare = siteSizes(bareDist);
      results.size = { data, app, bare };
      if (only.has('size')) {
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
      const appJs = app.filter((f) => /\.m?js$/.test(f.file));
      const ownJs = appJs.filter((f) => !f.maplibre);
      const splitOut = appJs.some((f) => f.maplibre && !f.file.includes('worker'));
      let beyond = sum(ownJs, 'gzip');
      let note = ownJs.map((f) => `${path.basename(f.file)} ${f1(kb(f.gzip))}`).join(', ');
      if (!splitOut) {
        // maplibre-gl shares the entry chunk: subtract the bare page's main chunk (maplibre-gl + ~3 KB of glue).
        const bareMain = bare.filter((f) => /\.js$/.test(f.file) && !f.file.includes('worker'));
        beyond = Math.max(0, beyond - sum(bareMain, 'gzip'));
        note = `${note}; estimate: app JS minus the bare page's main chunk (${f1(kb(sum(bareMain, 'gzip')))} KB gz, ≈ maplibre-gl)`;
      }
      const initialBeyond = ownJs.filter((f) => f.initial);
      results.jsBeyondMaplibreGzip = beyond;
      if (only.has('size')) {
        console.log(
          `\nJS total ${f1(kb(sum(appJs, 'gzip')))} KB gz; maplibre-gl chunks ${f1(
            kb(
              sum(
                appJs.filter((f) => f.maplibre),
                'gzip',
              ),
            ),
          )} KB gz; app code (not maplibre) ${f1(kb(sum(ownJs, 'gzip')))} KB gz, of which initial ${f1(kb(sum(initialBeyond, 'gzip')))} KB gz`,
        );
        // index.html carries the static map of the default view (issue 12): the first painted map costs these bytes.
        const html = readFileSync(path.join(appDist, 'index.html'), 'utf8');
        const staticMap = html.match(/<div class="static-map"[\s\S]*?<\/svg>/)?.[0] ?? '';
        console.log(
          `index.html ${f1(kb(html.length))} KB raw, ${f1(kb(gzipSize(html)))} KB gz, of which the static map ${f1(
            kb(staticMap.length),
          )} KB raw (${staticMap ? f1(kb(gzipSize(html) - gzipSize(html.replace(staticMap, '')))) : '0.0'} KB gz)`,
        );
        budgets.push({
          name: 'JS beyond maplibre-gl, all chunks incl. on-demand (gzip)',
          figure: `${f1(kb(beyond))} KB`,
          budget: '≤ 150 KB',
          met: kb(beyond) <= 150,
          note,
        });
      }
    }

    // --- page ---
    if (only.has('page') || only.has('lighthouse')) {
      assertChromium();
      const appSite = path.join(work, 'serve-app');
      const bareSite = path.join(work, 'serve-bare');
      prepareSite(appDist, appSite);
      prepareSite(bareDist, bareSite);
      const appServer = await startStaticServer(appSite, { gzip: true });
      const bareServer = await startStaticServer(bareSite, { gzip: true });
      const sites = {
        app: { url: appServer.url, origin: appServer.origin },
        bare: { url: bareServer.url, origin: bareServer.origin },
      };
      try {
        if (only.has('page')) {
          console.error('bench: page load and filter changes in Chromium …');
          const browser = await launch();
          try {
            const load = await benchLoad(browser, sites, Number(values['page-runs']));
            const assignments = JSON.parse(
              readFileSync(path.join(root, 'public/data/assignments.json'), 'utf8'),
            ) as AssignmentsFile;
            const industries = JSON.parse(
              readFileSync(path.join(root, 'public/data/industries.json'), 'utf8'),
            ) as IndustriesFile;
            const used = new Set(assignments.assignments.map((a) => a.industry));
            const ids = industries.industries.filter((i) => used.has(i.id) && i.parent === null).map((i) => i.id);
            const changes = await benchChanges(browser, sites, ids.length ? ids : [...used], Number(values.changes));
            results.page = { load, changes };
            const appIdle = median(load.app.firstIdleMs);
            const bareIdle = median(load.bare.firstIdleMs);
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
            table(
              `Filter change → next idle (${values.changes} changes cycling ${ids.length} industries + "all")`,
              ['page', 'how', 'p50 ms', 'p95 ms', 'sync JS p50', 'sync JS p95', 'error'],
              (
                [
                  ['explorer', changes.app],
                  ['bare (feature-state)', changes.bareState],
                  ['bare (setPaintProperty)', changes.barePaint],
                ] as const
              ).map(([name, c]) => [
                name,
                c.how,
                f1(c.p50),
                f1(c.p95),
                f1(c.jsP50 ?? Number.NaN),
                f1(c.jsP95 ?? Number.NaN),
                c.error ?? '',
              ]),
            );
            const ratio = appIdle / bareIdle;
            budgets.push({
              name: 'time to first idle, explorer ÷ bare',
              figure: `${f2(ratio)} (${f0(appIdle)} / ${f0(bareIdle)} ms)`,
              budget: '≤ 1.2',
              met: Number.isFinite(ratio) ? ratio <= 1.2 : null,
            });
            // Issue 12: a painted province (the static map in the HTML, or the live map) long before the bare page's map.
            const appMap = median(load.app.firstMapMs);
            const mapRatio = appMap / bareIdle;
            budgets.push({
              name: 'painted province, explorer ÷ bare first idle (12)',
              figure: `${f2(mapRatio)} (${f0(appMap)} / ${f0(bareIdle)} ms)`,
              budget: '≤ 0.5',
              met: Number.isFinite(mapRatio) ? mapRatio <= 0.5 : null,
            });
            const cr = changes.app.p95 / changes.bareState.p95;
            budgets.push({
              name: 'filter → idle p95, explorer ÷ bare (feature-state)',
              figure: `${f2(cr)} (${f1(changes.app.p95)} / ${f1(changes.bareState.p95)} ms)`,
              budget: '≤ 1.5',
              met: Number.isFinite(cr) ? cr <= 1.5 : null,
            });
            budgets.push({
              name: 'filter → idle p95, explorer ÷ bare (feature-state) (12)',
              figure: `${f2(cr)} (${f1(changes.app.p95)} / ${f1(changes.bareState.p95)} ms)`,
              budget: '≤ 1.2',
              met: Number.isFinite(cr) ? cr <= 1.2 : null,
            });
            const syncJs = changes.app.jsP95 ?? Number.NaN;
            budgets.push({
              name: 'filter change, synchronous JS p95 (12)',
              figure: `${f1(syncJs)} ms (p50 ${f1(changes.app.jsP50 ?? Number.NaN)})`,
              budget: '≤ 5 ms',
              met: Number.isFinite(syncJs) ? syncJs <= 5 : null,
            });
            const crPaint = changes.app.p95 / changes.barePaint.p95;
            budgets.push({
              name: 'filter → idle p95, explorer ÷ bare (setPaintProperty)',
              figure: `${f2(crPaint)} (${f1(changes.app.p95)} / ${f1(changes.barePaint.p95)} ms)`,
              budget: '≤ 1.5',
              met: Number.isFinite(crPaint) ? crPaint <= 1.5 : null,
            });
            const firstPaintData = data.filter((f) => load.app.beforeIdle.some((u) => u === `data/${f.file}`));
            const appFiles = (results.size as { app: FileSize[] }).app;
            const loadedJs = appFiles.filter((f) => /\.m?js$/.test(f.file) && load.app.beforeIdle.includes(f.file));
            const loadedOwn = loadedJs.filter((f) => !f.maplibre);
            results.jsLoadedBeforeIdle = loadedJs;
            budgets.push({
              name: 'JS beyond maplibre-gl loaded to first idle (gzip)',
              figure: `${f1(kb(sum(loadedOwn, 'gzip')))} KB`,
              budget: '≤ 150 KB',
              met: loadedJs.length ? kb(sum(loadedOwn, 'gzip')) <= 150 : null,
              note: loadedOwn.map((f) => f.file).join(', '),
            });
            const fp = sum(firstPaintData, 'gzip');
            results.firstPaintData = { files: firstPaintData.map((f) => f.file), gzip: fp };
            budgets.push({
              name: 'data for first paint (gzip)',
              figure: `${f1(kb(fp))} KB`,
              budget: '≤ 250 KB',
              met: firstPaintData.length ? kb(fp) <= 250 : null,
              note: firstPaintData.map((f) => f.file).join(', ') || 'no data request seen before first idle',
            });
            budgets.push({
              name: 'data for first paint (gzip) (12)',
              figure: `${f1(kb(fp))} KB`,
              budget: '≤ 120 KB',
              met: firstPaintData.length ? kb(fp) <= 120 : null,
              note: firstPaintData.map((f) => `${f.file} ${f1(kb(f.gzip))}`).join(', '),
            });
          } finally {
            await browser.close();
          }
        }

        // --- lighthouse ---
        if (only.has('lighthouse')) {
          console.error('bench: Lighthouse (mobile) on both pages …');
          // Alternating runs, median per figure: one Lighthouse run on this machine varies by ±5–10 points.
          const runsLh: Record<'app' | 'bare', LighthouseSample[]> = { app: [], bare: [] };
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
          console.log(`\nLCP element: explorer: ${lh.app.lcpElement ?? '?'}; bare: ${lh.bare.lcpElement ?? '?'}`);
          const a = lh.app;
          const lcpRatio = a.lcpMs / lh.bare.lcpMs;
          budgets.push({
            name: 'Lighthouse LCP, explorer ÷ bare (12)',
            figure: `${f2(lcpRatio)} (${f0(a.lcpMs)} / ${f0(lh.bare.lcpMs)} ms)`,
            budget: '≤ 1.1',
            met: Number.isFinite(lcpRatio) ? lcpRatio <= 1.1 : null,
            note: `LCP element: ${a.lcpElement ?? '?'}`,
          });
          const d = a.performance - lh.bare.performance;
          budgets.push({
            name: 'Lighthouse performance, explorer − bare',
            figure: `${d >= 0 ? '+' : ''}${f0(d)} (${f0(a.performance)} vs ${f0(lh.bare.performance)})`,
            budget: '≥ −5',
            met: Number.isFinite(d) ? d >= -5 : null,
          });
          // The three category budgets differ only in their score, threshold and audit prefix.
          for (const [label, score, prefix, min] of [
            ['accessibility', a.accessibility, 'accessibility', 100],
            ['best-practices', a.bestPractices, 'best-practices', 100],
            ['SEO', a.seo, 'seo', 90],
          ] as const) {
            budgets.push({
              name: `Lighthouse ${label}`,
              figure: f0(score),
              budget: min === 100 ? '100' : `≥ ${min}`,
              met: Number.isFinite(score) ? score >= min : null,
              note: a.failed.filter((x) => x.startsWith(prefix)).join(', '),
            });
          }
        }
      } finally {
        await appServer.close();
        await bareServer.close();
      }
    }

    if (budgets.length) {
      table(
        'Budgets (issue 6; "(12)": issue 12)',
        ['figure', 'measured', 'budget', 'verdict', 'note'],
        budgets.map((b) => [b.name, b.figure, b.budget, verdict(b.met), clip(b.note ?? '', 110)]),
      );
    }
    results.budgets = budgets;
    const jsonPath = path.resolve(root, values.json);
    mkdirSync(path.dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, `${JSON.stringify(results, null, 1)}\n`);
    console.log(`\n(raw figures: ${path.relative(root, jsonPath)})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (!existsSync(path.join(root, 'data/plans.json'))) throw new Error('run from the project');
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
