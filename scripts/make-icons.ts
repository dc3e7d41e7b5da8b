/**
 * Writes the web-app icons to public/icons/ (committed; rerun only to change the design):
 *   npx tsx scripts/make-icons.ts
 * The design is a 3×3 division-of-labour matrix (core / focus / supporting / none) on the theme colour, drawn
 * pixel by pixel and encoded as PNG with node:zlib, so no image library is needed. Node-only; the app never imports it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const THEME = '#0f4c5c';
const CELLS = ['#f4a261', '#e9c46a', '#ffffff', '#e9c46a', '#f4a261', '#e9c46a', '#ffffff', '#8ab17d', '#f4a261'];

type Rgba = [number, number, number, number];
const hex = (h: string, a = 255): Rgba => [
  Number.parseInt(h.slice(1, 3), 16),
  Number.parseInt(h.slice(3, 5), 16),
  Number.parseInt(h.slice(5, 7), 16),
  a,
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** maskable: full-bleed background and the grid inside the central safe zone (radius 40%). */
export function icon(size: number, maskable: boolean): Buffer {
  const bg = hex(THEME);
  const clear: Rgba = [0, 0, 0, 0];
  const radius = maskable ? 0 : size * 0.18;
  const grid = size * (maskable ? 0.5 : 0.64);
  const origin = (size - grid) / 2;
  const gap = grid * 0.06;
  const cell = (grid - 2 * gap) / 3;
  return encodePng(size, (x, y) => {
    // Rounded-square mask for the plain icon.
    const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
    const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
    if (radius > 0 && (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius ** 2) return clear;
    const gx = x - origin;
    const gy = y - origin;
    if (gx < 0 || gy < 0 || gx >= grid || gy >= grid) return bg;
    const col = Math.floor(gx / (cell + gap));
    const row = Math.floor(gy / (cell + gap));
    if (gx - col * (cell + gap) >= cell || gy - row * (cell + gap) >= cell) return bg;
    return hex(CELLS[row * 3 + col] ?? '#ffffff');
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
  mkdirSync(out, { recursive: true });
  const files: [string, number, boolean][] = [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
    ['apple-touch-icon-180.png', 180, true],
    ['favicon-32.png', 32, false],
  ];
  for (const [name, size, maskable] of files) writeFileSync(join(out, name), icon(size, maskable));
  console.log(`make-icons: ${files.length} PNGs → public/icons/`);
}
