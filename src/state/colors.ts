/**
 * What the map colours mean, in one place shared by the map and the legend. One industry chosen: the strongest role
 * of each place (an ordinal blue ramp, dark = core). All industries: the number of industries assigned (an orange
 * ramp in bins). Grey is kept for "nothing assigned".
 */
import { scaleOrdinal, scaleThreshold } from 'd3-scale';
import { ROLES, type Role } from '../domain/types.ts';
import type { PlaceChange } from './planner.ts';
import { type PlaceSummary, strongerRole } from './selectors.ts';

export const NO_DATA_COLOR = '#e4e4e0';

export const roleColor = scaleOrdinal<Role, string>().domain(ROLES).range(['#08306b', '#2f7ebc', '#9ecae1']);

/**
 * Bins of "number of industries": 1–2, 3–5, 6–9, 10–14, 15+. Fixed, not fitted to the current filter, so a colour means
 * the same in every plan; chosen so the eleven cities of the all-plans view spread over the bins (they run from 4 to 26)
 * instead of most falling in the top one.
 */
const COUNT_THRESHOLDS = [3, 6, 10, 15];
export const countColor = scaleThreshold<number, string>()
  .domain(COUNT_THRESHOLDS)
  .range(['#fdd0a2', '#fdae6b', '#f16913', '#d94801', '#7f2704']);

/**
 * Change view: one hue per kind (Okabe–Ito, distinguishable with common colour-vision deficiencies); the legend and
 * the list name each kind in words, so colour is never the only carrier.
 */
export const CHANGE_COLORS: Record<PlaceChange, string> = {
  gained: '#009e73',
  dropped: '#d55e00',
  upgraded: '#0072b2',
  downgraded: '#e69f00',
  kept: '#9ab8d0',
  mixed: '#cc79a7',
};
export const PLACE_CHANGES = ['gained', 'dropped', 'upgraded', 'downgraded', 'kept', 'mixed'] as const;

export type ColorMode = 'role' | 'count' | 'change';

export interface LegendItem {
  color: string;
  /** i18n key and its options. */
  key: string;
  options?: Record<string, string | number>;
}

/**
 * Fill per place. A county is drawn on top of its city, so it is coloured by every claim that reaches it: its own and
 * its city's (all industries: the distinct industries of both; one industry: the stronger role). A county is then never
 * lighter than the city around it, which would read as "less". `cityOf` maps a county to its city; without it each
 * place shows only its own claims. Counties with claims of their own also get an outline (see `ownClaims`).
 */
export function placeFills(
  summary: Map<string, PlaceSummary>,
  mode: ColorMode,
  cityOf?: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  const colorOf = (s: PlaceSummary, city: PlaceSummary | undefined) => {
    if (mode === 'role') return roleColor(city ? strongerRole(s.strongest, city.strongest) : s.strongest);
    if (!city) return countColor(s.industries.size);
    return countColor(new Set([...s.industries, ...city.industries]).size);
  };
  for (const [id, s] of summary) {
    const city = cityOf?.get(id);
    out.set(id, colorOf(s, city ? summary.get(city) : undefined));
  }
  if (cityOf)
    for (const [county, city] of cityOf) {
      const c = summary.get(city);
      if (c && !summary.has(county)) out.set(county, colorOf(c, undefined));
    }
  return out;
}

export function changeFills(kinds: Map<string, PlaceChange>): Map<string, string> {
  return new Map([...kinds].map(([id, k]) => [id, CHANGE_COLORS[k]]));
}

export function legendItems(mode: ColorMode): LegendItem[] {
  if (mode === 'change') return PLACE_CHANGES.map((k) => ({ color: CHANGE_COLORS[k], key: `change.kind.${k}` }));
  if (mode === 'role') return ROLES.map((r) => ({ color: roleColor(r), key: `role.${r}` }));
  const bounds = [1, ...COUNT_THRESHOLDS];
  return bounds.map((lo, i): LegendItem => {
    const hi = (bounds[i + 1] ?? 0) - 1;
    const color = countColor(lo);
    if (i === bounds.length - 1) return { color, key: 'legend.countAtLeast', options: { n: lo } };
    return lo === hi
      ? { color, key: 'legend.countOne', options: { n: lo } }
      : { color, key: 'legend.countRange', options: { lo, hi } };
  });
}

/** How a legend entry is marked: a filled swatch, an outline, a dashed outline, a point, or words only. */
export type LegendMark = 'fill' | 'outline' | 'dashed' | 'dot' | 'note';

export interface LegendEntry {
  mark: LegendMark;
  /** The swatch colour for `fill`. */
  color?: string;
  key: string;
  options?: Record<string, string | number>;
}

/**
 * Everything the on-screen legend explains, in order: the colours, "nothing", how counties are coloured, the county
 * outline, the dashed region lines and the park points. The PNG export draws the same list (src/map/snapshot.ts).
 */
export function legendEntries(mode: ColorMode): LegendEntry[] {
  const out: LegendEntry[] = legendItems(mode).map((i) => ({ mark: 'fill', ...i }));
  out.push({ mark: 'fill', color: NO_DATA_COLOR, key: mode === 'change' ? 'legend.noChange' : 'legend.none' });
  if (mode !== 'change') {
    out.push({ mark: 'note', key: mode === 'role' ? 'legend.countyRole' : 'legend.countyCount' });
    out.push({ mark: 'outline', key: 'legend.countyOwn' });
  }
  out.push({ mark: 'dashed', key: 'legend.region' }, { mark: 'dot', key: 'legend.park' });
  return out;
}
