/**
 * Composes a map image for download: a title and subtitle above, the map, then a legend and a source line below,
 * drawn on a 2D canvas so the PNG carries what it shows and where it comes from. No maplibre here: it takes the
 * map's pixels as an image source.
 */

/** A legend entry as the on-screen legend shows it: a colour swatch, an outline, a dashed line, a point, or words. */
export interface SnapshotLegendItem {
  mark?: 'fill' | 'outline' | 'dashed' | 'dot' | 'note';
  color?: string;
  label: string;
}

export interface SnapshotOverlay {
  title: string;
  subtitle: string;
  legend: SnapshotLegendItem[];
  source: string;
}

export interface PlacedItem {
  item: SnapshotLegendItem;
  x: number;
  /** Row index. */
  row: number;
}

/**
 * Legend items flow left to right and wrap at `width`; a note (words only, e.g. how counties are coloured) takes a
 * row of its own. `measure` gives a label's width; `marker` is the swatch plus gap, `gap` the space between items.
 */
export function layoutLegend(
  items: readonly SnapshotLegendItem[],
  width: number,
  measure: (text: string) => number,
  marker: number,
  gap: number,
): { placed: PlacedItem[]; rows: number } {
  const placed: PlacedItem[] = [];
  let row = 0;
  let x = 0;
  for (const item of items) {
    const note = item.mark === 'note';
    const w = (note ? 0 : marker) + measure(item.label) + gap;
    if ((note || x + w > width) && x > 0) {
      row++;
      x = 0;
    }
    placed.push({ item, x, row });
    x += w;
    if (note) {
      row++;
      x = 0;
    }
  }
  return { placed, rows: items.length ? (x > 0 ? row + 1 : row) : 0 };
}

const FONT_STACK = '"Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

// One break unit each: a Han character, kana or full-width punctuation (Chinese breaks between any two), or a run
// of other text with the spaces after it (English breaks only at spaces, never inside a word or a URL).
const BREAK_UNITS =
  /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+\s*|\s+/gu;

/**
 * Greedy line wrapping at break opportunities: between Chinese characters and at spaces in English. A single word
 * wider than the line (a long URL) is the one case broken between characters. `measure` gives a string's width.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (const unit of text.match(BREAK_UNITS) ?? []) {
    if (measure((line + unit).trimEnd()) <= width) {
      line += unit;
      continue;
    }
    push();
    if (measure(unit.trimEnd()) <= width) {
      line = unit.trimStart();
      continue;
    }
    for (const ch of unit) {
      if (measure((line + ch).trimEnd()) > width && line) push();
      line += line ? ch : ch.trimStart();
    }
  }
  push();
  return lines;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  return wrapText(text, width, (s) => ctx.measureText(s).width);
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
  const { placed, rows } = layoutLegend(
    overlay.legend,
    inner,
    (t) => measure.measureText(t).width,
    22 * scale,
    16 * scale,
  );
  const lh = 18 * scale;
  const header = pad + 22 * scale + subLines.length * lh + pad / 2;
  const footer = pad / 2 + (rows ? rows * lh + pad / 2 : 0) + sourceLines.length * lh + pad;
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
  const top = header + map.height + pad / 2;
  for (const { item, x, row } of placed) {
    const left = pad + x;
    const y = top + row * lh;
    const box = 14 * scale;
    const by = y + 2 * scale;
    ctx.save();
    if (item.mark === 'note') {
      ctx.fillStyle = '#5b5b55';
      ctx.fillText(item.label, left, by);
      ctx.restore();
      continue;
    }
    if (item.mark === 'dot') {
      ctx.beginPath();
      ctx.arc(left + box / 2, by + box / 2, box / 2 - scale, 0, 2 * Math.PI);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 2 * scale;
      ctx.strokeStyle = '#555550';
      ctx.stroke();
    } else if (item.mark === 'outline' || item.mark === 'dashed') {
      // The county outline (bold, solid) and the macro-region / new-area line (dashed), as on the map.
      ctx.lineWidth = 2 * scale;
      ctx.strokeStyle = '#1d1d1b';
      if (item.mark === 'dashed') ctx.setLineDash([3 * scale, 2 * scale]);
      ctx.strokeRect(left + scale, by + scale, box - 2 * scale, box - 2 * scale);
    } else {
      ctx.fillStyle = item.color ?? '#ffffff';
      ctx.fillRect(left, by, box, box);
      ctx.strokeStyle = 'rgba(0,0,0,0.3)';
      ctx.strokeRect(left, by, box, box);
    }
    ctx.restore();
    ctx.fillStyle = '#1d1d1b';
    ctx.fillText(item.label, left + 20 * scale, by);
  }
  const y = top + (rows ? rows * lh + pad / 2 : 0);
  ctx.fillStyle = '#5b5b55';
  for (const [i, l] of sourceLines.entries()) ctx.fillText(l, pad, y + i * lh);
  return canvas;
}
