import { roleRank, strongestRole } from '../domain/roles';
import type { Assignment, Industry, PlaceLevel, PlaceProperties, Role } from '../domain/types';
import { compareIndustries, type IndustryTree, industryTree } from './hierarchy';

/**
 * The division-of-labour matrix: places (rows, grouped by city) × industries (columns, grouped by top-level industry).
 * Each cell holds the strongest role, the plans it comes from and the assignment ids behind it, per plan too, so
 * the matrix can be filtered by plan or role without going back to the assignments.
 */

/** What the matrix needs of a place (a PlaceFeature fits). */
export interface MatrixPlace {
  id: string;
  properties: Pick<PlaceProperties, 'city' | 'level'>;
}

export interface PlanCell {
  role: Role;
  assignmentIds: string[];
}

export interface MatrixCell {
  place: string;
  industry: string;
  /** Strongest role over every plan in the cell. */
  role: Role;
  /** Plan ids, in planOrder (or first-seen order). */
  plans: string[];
  byPlan: Record<string, PlanCell>;
  /** All assignment ids, strongest role first. */
  assignmentIds: string[];
}

export interface MatrixRow {
  place: string;
  /** Code of the containing city; null for the province, macro-regions and unknown places. */
  city: string | null;
  level: PlaceLevel | null;
  /** Cells by industry id (only industries with an assignment for this place). */
  cells: Record<string, MatrixCell>;
}

export interface MatrixRowGroup {
  city: string | null;
  rows: MatrixRow[];
}

export interface MatrixColumn {
  industry: string;
  /** Places with a cell in this column. */
  count: number;
}

export interface MatrixColumnGroup {
  /** The top-level industry heading the group. */
  industry: string;
  columns: MatrixColumn[];
}

export interface Matrix {
  columnGroups: MatrixColumnGroup[];
  rowGroups: MatrixRowGroup[];
}

export interface MatrixOptions {
  /** 'exact' (default): a column per industry as assigned; 'top': one column per top-level industry. */
  level?: 'exact' | 'top';
  /** Order of plan ids inside a cell (e.g. by year); unknown plans follow in first-seen order. */
  planOrder?: readonly string[];
  /** Keep these places as (empty) rows even without assignments. */
  includePlaces?: readonly string[];
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, macro: 1, city: 2, county: 3, newarea: 4, park: 5 };

function comparePlacesInGroup(a: MatrixRow, b: MatrixRow): number {
  const rank = (row: MatrixRow) => (row.level === null ? 9 : LEVEL_RANK[row.level]);
  return rank(a) - rank(b) || a.place.localeCompare(b.place);
}

