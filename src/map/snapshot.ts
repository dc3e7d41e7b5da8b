/**
 * Composes a map image for download: a title and subtitle above, the map, then a legend and a source line below,
 * drawn on a 2D canvas so the PNG carries what it shows and where it comes from. No maplibre here: it takes the
 * map's pixels as an image source.
 */

export interface SnapshotOverlay {
  title: string;
  subtitle: string;
  legend: { color: string; label: string }[];
  source: string;
}

const FONT_STACK = '"Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Greedy line wrapping that works for Chinese (no spaces) and English alike. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = ch.trimStart();
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

export function composeSnapshot(
  map: CanvasImageSource & { width: number; height: number },
  overlay: SnapshotOverlay,
  scale = 1,
): HTMLCanvasElement {
  const pad = 16 * scale;
  const width = map.width;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('2D canvas unavailable');
  const inner = width - 2 * pad;
  measure.font = `${13 * scale}px ${FONT_STACK}`;
  const sourceLines = wrap(measure, overlay.source, inner);
  const subLines = wrap(measure, overlay.subtitle, inner);
  // Legend items flow left to right and wrap.
  const itemW = overlay.legend.map((i) => 22 * scale + measure.measureText(i.label).width + 16 * scale);
  let rows = 1;
  let x = 0;
  for (const w of itemW) {
    if (x + w > inner && x > 0) {
      rows++;
      x = 0;
    }
    x += w;
  }
  const lh = 18 * scale;
  const header = pad + 22 * scale + subLines.length * lh + pad / 2;
  const footer = pad / 2 + (overlay.legend.length ? rows * lh + pad / 2 : 0) + sourceLines.length * lh + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = Math.ceil(header + map.height + footer);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1d1d1b';
  ctx.textBaseline = 'top';
  ctx.font = `600 ${18 * scale}px ${FONT_STACK}`;
  ctx.fillText(overlay.title, pad, pad);
  ctx.font = `${13 * scale}px ${FONT_STACK}`;
  ctx.fillStyle = '#5b5b55';
  for (const [i, l] of subLines.entries()) ctx.fillText(l, pad, pad + 24 * scale + i * lh);
  ctx.drawImage(map, 0, header);
  let y = header + map.height + pad / 2;
  x = pad;
  ctx.fillStyle = '#1d1d1b';
  overlay.legend.forEach((item, i) => {
    const w = itemW[i] ?? 0;
    if (x + w > width - pad && x > pad) {
      x = pad;
      y += lh;
    }
    ctx.fillStyle = item.color;
    ctx.fillRect(x, y + 2 * scale, 14 * scale, 14 * scale);
    ctx.strokeStyle = 'rgba(0,0,0,0.3)';
    ctx.strokeRect(x, y + 2 * scale, 14 * scale, 14 * scale);
    ctx.fillStyle = '#1d1d1b';
    ctx.fillText(item.label, x + 20 * scale, y + 2 * scale);
    x += w;
  });
  if (overlay.legend.length) y += lh + pad / 2;
  ctx.fillStyle = '#5b5b55';
  for (const [i, l] of sourceLines.entries()) ctx.fillText(l, pad, y + i * lh);
  return canvas;
}
