/**
 * Builds the bare MapLibre page (scripts/bench/bare/) with vite's JS API into outDir, copying publicDir (the app's
 * public/: data/ and fonts/) alongside, so it is served exactly like the explorer's dist/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function buildBarePage(outDir: string, publicDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.resolve(here, '../bare'),
    base: './',
    publicDir,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  });
}
