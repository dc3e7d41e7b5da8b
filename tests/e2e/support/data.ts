/**
 * The published data of the site under test, read over HTTP from the same server the browser uses, so expectations
 * are computed from exactly the files the app loaded. The rules below are written out again here (not imported from
 * src/) so a bug in the app's own selectors cannot make a wrong list look right.
 */
import type { Assignment, Industry, Plan, Role } from '../../../src/domain/types.ts';
import { siteUrl } from './harness.ts';

export interface PublishedData {
  plans: Plan[];
  industries: Industry[];
  assignments: Assignment[];
  places: { id: string; properties: { zh: string; en: string; level: string; city: string | null } }[];
}

let cached: Promise<PublishedData> | undefined;

async function json<T>(file: string): Promise<T> {
  const res = await fetch(siteUrl(`data/${file}`));
  if (!res.ok) throw new Error(`data/${file}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function publishedData(): Promise<PublishedData> {
  cached ??= (async () => ({
    plans: (await json<{ plans: Plan[] }>('plans.json')).plans,
    industries: (await json<{ industries: Industry[] }>('industries.json')).industries,
    assignments: (await json<{ assignments: Assignment[] }>('assignments.json')).assignments,
    places: (await json<{ features: PublishedData['places'] }>('places.geojson')).features,
  }))();
  return cached;
}

/** An industry and all its descendants (the UI: "parents include their sub-industries"). */
export function industryAndDescendants(industries: readonly Industry[], id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const i of industries)
      if (i.parent && out.has(i.parent) && !out.has(i.id)) {
        out.add(i.id);
        grew = true;
      }
  }
  return out;
}

const STRENGTH: Record<Role, number> = { supporting: 1, focus: 2, core: 3 };

/** Strongest role per place among the given assignments. */
function strongest(list: readonly Assignment[]): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const a of list) {
    const prev = out.get(a.place);
    if (!prev || STRENGTH[a.role] > STRENGTH[prev]) out.set(a.place, a.role);
  }
  return out;
}

export type Kind = 'gained' | 'dropped' | 'upgraded' | 'downgraded' | 'kept';

/**
 * The change view's rule for one chosen industry, as its text states it: assignments of the industry or any
 * sub-industry count; a place's role in a plan is its strongest; named only later = gained, only earlier = dropped.
 */
export function expectedChanges(data: PublishedData, from: string, to: string, industry: string): Map<string, Kind> {
  const scope = industryAndDescendants(data.industries, industry);
  const pick = (plan: string) => strongest(data.assignments.filter((a) => a.plan === plan && scope.has(a.industry)));
  const before = pick(from);
  const after = pick(to);
  const out = new Map<string, Kind>();
  for (const place of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(place);
    const a = after.get(place);
    out.set(
      place,
      !b
        ? 'gained'
        : !a
          ? 'dropped'
          : STRENGTH[a] > STRENGTH[b]
            ? 'upgraded'
            : STRENGTH[a] < STRENGTH[b]
              ? 'downgraded'
              : 'kept',
    );
  }
  return out;
}

/** The earliest and the latest plan that assign anything (the change view's stated default pair). */
export function defaultPair(data: PublishedData): { from: string; to: string } {
  const used = new Set(data.assignments.map((a) => a.plan));
  const withData = data.plans.filter((p) => used.has(p.id));
  const first = withData[0];
  const last = withData.at(-1);
  if (!first || !last) throw new Error('no plan assigns anything');
  return { from: first.id, to: last.id };
}

export async function seedLines(file: string): Promise<string[]> {
  const res = await fetch(siteUrl(`data/seeds/${encodeURIComponent(file)}`));
  if (!res.ok) throw new Error(`data/seeds/${file}: HTTP ${res.status}`);
  return (await res.text()).split(/\r?\n/);
}
