/**
 * Profiles and overlap: pure summaries of a list of assignments (the caller filters it), for the place profile, the
 * industry profile ("where is X backed?") and the planner's overlap view (同质化: industries many cities claim).
 * Every count is defined here once; the views say in words how each figure is counted.
 */
import type { Assignment, PlaceLevel, PlaceProperties, Role } from '../domain/types';
import { roleRank, strongestRole } from './hierarchy';

/** What the profiles need of a place (a PlaceFeature fits). */
export interface ProfilePlace {
  id: string;
  properties: Pick<PlaceProperties, 'city' | 'county' | 'level'>;
}

/** Maps an assignment's industry to the row it is counted under (identity, or its top-level ancestor). */
export type IndustryKey = (industry: string) => string;

const identity: IndustryKey = (i) => i;

const uniq = (xs: Iterable<string>) => [...new Set(xs)];

function byPlanOrder(planOrder: readonly string[]) {
  const rank = new Map(planOrder.map((p, i) => [p, i]));
  return (a: string, b: string) => (rank.get(a) ?? 99) - (rank.get(b) ?? 99);
}

export interface ProfileRow {
  industry: string;
  /** Strongest role per plan id (only plans that name the place for this industry). */
  byPlan: Record<string, Role>;
  /** Plan ids naming it, in plan order. */
  plans: string[];
  strongest: Role;
  products: string[];
  enterprises: string[];
  assignmentIds: string[];
}

export interface PlaceProfile {
  place: string;
  /** One row per industry, strongest role first, then named by more plans, then the latest. */
  rows: ProfileRow[];
  /** The strongest role over all rows (null: nothing). */
  strongest: Role | null;
  /** The industries holding the strongest role. */
  strongestIndustries: string[];
  /** Plans that name the place at all, in plan order. */
  plans: string[];
  /** Parks (and new areas) inside the place with claims of their own: id and number of industries. */
  parks: { place: string; industries: number; strongest: Role }[];
  products: string[];
  enterprises: string[];
  /** Assignments behind the profile (the place's own, not its parks'). */
  count: number;
}

function rowsOf(list: readonly Assignment[], key: IndustryKey, planOrder: readonly string[]): ProfileRow[] {
  const rows = new Map<string, ProfileRow>();
  for (const a of list) {
    const industry = key(a.industry);
    let row = rows.get(industry);
    if (!row) {
      row = { industry, byPlan: {}, plans: [], strongest: a.role, products: [], enterprises: [], assignmentIds: [] };
      rows.set(industry, row);
    }
    const had = row.byPlan[a.plan];
    row.byPlan[a.plan] = had ? (roleRank(had) <= roleRank(a.role) ? had : a.role) : a.role;
    row.strongest = roleRank(row.strongest) <= roleRank(a.role) ? row.strongest : a.role;
    row.products.push(...a.products);
    row.enterprises.push(...a.enterprises);
    row.assignmentIds.push(a.id);
  }
  const cmp = byPlanOrder(planOrder);
  const lastPlan = (r: ProfileRow) => planOrder.indexOf(r.plans.at(-1) ?? '');
  for (const row of rows.values()) {
    row.plans = Object.keys(row.byPlan).sort(cmp);
    row.products = uniq(row.products);
    row.enterprises = uniq(row.enterprises);
  }
  return [...rows.values()].sort(
    (a, b) =>
      roleRank(a.strongest) - roleRank(b.strongest) ||
      b.plans.length - a.plans.length ||
      lastPlan(b) - lastPlan(a) ||
      a.industry.localeCompare(b.industry),
  );
}

/** Parks and new areas lie inside a city (properties.city) or a county (properties.county). */
function isInside(p: ProfilePlace, place: string): boolean {
  return p.id !== place && (p.properties.city === place || p.properties.county === place);
}

const SUB_LEVELS: readonly PlaceLevel[] = ['park', 'newarea'];

/**
 * A place's profile over `assignments` (the caller applies the industry and role filters; all plans): its industries
 * × plans, the strongest role, the parks inside it with claims, and the products and enterprises its claims carry.
 */
