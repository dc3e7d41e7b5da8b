import { existsSync, readdirSync, readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const FONT_VERSION: string = JSON.parse(
  readFileSync(new URL('./node_modules/@fontsource/noto-sans-sc/package.json', import.meta.url), 'utf8'),
).version;

// base './' makes every asset URL relative, so dist/ works from any sub-path of a static host.
/**
 * index.html carries a strict Content-Security-Policy (only 'self'). Vite's dev server injects <style> tags for CSS
 * and HMR and an inline React Refresh script, which that policy blocks; in dev only, allow inline styles and scripts. The built site keeps the strict policy.
 */
const relaxCspInDev: Plugin = {
  name: 'relax-csp-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace(/style-src ([^;"]*)/, "style-src $1 'unsafe-inline'")
      // @vitejs/plugin-react injects an inline React Refresh preamble in dev.
      .replace(/script-src ([^;"]*)/, "script-src $1 'unsafe-inline'"),
};

/**
 * Writes the map of the default view into index.html (src/map/static-svg.ts) from the published data, so a painted
 * Jiangxi shows with the HTML and CSS, before maplibre-gl and the data arrive (docs/app.md "First paint").
 */
const staticMap: Plugin = {
  name: 'static-map',
  transformIndexHtml: {
    order: 'pre',
    handler: async (html) => {
      const dir = 'public/data';
      if (!existsSync(`${dir}/places.geojson`)) return html;
      const read = (f: string) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
      const { assemble, validatePlaces } = await import('./src/data/load.ts');
      const { createDeriver } = await import('./src/state/derived.ts');
      const { DEFAULT_STATE } = await import('./src/state/store.ts');
      const { staticMapMarkup } = await import('./src/map/static-svg.ts');
      const data = assemble(
        read('plans.json').plans,
        validatePlaces(read('places.geojson')),
        read('industries.json').industries,
        read('assignments.json').assignments,
      );
      const view = createDeriver(data)(DEFAULT_STATE);
      const markup = staticMapMarkup({ places: data.places, fills: view.fills, claimed: view.claimed });
      return html.replace('<!-- static-map -->', markup);
    },
  },
};

/**
 * vite copies all of public/ into dist/. Only public/data may go (a link to the current data version: vite copies its
 * files): a temporary folder or link an interrupted data build left in public/ would otherwise be deployed.
 * scripts/ensure-data.ts sweeps them before every `npm run build`; this stops a bare `vite build` that skipped it.
 */
let publicDir = 'public';
const onlyPublishedData: Plugin = {
  name: 'only-published-data',
  apply: 'build',
  configResolved: (config) => {
    publicDir = config.publicDir;
  },
  buildStart() {
    const leftovers = existsSync(publicDir) ? readdirSync(publicDir).filter((name) => name.startsWith('.data-')) : [];
    if (leftovers.length > 0) {
      this.error(
        `public/ holds ${leftovers.join(', ')}, left by an interrupted data build: run \`npm run data\` (it removes them)`,
      );
    }
  },
};

export default defineConfig({
  base: './',
  plugins: [
    react(),
    relaxCspInDev,
    onlyPublishedData,
    staticMap,
    // Offline (docs/planner.md): precache the app shell, the published data, the seeds and the map label fonts, so
    // after one visit the explorer works with the network off. 'prompt': the UI shows "update available".
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The icons are already matched by globPatterns; listing them twice would duplicate precache entries.
      includeManifestIcons: false,
      strategies: 'generateSW',
      manifest: {
        id: './',
        name: '江西产业布局浏览器 · Jiangxi Industrial Layout Explorer',
        short_name: '江西产业布局',
        description:
          '江西省工业规划中的产业区域布局：谁承担什么产业、如何随规划变化。Who does what in Jiangxi industrial plans.',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#0f4c5c',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // fonts/sc/*.woff2 are precached (2.6 MB once) so labels at every zoom render offline, not only the ones seen.
        globPatterns: ['**/*.{html,js,mjs,css,json,geojson,txt,png,svg,ico}', 'fonts/sc/*.woff2'],
        maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
        // A label font's content is fixed by the @fontsource release it was copied from (scripts/copy-fonts.ts): that
        // version is its revision. Per-file hashes for the 101 subsets were 2 KB of gzip-proof hex in sw.js.
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.map((e) =>
              /^fonts\/sc\/.*\.woff2$/.test(e.url) ? { ...e, revision: `fontsource-${FONT_VERSION}` } : e,
            ),
            warnings: [],
          }),
        ],
        navigateFallback: 'index.html',
        // Direct links to data, seeds (the source reader's "open the document") and fonts must get the file, not the app.
        navigateFallbackDenylist: [/\/(?:data|fonts|icons)\//, /\.(?:txt|json|geojson|png|woff2|webmanifest)$/],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Any other font (e.g. UI subsets bundled under assets/): cached on first use.
            urlPattern: /\.woff2$/,
            handler: 'CacheFirst',
            options: { cacheName: 'fonts', expiration: { maxEntries: 300 } },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Every browser that runs es2022 supports <link rel="modulepreload">: the polyfill would only be dead weight.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    globals: true,
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['./tests/setup-vitest.ts'],
    // Several tests run the real data build (1–3 s alone); on a loaded 2-core CI machine that passes 5 s.
    testTimeout: 30_000,
  },
});
