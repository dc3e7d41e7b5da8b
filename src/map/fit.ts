/**
 * The default fit's framing, shared by the live map (ExplorerMap) and the static preview (StaticMap), so the two
 * cannot drift: the province sits clear of the legend in the lower-left corner, in a left or bottom strip.
 */

/** A box over the map's lower-left corner (the legend), in CSS pixels. */
export interface CornerBox {
  width: number;
  height: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const FIT_EDGE = 16;
/** Room between the legend and the province (labels and outlines reach a little past the boundary). */
const GAP = 14;

/**
 * Paddings that keep a fit clear of the legend: either the whole left strip or the whole bottom strip is reserved,
 * so the fitted bounds never lie under the legend box. The caller keeps whichever zooms in more (bestFitPadding).
 */
export function fitPaddings(map: CornerBox, legend: CornerBox | null): Padding[] {
  const base = { top: FIT_EDGE, right: FIT_EDGE, bottom: FIT_EDGE, left: FIT_EDGE };
  if (!legend || legend.width <= 0 || legend.height <= 0) return [base];
  const out: Padding[] = [];
  // A strip may take at most 60 % of the map; a legend larger than that cannot be avoided on that side.
  if (legend.width + GAP <= map.width * 0.6) out.push({ ...base, left: legend.width + GAP });
  if (legend.height + GAP <= map.height * 0.6) out.push({ ...base, bottom: legend.height + GAP });
  return out.length ? out : [{ ...base, bottom: Math.min(legend.height + GAP, map.height * 0.8) }];
}

/** The scale at which `content` (projected width and height) fits the map inside `p`. */
export function fitScale(map: CornerBox, p: Padding, content: CornerBox): number {
  return Math.min((map.width - p.left - p.right) / content.width, (map.height - p.top - p.bottom) / content.height);
}

/** The padding of fitPaddings that shows `content` (projected width and height) largest; the first on a tie. */
export function bestFitPadding(map: CornerBox, legend: CornerBox | null, content: CornerBox): Padding {
  let best: Padding | undefined;
  let bestScale = -Infinity;
  for (const p of fitPaddings(map, legend)) {
    const s = fitScale(map, p, content);
    if (s > bestScale) {
      best = p;
      bestScale = s;
    }
  }
  return best as Padding;
}