export function placeProfile(
  assignments: readonly Assignment[],
  places: readonly ProfilePlace[],
  place: string,
  options: { key?: IndustryKey; planOrder: readonly string[] },
): PlaceProfile {
  const key = options.key ?? identity;
  const own = assignments.filter((a) => a.place === place);
  const rows = rowsOf(own, key, options.planOrder);
  const strongest = strongestRole(rows.map((r) => r.strongest));
  const inside = new Set(
    places.filter((p) => SUB_LEVELS.includes(p.properties.level) && isInside(p, place)).map((p) => p.id),
  );
  const parkRows = new Map<string, { industries: Set<string>; roles: Role[] }>();
  for (const a of assignments) {
    if (!inside.has(a.place)) continue;
    const e = parkRows.get(a.place) ?? { industries: new Set<string>(), roles: [] };
    e.industries.add(key(a.industry));
    e.roles.push(a.role);
    parkRows.set(a.place, e);
  }
  return {
    place,
    rows,
    strongest,
    strongestIndustries: rows.filter((r) => r.strongest === strongest).map((r) => r.industry),
    plans: uniq(own.map((a) => a.plan)).sort(byPlanOrder(options.planOrder)),
    parks: [...parkRows]
      .map(([id, e]) => ({
        place: id,
        industries: e.industries.size,
        strongest: strongestRole(e.roles) ?? 'supporting',
      }))
      .sort((a, b) => roleRank(a.strongest) - roleRank(b.strongest) || b.industries - a.industries),
    products: uniq(rows.flatMap((r) => r.products)),
    enterprises: uniq(rows.flatMap((r) => r.enterprises)),
    count: own.length,
  };
}

export interface IndustryPlaceEntry {
  place: string;
  /** Strongest role any plan gives the place for the industry. */
  strongest: Role;
  /** Strongest role per plan naming it. */
  byPlan: Record<string, Role>;
  /** Plans naming the place for the industry, in plan order. */
  plans: string[];
  /** The latest of those plans. */
  latest: string;
  /** Parks/new areas inside the place that are named for the industry (listed under it, not on their own). */
  parks: string[];
  products: string[];
  enterprises: string[];
}

export interface IndustryProfile {
  /** Places ranked: strongest role, then named by more plans, then named in a later plan. */
  entries: IndustryPlaceEntry[];
  /** Plans that assign the industry to any place, in plan order (the "of N plans" of the summary). */
  plans: string[];
}

/**
 * Where an industry is backed, over `assignments` (the caller keeps only the industry and its sub-industries, and the
 * shown roles; all plans). Parks inside a listed city or county are folded into that place's entry.
 */
export function industryProfile(
  assignments: readonly Assignment[],
  places: readonly ProfilePlace[],
  planOrder: readonly string[],
  /** Only these places are listed (e.g. those the chosen plan names); their persistence still counts every plan. */
  shown?: ReadonlySet<string>,
): IndustryProfile {
  const placeById = new Map(places.map((p) => [p.id, p]));
  const byPlace = new Map<string, Assignment[]>();
  for (const a of assignments)
    if (!shown || shown.has(a.place)) byPlace.set(a.place, [...(byPlace.get(a.place) ?? []), a]);
  const hostOf = (id: string): string | null => {
    const p = placeById.get(id);
    if (!p || !SUB_LEVELS.includes(p.properties.level)) return null;
    const county = p.properties.county;
    if (county && county !== id && byPlace.has(county)) return county;
    const city = p.properties.city;
    if (city && city !== id && byPlace.has(city)) return city;
    return null;
  };
  const cmp = byPlanOrder(planOrder);
  const entries = new Map<string, IndustryPlaceEntry>();
  const folded: [string, string][] = [];
  for (const [place, list] of byPlace) {
    const host = hostOf(place);
    if (host) {
      folded.push([host, place]);
      continue;
    }
    const byPlan: Record<string, Role> = {};
    for (const a of list) {
      const had = byPlan[a.plan];
      byPlan[a.plan] = had && roleRank(had) <= roleRank(a.role) ? had : a.role;
    }
    const plans = Object.keys(byPlan).sort(cmp);
    entries.set(place, {
      place,
      strongest: strongestRole(list.map((a) => a.role)) ?? 'supporting',
      byPlan,
      plans,
      latest: plans.at(-1) ?? '',
      parks: [],
      products: uniq(list.flatMap((a) => a.products)),
      enterprises: uniq(list.flatMap((a) => a.enterprises)),
    });
  }
  for (const [host, park] of folded) {
    const e = entries.get(host);
    if (!e) continue;
    e.parks.push(park);
    const list = byPlace.get(park) ?? [];
    e.products = uniq([...e.products, ...list.flatMap((a) => a.products)]);
    e.enterprises = uniq([...e.enterprises, ...list.flatMap((a) => a.enterprises)]);
  }
  const rankPlan = (p: string) => planOrder.indexOf(p);
  return {
    entries: [...entries.values()].sort(
      (a, b) =>
        roleRank(a.strongest) - roleRank(b.strongest) ||
        b.plans.length - a.plans.length ||
        rankPlan(b.latest) - rankPlan(a.latest) ||
        a.place.localeCompare(b.place),
    ),
    plans: uniq(assignments.map((a) => a.plan)).sort(cmp),
  };
}

