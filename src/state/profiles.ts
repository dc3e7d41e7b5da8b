/**
 * The profiles and the overlap view as functions of (data, state), like selectors.ts. Profiles look across all plans
 * (their columns are the plans) under the industry and role filters; the overlap counts follow the plan filter too.
 */
import { type IndustryTree, industryTree } from '../analysis/hierarchy.ts';
import {
  type IndustryKey,
  type IndustryProfile,
  industryProfile,
  type Overlap,
  overlap,
  type PlaceProfile,
  placeProfile,
} from '../analysis/profiles.ts';
import type { ExplorerData } from '../data/load.ts';
import type { Assignment } from '../domain/types.ts';
import { industryScope } from './selectors.ts';
import type { ExplorerState } from './store.ts';

const trees = new WeakMap<ExplorerData, IndustryTree>();
function treeOf(data: ExplorerData): IndustryTree {
  let t = trees.get(data);
  if (!t) {
    t = industryTree(data.industries);
    trees.set(data, t);
  }
  return t;
}

/** Plans that assign anything at all (the 2018 传统产业 plan assigns nothing). */
export function plansWithAssignments(data: ExplorerData): Set<string> {
  return new Set(data.assignments.map((a) => a.plan));
}

/** True when the chosen plan assigns nothing to any place (not: nothing under the other filters). */
export function planAssignsNothing(data: ExplorerData, plan: string): boolean {
  return plan !== 'all' && !plansWithAssignments(data).has(plan);
}

type ProfileFilters = Pick<ExplorerState, 'industry' | 'roles'>;

/** All plans, the chosen industry (with its sub-industries) and roles. */
function acrossPlans(data: ExplorerData, s: ProfileFilters): Assignment[] {
  const scope = industryScope(data, s.industry);
  const roles = new Set(s.roles);
  return data.assignments.filter((a) => roles.has(a.role) && (!scope || scope.has(a.industry)));
}

/** Rows at the level of the matrix and change view; with one industry chosen, its sub-industries as named. */
function keyFor(data: ExplorerData, s: Pick<ExplorerState, 'industry' | 'level'>): IndustryKey {
  if (s.industry || s.level === 'exact') return (i) => i;
  const tree = treeOf(data);
  return (i) => tree.rootOf(i);
}

const planOrder = (data: ExplorerData) => data.plans.map((p) => p.id);

export function placeProfileFor(
  data: ExplorerData,
  s: Pick<ExplorerState, 'industry' | 'roles' | 'level'>,
  place: string,
): PlaceProfile {
  return placeProfile(acrossPlans(data, s), data.places, place, { key: keyFor(data, s), planOrder: planOrder(data) });
}

/** The industry's places across all plans; `shown` limits the list (the places the current filters show). */
export function industryProfileFor(
  data: ExplorerData,
  s: ProfileFilters,
  shown?: ReadonlySet<string>,
): IndustryProfile {
  return industryProfile(acrossPlans(data, s), data.places, planOrder(data), shown);
}

/** Overlap under the plan, role and industry filters, at the chosen level. */
export function overlapFor(
  data: ExplorerData,
  s: Pick<ExplorerState, 'plan' | 'industry' | 'roles' | 'level'>,
): Overlap {
  const scope = industryScope(data, s.industry);
  const roles = new Set(s.roles);
  const list = data.assignments.filter(
    (a) => (s.plan === 'all' || a.plan === s.plan) && roles.has(a.role) && (!scope || scope.has(a.industry)),
  );
  return overlap(list, data.places, keyFor(data, s));
}

/** The active filters in a few words (the phone sheet's collapsed line), as i18n-free parts. */
export interface FilterSummary {
  plan: string | null;
  industry: string | null;
  roles: string[] | null;
}
export function activeFilters(s: Pick<ExplorerState, 'plan' | 'industry' | 'roles'>, allRoles: number): FilterSummary {
  return {
    plan: s.plan === 'all' ? null : s.plan,
    industry: s.industry,
    roles: s.roles.length === allRoles ? null : s.roles,
  };
}
