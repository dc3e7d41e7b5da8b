/**
 * Derived data for the planner's views (change view, matrix, downloads): pure functions of (data, state), like
 * selectors.ts. The views, the map colours and the downloads all read through these, so "what is shown" and "what is
 * downloaded" cannot drift apart.
 */
import { type ChangeKind, type ChangeRow, computeChanges } from '../analysis/changes.ts';
import { buildMatrix, filterMatrix, type Matrix, matrixColumns, matrixRows, sortMatrix } from '../analysis/matrix.ts';
import type { ExplorerData } from '../data/load.ts';
import type { Assignment } from '../domain/types.ts';
import { industryScope, termAssignments, visibleAssignments } from './selectors.ts';
import type { ExplorerState } from './store.ts';

/**
 * The two plans compared: the chosen ones, else the earliest and the latest plan (plans are sorted by year, then
 * date) among those that assign anything, so the default view never compares against an empty plan.
 */
export function comparedPlans(data: ExplorerData, s: Pick<ExplorerState, 'from' | 'to'>): { from: string; to: string } {
  const used = new Set(data.assignments.map((a) => a.plan));
  const withData = data.plans.filter((p) => used.has(p.id));
  const pool = withData.length ? withData : data.plans;
  const first = pool[0]?.id ?? '';
  const last = pool.at(-1)?.id ?? first;
  return { from: s.from ?? first, to: s.to ?? last };
}

export type ComparisonState = Pick<ExplorerState, 'from' | 'to' | 'level' | 'industry'>;

/** Change rows between the two compared plans (all roles: a role filter would fake gains and drops). */
export function comparison(data: ExplorerData, s: ComparisonState): ChangeRow[] {
  const { from, to } = comparedPlans(data, s);
  const before = data.assignments.filter((a) => a.plan === from);
  const after = data.assignments.filter((a) => a.plan === to);
  return computeChanges(before, after, data.industries, { level: s.level, industry: s.industry });
}

/** A place's kind on the change map: its one kind, or 'mixed' when its industries changed in different ways. */
export type PlaceChange = ChangeKind | 'mixed';

export function placeChanges(rows: readonly ChangeRow[]): Map<string, PlaceChange> {
  const out = new Map<string, PlaceChange>();
  for (const r of rows) {
    const prev = out.get(r.place);
    out.set(r.place, prev === undefined || prev === r.kind ? r.kind : 'mixed');
  }
  return out;
}

export type MatrixState = Pick<ExplorerState, 'plan' | 'industry' | 'roles' | 'level' | 'sort' | 'city'> &
  Partial<Pick<ExplorerState, 'rows'>>;

/**
 * The matrix under the current filters. One industry chosen: its sub-industries as columns (exact level); otherwise
 * the chosen level. Plan, role and city filters go through filterMatrix (a cell's role is recomputed over the kept
 * plans). Sorting by count or by an industry ranks the whole province; by place keeps the city groups.
 */
export function matrixFor(data: ExplorerData, s: MatrixState): Matrix {
  const scope = industryScope(data, s.industry);
  const assignments = scope ? data.assignments.filter((a) => scope.has(a.industry)) : data.assignments;
  const built = buildMatrix(assignments, data.places, data.industries, {
    level: scope ? 'exact' : s.level,
    planOrder: data.plans.map((p) => p.id),
  });
  let filtered = filterMatrix(
    built,
    { roles: s.roles, plans: s.plan === 'all' ? undefined : [s.plan], cities: s.city ? [s.city] : undefined },
    data.industries,
  );
  if (s.rows === 'cities') filtered = onlyCities(filtered);
  if (s.sort === 'count') return sortMatrix(filtered, { by: 'count' }, false);
  if (typeof s.sort === 'object' && matrixColumns(filtered).includes(s.sort.industry))
    return sortMatrix(filtered, { by: 'industry', industry: s.sort.industry }, false);
  return sortMatrix(filtered, { by: 'place' }, true);
}

/** Ids of every assignment behind the matrix's cells. */
export function matrixAssignmentIds(m: Matrix): Set<string> {
  const ids = new Set<string>();
  for (const row of matrixRows(m))
    for (const cell of Object.values(row.cells)) for (const id of cell.assignmentIds) ids.add(id);
  return ids;
}

