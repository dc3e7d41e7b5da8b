/** Derived data: pure functions of (data, state). Every view and the map read assignments through these. */
import { industryWithDescendants, treeOf } from '../analysis/hierarchy.ts';
import type { ExplorerData } from '../data/load.ts';
import { isStrongerRole, roleRank } from '../domain/roles.ts';
import { hasTerm, type TermRef } from '../domain/terms.ts';
import { type Assignment, ROLES, type Role } from '../domain/types.ts';
import type { ExplorerState } from './store.ts';

/** The chosen industry and all its descendants, or null for "all industries". */
export function industryScope(data: ExplorerData, industry: string | null): Set<string> | null {
  return industry ? industryWithDescendants(treeOf(data.industries), industry) : null;
}

type Filters = Pick<ExplorerState, 'plan' | 'industry' | 'roles'>;

/** The three filter tests, each on its own (the filter counts apply all but one). */
export interface FilterTests {
  inPlan(a: Assignment): boolean;
  inIndustry(a: Assignment): boolean;
  inRole(a: Assignment): boolean;
}

/** The one definition of what the plan, industry and role filters let through. */
export function filterTests(data: ExplorerData, f: Filters): FilterTests {
  const scope = industryScope(data, f.industry);
  const roles = new Set(f.roles);
  return {
    inPlan: (a) => f.plan === 'all' || a.plan === f.plan,
    inIndustry: (a) => !scope || scope.has(a.industry),
    inRole: (a) => roles.has(a.role),
  };
}

/** Assignments that pass the plan, industry and role filters. */
export function visibleAssignments(data: ExplorerData, f: Filters): Assignment[] {
  const { inPlan, inIndustry, inRole } = filterTests(data, f);
  return data.assignments.filter((a) => inPlan(a) && inIndustry(a) && inRole(a));
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

/** The stronger of two roles (the first when equal). */
export const strongerRole = (a: Role, b: Role): Role => (isStrongerRole(b, a) ? b : a);

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
        assignments: assignments.sort((x, y) => roleRank(x.role) - roleRank(y.role) || x.source.line - y.source.line),
      })),
    });
  }
  return groups;
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
