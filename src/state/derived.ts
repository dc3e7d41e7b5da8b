/**
 * Everything the views and the map derive from (data, state), computed once per change of the fields it depends on.
 * The map module and React both read through one `Deriver`, so a filter change is computed once: first by the map's
 * store subscription (which pushes it to the map before React renders), then reused by React.
 */
import type { ChangeRow } from '../analysis/changes.ts';
import { industryWithDescendants, treeOf } from '../analysis/hierarchy.ts';
import type { Matrix } from '../analysis/matrix.ts';
import type { ExplorerData } from '../data/load.ts';
import type { Assignment, Role } from '../domain/types.ts';
import { type ColorMode, changeFills, placeFills } from './colors.ts';
import { comparison, matrixFor, placeChanges } from './planner.ts';
import { filterTests, type PlaceSummary, summarizeByPlace, termAssignments, visibleAssignments } from './selectors.ts';
import type { ExplorerState } from './store.ts';

export interface FilterCounts {
  /** Assignments each plan would show with the other filters kept. */
  plan: Map<string, number>;
  role: Record<Role, number>;
  /** Per industry, a parent counting its sub-industries. */
  industry: Map<string, number>;
}

export interface Derived {
  visible: Assignment[];
  summary: Map<string, PlaceSummary>;
  mode: ColorMode;
  fills: Map<string, string>;
  /** Places with visible claims of their own (what a click picks; counties among them are outlined). */
  claimed: Set<string>;
  /** Change view only: the change rows between the two compared plans, and each place's kind (map feature-state). */
  changes: ChangeRow[] | null;
  kinds: Map<string, string>;
  /** Matrix view only: the matrix under the current filters. */
  matrix: Matrix | null;
  counts: FilterCounts;
  /** A product or enterprise chosen: its assignments under the plan and role filters (the map shows their places). */
  term: Assignment[] | null;
}

/**
 * The state `compute` reads, and so the memo's key. Not the URL's parameter set (src/state/params.ts): the selected
 * place, the language, the source reader, the open matrix cell and the camera change no derived value (panels and the
 * map read them directly), so a click or a pan reuses the last result. compute sees only these fields (DeriveState),
 * so reading another one fails tsc until it is added here.
 */
const KEYS = [
  'plan',
  'industry',
  'roles',
  'view',
  'from',
  'to',
  'level',
  'sort',
  'city',
  'rows',
  'term',
] as const satisfies readonly (keyof ExplorerState)[];

type DeriveState = Pick<ExplorerState, (typeof KEYS)[number]>;

export type Deriver = (s: DeriveState) => Derived;

/** Per-data indexes the selectors would otherwise rebuild on every change. */
interface Index {
  /** Industry id → itself and all its descendants. */
  scope: Map<string, Set<string>>;
  /** County id → its city's place id. */
  cityOf: Map<string, string>;
}

function buildIndex(data: ExplorerData): Index {
  const tree = treeOf(data.industries);
  const scope = new Map(data.industries.map((i) => [i.id, industryWithDescendants(tree, i.id)]));
  const cityOf = new Map<string, string>();
  for (const p of data.places) {
    const city = p.properties.city;
    if (p.properties.level === 'county' && city && data.placeById.has(city)) cityOf.set(p.id, city);
  }
  return { scope, cityOf };
}

/** The three filter-count tables in one pass over the assignments. */
export function filterCounts(data: ExplorerData, s: Pick<ExplorerState, 'plan' | 'industry' | 'roles'>): FilterCounts {
  const idx = indexOf(data);
  const { inPlan: planTest, inIndustry: industryTest, inRole: roleTest } = filterTests(data, s);
  const plan = new Map<string, number>();
  const role: Record<Role, number> = { core: 0, focus: 0, supporting: 0 };
  const direct = new Map<string, number>();
  for (const a of data.assignments) {
    const inPlan = planTest(a);
    const inIndustry = industryTest(a);
    const inRole = roleTest(a);
    if (inIndustry && inRole) plan.set(a.plan, (plan.get(a.plan) ?? 0) + 1);
    if (inPlan && inIndustry) role[a.role]++;
    if (inPlan && inRole) direct.set(a.industry, (direct.get(a.industry) ?? 0) + 1);
  }
  const industry = new Map<string, number>();
  for (const [id, ids] of idx.scope) {
    let n = 0;
    for (const d of ids) n += direct.get(d) ?? 0;
    industry.set(id, n);
  }
  return { plan, role, industry };
}

const indexes = new WeakMap<ExplorerData, Index>();
function indexOf(data: ExplorerData): Index {
  let idx = indexes.get(data);
  if (!idx) {
    idx = buildIndex(data);
    indexes.set(data, idx);
  }
  return idx;
}

function compute(data: ExplorerData, s: DeriveState): Derived {
  const idx = indexOf(data);
  const visible = visibleAssignments(data, s);
  const summary = summarizeByPlace(visible);
  const counts = filterCounts(data, s);
  const claimed = new Set(summary.keys());
  if (s.view === 'changes') {
    const changes = comparison(data, { from: s.from, to: s.to, level: s.level, industry: s.industry });
    const kinds = placeChanges(changes);
    const fills = changeFills(kinds);
    return {
      visible,
      summary,
      mode: 'change',
      fills,
      claimed: new Set(kinds.keys()),
      changes,
      kinds,
      matrix: null,
      counts,
      term: null,
    };
  }
  const matrix = s.view === 'matrix' ? matrixFor(data, s) : null;
  if (s.term) {
    // The map shows where the plans put the chosen product or company, coloured by the strongest role there.
    const term = termAssignments(data, s, s.term);
    const own = summarizeByPlace(term);
    const fills = placeFills(own, 'role', idx.cityOf);
    return {
      visible,
      summary,
      mode: 'role',
      fills,
      claimed: new Set(own.keys()),
      changes: null,
      kinds: new Map(),
      matrix,
      counts,
      term,
    };
  }
  const mode = s.industry ? 'role' : 'count';
  const fills = placeFills(summary, mode, idx.cityOf);
  return { visible, summary, mode, fills, claimed, changes: null, kinds: new Map(), matrix, counts, term: null };
}

/**
 * A memoised `compute` for one data set. It keeps the last two results: the map computes the new state first, and
 * React may still render the previous one (deferred) before it catches up.
 */
export function createDeriver(data: ExplorerData): Deriver {
  const cache: { key: DeriveState; value: Derived }[] = [];
  const same = (a: DeriveState, b: DeriveState) =>
    KEYS.every((k) => a[k] === b[k] || (k === 'roles' && a.roles.join() === b.roles.join()));
  return (s) => {
    const hit = cache.find((c) => same(c.key, s));
    if (hit) return hit.value;
    const value = compute(data, s);
    cache.unshift({ key: s, value });
    cache.length = Math.min(cache.length, 2);
    return value;
  };
}