/** Ids behind the change rows (both sides). */
export function changeAssignmentIds(rows: readonly ChangeRow[]): Set<string> {
  const ids = new Set<string>();
  for (const r of rows) for (const id of [...r.beforeIds, ...r.afterIds]) ids.add(id);
  return ids;
}

/** Change rows as the list shows them: all, or only the selected place's. */
export function shownChanges(rows: readonly ChangeRow[], place: string | null): ChangeRow[] {
  return place ? rows.filter((r) => r.place === place) : [...rows];
}

/**
 * Exactly what the current view shows, as assignments in data order (for CSV, GeoJSON and "cite this"):
 * map → the plan, industry and role filters; changes → the sentences behind the listed changes; matrix → the
 * sentences behind the visible cells.
 */
export function shownAssignments(data: ExplorerData, s: ExplorerState): Assignment[] {
  // With a product or company chosen, the map and the panel show its sentences: so does the download.
  if (s.view === 'map') return s.term ? termAssignments(data, s, s.term) : visibleAssignments(data, s);
  const ids =
    s.view === 'changes'
      ? changeAssignmentIds(shownChanges(comparison(data, s), s.place))
      : matrixAssignmentIds(matrixFor(data, s));
  return data.assignments.filter((a) => ids.has(a.id));
}

/**
 * Plan labels for tight spaces (matrix cells): the year ('short': two digits), with a/b … when several plans share a
 * year, e.g. 2012 → "12", the two 2018 plans → "18a", "18b".
 */
export function planLabels(data: ExplorerData, short = false): Map<string, string> {
  const byYear = new Map<number, string[]>();
  for (const p of data.plans) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p.id]);
  const out = new Map<string, string>();
  for (const [year, ids] of byYear)
    ids.forEach((id, i) => {
      const y = short ? String(year).slice(-2) : String(year);
      out.set(id, ids.length > 1 ? `${y}${String.fromCharCode(97 + i)}` : y);
    });
  return out;
}

/** Parts of a download's file name that say what it holds (see exportFileName). */
export function exportNameParts(data: ExplorerData, s: ExplorerState): string[] {
  const labels = planLabels(data);
  const parts: string[] = [];
  if (s.view === 'changes') {
    const { from, to } = comparedPlans(data, s);
    parts.push('changes', `${labels.get(from) ?? from}-${labels.get(to) ?? to}`);
    if (s.place) parts.push(s.place);
  } else {
    if (s.view === 'matrix') parts.push('matrix');
    parts.push(s.plan === 'all' ? 'all-plans' : (labels.get(s.plan) ?? s.plan));
    if (s.view === 'matrix' && s.city) parts.push(s.city);
  }
  // A chosen product or company replaces the industry filter in the map view (Chinese keys drop out of the name).
  if (s.view === 'map' && s.term) parts.push(s.term.kind, s.term.key);
  else if (s.industry) parts.push(s.industry);
  return parts;
}

/** The matrix with only prefecture-level city rows (the planner's "cities only"); columns left empty are dropped. */
export function onlyCities(m: Matrix): Matrix {
  const rowGroups = m.rowGroups
    .map((g) => ({ ...g, rows: g.rows.filter((r) => r.level === 'city') }))
    .filter((g) => g.rows.length > 0);
  const counts = new Map<string, number>();
  for (const g of rowGroups)
    for (const r of g.rows) for (const i of Object.keys(r.cells)) counts.set(i, (counts.get(i) ?? 0) + 1);
  const columnGroups = m.columnGroups
    .map((g) => ({
      ...g,
      columns: g.columns
        .filter((c) => counts.has(c.industry))
        .map((c) => ({ ...c, count: counts.get(c.industry) ?? 0 })),
    }))
    .filter((g) => g.columns.length > 0);
  return { columnGroups, rowGroups };
}

/** Per matrix column: how many of the shown rows are cities and how many counties (the totals row). */
export function matrixTotals(m: Matrix): Map<string, { cities: number; counties: number }> {
  const out = new Map<string, { cities: number; counties: number }>();
  for (const g of m.rowGroups)
    for (const r of g.rows)
      for (const i of Object.keys(r.cells)) {
        const t = out.get(i) ?? { cities: 0, counties: 0 };
        if (r.level === 'city') t.cities++;
        if (r.level === 'county') t.counties++;
        out.set(i, t);
      }
  return out;
}
