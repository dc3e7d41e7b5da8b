/**
 * Copies every 400-weight subset of @fontsource/noto-sans-sc into public/fonts/sc/ and writes the list of faces
 * (file + unicode-range) to public/fonts/sc/faces.json, which the map fetches for its style's `font-faces` (kept out
 * of the JS bundle: it is 100 KB of ranges). Map labels then need no glyph
 * server and no system CJK font; the browser fetches only the subsets a label uses.
 * Run: npx tsx scripts/copy-fonts.ts
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cssPath = require.resolve('@fontsource/noto-sans-sc/400.css');
const css = readFileSync(cssPath, 'utf8');
const outDir = join(root, 'public', 'fonts', 'sc');
mkdirSync(outDir, { recursive: true });

const faces: { file: string; ranges: string[] }[] = [];
for (const [, block] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
  const file = block?.match(/url\(\.\/files\/([^)]+\.woff2)\)/)?.[1];
  const range = block?.match(/unicode-range:\s*([^;]+);/)?.[1];
  if (!file || !range) throw new Error(`${cssPath}: a @font-face without woff2 url or unicode-range`);
  copyFileSync(join(dirname(cssPath), 'files', file), join(outDir, file));
  faces.push({ file, ranges: range.split(',').map((s) => s.trim()) });
}
writeFileSync(join(outDir, 'faces.json'), `${JSON.stringify(faces)}\n`, 'utf8');
console.log(`copy-fonts: ${faces.length} faces → public/fonts/sc/ (with faces.json)`);
