/**
 * Run before `vite` and `vite build`: sweeps what an interrupted build left (so nothing but public/data reaches
 * dist/), rebuilds public/data when it is missing or older than its inputs (seeds, data/, the build scripts, the
 * contract), and copies the map label fonts when they are missing. A fresh clone therefore needs nothing but
 * `npm run dev` or `npm run build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as buildData, inputsHash } from './build-data.ts';
import { sweepIfIdle } from './publish.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'data');
const infoPath = join(outDir, 'build-info.json');

function currentHash(): string | null {
  if (!existsSync(infoPath)) return null;
  try {
    return (JSON.parse(readFileSync(infoPath, 'utf8')) as { inputsHash?: string }).inputsHash ?? null;
  } catch {
    return null;
  }
}

for (const path of sweepIfIdle(outDir)) console.log(`removed ${path} (left by an interrupted build)`);

if (currentHash() !== inputsHash()) {
  console.log('public/data is missing or stale: running the data build');
  const code = buildData([]);
  if (code !== 0) process.exit(code);
} else {
  console.log('public/data is up to date');
}

const copyFonts = join(root, 'scripts', 'copy-fonts.ts');
if (existsSync(copyFonts) && !existsSync(join(root, 'public', 'fonts', 'sc', 'faces.json'))) {
  await import(copyFonts);
}
