/** Copies a built site and writes `.gz` siblings of its text files, so sirv serves it compressed like a real host. */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|geojson|svg|txt|webmanifest)$/;

export function prepareSite(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (COMPRESSIBLE.test(e.name)) writeFileSync(`${full}.gz`, gzipSync(readFileSync(full), { level: 9 }));
    }
  };
  walk(to);
}
