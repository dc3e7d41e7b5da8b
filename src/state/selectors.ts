/** Derived data: pure functions of (data, state). Every view and the map read assignments through these. */
import type { ExplorerData } from '../data/load.ts';
import { hasTerm, type TermRef } from '../domain/terms.ts';
import { type Assignment, ROLES, type Role } from '../domain/types.ts';
import type { ExplorerState } from './store.ts';

/** The chosen industry and all its descendants, or null for "all industries". */
export function industryScope(data: ExplorerData, industry: string | null): Set<string> | null {
  if (!industry) return null;
  const scope = new Set([industry]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const i of data.industries) {
      if (i.parent && scope.has(i.parent) && !scope.has(i.id)) {
        scope.add(i.id);
        grew = true;
      }
    }
  }
  return scope;
}

type Filters = Pick<ExplorerState, 'plan' | 'industry' | 'roles'>;

/** Assignments that pass the plan, industry and role filters. */
export function visibleAssignments(data: ExplorerData, f: Filters): Assignment[] {
  const scope = industryScope(data, f.industry);
  const roles = new Set(f.roles);
  return data.assignments.filter(
    (a) => (f.plan === 'all' || a.plan === f.plan) && (!scope || scope.has(a.industry)) && roles.has(a.role),
  );
}

/**
 * The assignments that name a product or enterprise, under the plan and role filters (the industry filter does not
 * apply: the term says what is looked for), in plan order then line.
 */
export function termAssignments(
  data: ExplorerData,
  f: Pick<ExplorerState, 'plan' | 'roles'>,
  term: TermRef,
): Assignment[] {
  const roles = new Set(f.roles);
  const planOrder = new Map(data.plans.map((p, i) => [p.id, i]));
  return data.assignments
    .filter((a) => (f.plan === 'all' || a.plan === f.plan) && roles.has(a.role) && hasTerm(data.assignments, a, term))
    .sort(
      (a, b) =>
        (planOrder.get(a.plan) ?? 0) - (planOrder.get(b.plan) ?? 0) ||
        a.source.line - b.source.line ||
        a.source.start - b.source.start,
    );
}

const rank = (r: Role) => ROLES.indexOf(r);
export const strongerRole = (a: Role, b: Role): Role => (rank(a) <= rank(b) ? a : b);

export interface PlaceSummary {
  place: string;
  /** The strongest role among the place's visible assignments. */
  strongest: Role;
  /** Distinct industries assigned to the place. */
  industries: Set<string>;
  count: number;
}

/** Per place: strongest role and number of industries, over the given assignments. */
export function summarizeByPlace(assignments: Assignment[]): Map<string, PlaceSummary> {
  const out = new Map<string, PlaceSummary>();
  for (const a of assignments) {
    const s = out.get(a.place);
    if (!s) out.set(a.place, { place: a.place, strongest: a.role, industries: new Set([a.industry]), count: 1 });
    else {
      s.strongest = strongerRole(s.strongest, a.role);
      s.industries.add(a.industry);
      s.count++;
    }
  }
  return out;
}

/** For the industry view: places grouped by their strongest role, strongest first, names in the given order. */
export function placesByRole(
  summary: Map<string, PlaceSummary>,
  nameOf: (id: string) => string,
): Record<Role, string[]> {
  const out: Record<Role, string[]> = { core: [], focus: [], supporting: [] };
  for (const s of summary.values()) out[s.strongest].push(s.place);
  for (const r of ROLES) out[r].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'zh'));
  return out;
}

export interface PlanGroup {
  plan: string;
  industries: { industry: string; assignments: Assignment[] }[];
}

/** The place panel: the place's visible assignments grouped by plan (in plan order) and industry. */
export function placeAssignments(data: ExplorerData, visible: Assignment[], place: string): PlanGroup[] {
  const mine = visible.filter((a) => a.place === place);
  const groups: PlanGroup[] = [];
  for (const plan of data.plans) {
    const inPlan = mine.filter((a) => a.plan === plan.id);
    if (!inPlan.length) continue;
    const byIndustry = new Map<string, Assignment[]>();
    for (const a of inPlan) byIndustry.set(a.industry, [...(byIndustry.get(a.industry) ?? []), a]);
    groups.push({
      plan: plan.id,
      industries: [...byIndustry].map(([industry, assignments]) => ({
        industry,
        assignments: assignments.sort((x, y) => rank(x.role) - rank(y.role) || x.source.line - y.source.line),
      })),
    });
  }
  return groups;
}

/** Counts for the filter controls (how many assignments each option would show, other filters kept). */
export function countsByPlan(data: ExplorerData, f: Filters): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of visibleAssignments(data, { ...f, plan: 'all' })) out.set(a.plan, (out.get(a.plan) ?? 0) + 1);
  return out;
}

export function countsByRole(data: ExplorerData, f: Filters): Record<Role, number> {
  const out: Record<Role, number> = { core: 0, focus: 0, supporting: 0 };
  for (const a of visibleAssignments(data, { ...f, roles: [...ROLES] })) out[a.role]++;
  return out;
}

/** Assignments per industry under the plan and role filters (a parent counts its children too). */
export function countsByIndustry(data: ExplorerData, f: Filters): Map<string, number> {
  const direct = new Map<string, number>();
  for (const a of visibleAssignments(data, { ...f, industry: null }))
    direct.set(a.industry, (direct.get(a.industry) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const i of data.industries) {
    let n = 0;
    for (const id of industryScope(data, i.id) ?? []) n += direct.get(id) ?? 0;
    out.set(i.id, n);
  }
  return out;
}

/** Splits a quote into runs, marking every occurrence of the terms (longest first), for safe rendering as text. */
export function highlightRuns(quote: string, terms: string[]): { text: string; mark: boolean }[] {
  const ts = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const marked = new Array<boolean>(quote.length).fill(false);
  for (const t of ts) {
    for (let i = quote.indexOf(t); i >= 0; i = quote.indexOf(t, i + t.length)) marked.fill(true, i, i + t.length);
  }
  const runs: { text: string; mark: boolean }[] = [];
  for (let i = 0; i < quote.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.mark === marked[i]) last.text += quote[i];
    else runs.push({ text: quote[i] ?? '', mark: marked[i] ?? false });
  }
  return runs;
}
