/**
 * Size benchmark: every published data file, and the JS/CSS of a built site, raw and gzip (zlib level 9, what a
 * static host's precompression would use). maplibre-gl is reported apart from the app's own code: a chunk whose
 * name or content marks it as maplibre-gl when the app splits it out, else an estimate from a bundle of maplibre-gl
 * alone subtracted from the app's entry chunk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
  /** For site files: loaded by index.html (entry + modulepreload + css) rather than on demand. */
  initial?: boolean;
  /** maplibre-gl's main chunk or its worker. */
  maplibre?: boolean;
}

export const gzipSize = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

export function dataSizes(dataDir: string): FileSize[] {
  return walk(dataDir)
    .filter((f) => !f.endsWith('.gz'))
    .sort()
    .map((f) => {
      const bytes = readFileSync(f);
      return { file: path.relative(dataDir, f), raw: bytes.length, gzip: gzipSize(bytes) };
    });
}

/** maplibre-gl's code carries its name and version banner; the worker is emitted as maplibre-gl-worker-*.mjs. */
function isMaplibre(file: string, text: string): boolean {
  if (/maplibre/i.test(path.basename(file))) return true;
  // A chunk that is mostly maplibre: its size dominates and it holds the library's unique error text.
  // (the explorer's own map module may share the chunk: it is a few KB next to maplibre's ~290 KB gz).
  return text.includes('WebGL2 is required') && !text.includes('createRoot');
}

export function siteSizes(siteDir: string): FileSize[] {
  const html = readFileSync(path.join(siteDir, 'index.html'), 'utf8');
  const referenced = new Set([...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|mjs|css))"/g)].map((m) => m[1]));
  return walk(siteDir)
    .filter((f) => /\.(js|mjs|css)$/.test(f) && !f.endsWith('.gz'))
    .sort()
    .map((f) => {
      const bytes = readFileSync(f);
      const rel = path.relative(siteDir, f);
      return {
        file: rel,
        raw: bytes.length,
        gzip: gzipSize(bytes),
        initial: referenced.has(rel),
        maplibre: isMaplibre(f, bytes.toString('utf8')),
      };
    });
}

export const sum = (files: FileSize[], key: 'raw' | 'gzip'): number => files.reduce((s, f) => s + f[key], 0);

export const totalSize = (dir: string): number => walk(dir).reduce((s, f) => s + statSync(f).size, 0);