export interface IndustryOverlap {
  industry: string;
  /** Prefecture-level cities named for the industry themselves. */
  cities: string[];
  /** Counties and districts named themselves. */
  counties: string[];
  /** Cities reached: named themselves, or through a county, park or new area inside them. */
  reached: string[];
}

export interface CityOverlap {
  city: string;
  /** Industries reached in the city (the city itself or a place inside it). */
  industries: string[];
  /** Of those, the industries no other city reaches. */
  only: string[];
  /** Assignments in the city (itself and the places inside it). */
  count: number;
  /** Share of those assignments in its three largest industries (0–1): 1 = everything in three industries. */
  top3Share: number;
  /** The three largest industries with their assignment counts. */
  top: { industry: string; count: number }[];
}

export interface Overlap {
  /** Per industry, most cities reached first (ties: more counties, then id). */
  industries: IndustryOverlap[];
  /** Per city (city code order). */
  cities: CityOverlap[];
}

/**
 * How many cities and counties the assignments give each industry, and per city what only it is given and how
 * concentrated its assignments are. `key` maps industries to the level compared (top-level or exact).
 */
export function overlap(
  assignments: readonly Assignment[],
  places: readonly ProfilePlace[],
  key: IndustryKey = identity,
): Overlap {
  const placeById = new Map(places.map((p) => [p.id, p]));
  const cityOf = (id: string): string | null => {
    const p = placeById.get(id);
    if (!p) return null;
    if (p.properties.level === 'city') return id;
    const c = p.properties.city;
    return c && placeById.get(c)?.properties.level === 'city' ? c : null;
  };
  const per = new Map<string, { cities: Set<string>; counties: Set<string>; reached: Set<string> }>();
  const perCity = new Map<string, Map<string, number>>();
  for (const a of assignments) {
    const industry = key(a.industry);
    const e = per.get(industry) ?? { cities: new Set(), counties: new Set(), reached: new Set() };
    per.set(industry, e);
    const level = placeById.get(a.place)?.properties.level;
    if (level === 'city') e.cities.add(a.place);
    if (level === 'county') e.counties.add(a.place);
    const city = cityOf(a.place);
    if (!city) continue;
    e.reached.add(city);
    const counts = perCity.get(city) ?? new Map<string, number>();
    counts.set(industry, (counts.get(industry) ?? 0) + 1);
    perCity.set(city, counts);
  }
  const industries = [...per]
    .map(([industry, e]) => ({
      industry,
      cities: [...e.cities].sort(),
      counties: [...e.counties].sort(),
      reached: [...e.reached].sort(),
    }))
    .sort(
      (a, b) =>
        b.reached.length - a.reached.length ||
        b.counties.length - a.counties.length ||
        a.industry.localeCompare(b.industry),
    );
  const reachedBy = new Map(industries.map((i) => [i.industry, i.reached.length]));
  const cities = [...perCity]
    .map(([city, counts]): CityOverlap => {
      const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const count = sorted.reduce((n, [, c]) => n + c, 0);
      const top = sorted.slice(0, 3).map(([industry, c]) => ({ industry, count: c }));
      return {
        city,
        industries: sorted.map(([i]) => i),
        only: sorted.filter(([i]) => reachedBy.get(i) === 1).map(([i]) => i),
        count,
        top3Share: count ? top.reduce((n, t) => n + t.count, 0) / count : 0,
        top,
      };
    })
    .sort((a, b) => a.city.localeCompare(b.city));
  return { industries, cities };
}