function compareCities(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

function sortIds(entries: { id: string; role: Role }[]): string[] {
  return [...entries].sort((x, y) => roleRank(x.role) - roleRank(y.role)).map((e) => e.id);
}

export function buildMatrix(
  assignments: readonly Assignment[],
  places: readonly MatrixPlace[],
  industries: readonly Industry[],
  options: MatrixOptions = {},
): Matrix {
  const tree = industryTree(industries);
  const placeById = new Map(places.map((p) => [p.id, p]));
  const planRank = new Map<string, number>((options.planOrder ?? []).map((id, i) => [id, i]));
  for (const a of assignments) if (!planRank.has(a.plan)) planRank.set(a.plan, planRank.size);

  const rows = new Map<string, MatrixRow>();
  const rowOf = (place: string): MatrixRow => {
    let row = rows.get(place);
    if (row === undefined) {
      const props = placeById.get(place)?.properties;
      row = { place, city: props?.city ?? null, level: props?.level ?? null, cells: {} };
      rows.set(place, row);
    }
    return row;
  };
  for (const place of options.includePlaces ?? []) rowOf(place);

  // Collect (place, industry, plan) → entries first, then fold into cells.
  const raw = new Map<MatrixCell, Map<string, { id: string; role: Role }[]>>();
  for (const a of assignments) {
    const industry = options.level === 'top' ? tree.rootOf(a.industry) : a.industry;
    const row = rowOf(a.place);
    let cell = row.cells[industry];
    if (cell === undefined) {
      cell = { place: a.place, industry, role: a.role, plans: [], byPlan: {}, assignmentIds: [] };
      row.cells[industry] = cell;
      raw.set(cell, new Map());
    }
    const perPlan = raw.get(cell);
    const list = perPlan?.get(a.plan) ?? [];
    list.push({ id: a.id, role: a.role });
    perPlan?.set(a.plan, list);
  }
  for (const [cell, perPlan] of raw) finishCell(cell, perPlan, planRank);

  const columns = new Map<string, number>();
  for (const row of rows.values()) {
    for (const industry of Object.keys(row.cells)) columns.set(industry, (columns.get(industry) ?? 0) + 1);
  }
  return { columnGroups: groupColumns(columns, tree), rowGroups: groupRows([...rows.values()]) };
}

function finishCell(
  cell: MatrixCell,
  perPlan: Map<string, { id: string; role: Role }[]>,
  planRank: Map<string, number>,
) {
  const plans = [...perPlan.keys()].sort((x, y) => (planRank.get(x) ?? 0) - (planRank.get(y) ?? 0));
  const all: { id: string; role: Role }[] = [];
  cell.plans = plans;
  cell.byPlan = {};
  for (const plan of plans) {
    const entries = perPlan.get(plan) ?? [];
    all.push(...entries);
    cell.byPlan[plan] = {
      role: strongestRole(entries.map((e) => e.role)) ?? cell.role,
      assignmentIds: sortIds(entries),
    };
  }
  cell.role = strongestRole(all.map((e) => e.role)) ?? cell.role;
  cell.assignmentIds = sortIds(all);
}

function groupColumns(columns: Map<string, number>, tree: IndustryTree): MatrixColumnGroup[] {
  const groups = new Map<string, MatrixColumn[]>();
  const ids = [...columns.keys()].sort((a, b) => compareIndustries(tree, a, b));
  for (const industry of ids) {
    const root = tree.rootOf(industry);
    const list = groups.get(root) ?? [];
    list.push({ industry, count: columns.get(industry) ?? 0 });
    groups.set(root, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareIndustries(tree, a, b))
    .map(([industry, cols]) => ({ industry, columns: cols }));
}

function groupRows(rows: MatrixRow[]): MatrixRowGroup[] {
  const groups = new Map<string | null, MatrixRow[]>();
  for (const row of rows) {
    const list = groups.get(row.city) ?? [];
    list.push(row);
    groups.set(row.city, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareCities(a, b))
    .map(([city, list]) => ({ city, rows: list.sort(comparePlacesInGroup) }));
}

/** Column industry ids, left to right. */
export function matrixColumns(matrix: Matrix): string[] {
  return matrix.columnGroups.flatMap((g) => g.columns.map((c) => c.industry));
}

/** Rows top to bottom, ignoring the city groups. */
export function matrixRows(matrix: Matrix): MatrixRow[] {
  return matrix.rowGroups.flatMap((g) => g.rows);
}

export function cellAt(matrix: Matrix, place: string, industry: string): MatrixCell | undefined {
  for (const group of matrix.rowGroups) {
    const row = group.rows.find((r) => r.place === place);
    if (row) return row.cells[industry];
  }
  return undefined;
}

export type MatrixSort =
  | { by: 'place' }
  /** Strongest role in the column first ('desc') or weakest first ('asc'); empty cells always last. */
  | { by: 'industry'; industry: string; direction?: 'asc' | 'desc' }
  /** Number of industries a place carries, most first ('desc') or fewest first. */
  | { by: 'count'; direction?: 'asc' | 'desc' };

/** A comparator for rows; ties fall back to the city order and then the in-city order. */
export function compareRows(sort: MatrixSort): (a: MatrixRow, b: MatrixRow) => number {
  const fallback = (a: MatrixRow, b: MatrixRow) => compareCities(a.city, b.city) || comparePlacesInGroup(a, b);
  if (sort.by === 'place') return fallback;
  const sign = (sort.direction ?? 'desc') === 'desc' ? 1 : -1;
  if (sort.by === 'count') {
    return (a, b) => sign * (Object.keys(b.cells).length - Object.keys(a.cells).length) || fallback(a, b);
  }
  return (a, b) => {
    const ra = a.cells[sort.industry];
    const rb = b.cells[sort.industry];
    if (!ra || !rb) return (ra ? -1 : 0) + (rb ? 1 : 0) || fallback(a, b);
    return sign * (roleRank(ra.role) - roleRank(rb.role)) || fallback(a, b);
  };
}

/**
 * Sort the rows. `grouped: true` (default) sorts inside each city group and keeps the groups in city order;
 * `grouped: false` returns one group (city null) holding every row, so a column sort ranks the whole province.
 */
export function sortMatrix(matrix: Matrix, sort: MatrixSort, grouped = true): Matrix {
  const compare = compareRows(sort);
  if (grouped) {
    return { ...matrix, rowGroups: matrix.rowGroups.map((g) => ({ ...g, rows: [...g.rows].sort(compare) })) };
  }
  return { ...matrix, rowGroups: [{ city: null, rows: matrixRows(matrix).sort(compare) }] };
}

export interface MatrixFilter {
  /** Keep cells whose (recomputed) role is one of these. */
  roles?: readonly Role[];
  /** Keep only what these plans say; a cell's role is recomputed over them. */
  plans?: readonly string[];
  /** Keep only these columns (exact ids). */
  industries?: readonly string[];
  /** Keep only rows in these cities (city codes). */
  cities?: readonly string[];
  /** Keep only these places. */
  places?: readonly string[];
}

/** Apply the filter and drop rows, columns and groups left empty. Column counts are recomputed. */
export function filterMatrix(matrix: Matrix, filter: MatrixFilter, industries: readonly Industry[]): Matrix {
  const tree = industryTree(industries);
  const keep = <T>(list: readonly T[] | undefined, value: T) => list === undefined || list.includes(value);
  const rows: MatrixRow[] = [];
  for (const row of matrixRows(matrix)) {
    if (!keep(filter.places, row.place) || (filter.cities && (row.city === null || !keep(filter.cities, row.city)))) {
      continue;
    }
    const cells: Record<string, MatrixCell> = {};
    for (const [industry, cell] of Object.entries(row.cells)) {
      if (!keep(filter.industries, industry)) continue;
      const plans = cell.plans.filter((p) => keep(filter.plans, p));
      const role = strongestRole(plans.map((p) => cell.byPlan[p]?.role ?? cell.role));
      if (role === null || !keep(filter.roles, role)) continue;
      const byPlan = Object.fromEntries(plans.map((p) => [p, cell.byPlan[p] as PlanCell]));
      const entries = plans.flatMap((p) => {
        const pc = byPlan[p] as PlanCell;
        return pc.assignmentIds.map((id) => ({ id, role: pc.role }));
      });
      cells[industry] = { ...cell, role, plans, byPlan, assignmentIds: keepOrder(cell.assignmentIds, entries) };
    }
    if (Object.keys(cells).length > 0) rows.push({ ...row, cells });
  }
  const columns = new Map<string, number>();
  for (const row of rows)
    for (const industry of Object.keys(row.cells)) columns.set(industry, (columns.get(industry) ?? 0) + 1);
  return { columnGroups: groupColumns(columns, tree), rowGroups: groupRows(rows) };
}

/** The ids of `entries`, in the order they had in `order` (which was already strongest first). */
function keepOrder(order: readonly string[], entries: { id: string }[]): string[] {
  const ids = new Set(entries.map((e) => e.id));
  return order.filter((id) => ids.has(id));
}
