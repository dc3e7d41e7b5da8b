import { roleRank, strongestRole } from '../domain/roles';
import type { Assignment, Industry, Role } from '../domain/types';
import { compareIndustries, type IndustryTree, industryTree } from './hierarchy';

/**
 * Plan-to-plan changes per (place, industry).
 *
 * Matching rule (also returned in words by describeMatching for the UI):
 * - Every assignment is first mapped to the industry it is compared under:
 *   - `industry` option set (the user picked one industry): assignments of that industry or any of its descendants
 *     count, all under that industry; others are left out. Picking a leaf therefore matches exactly.
 *   - otherwise `level: 'top'` (default): every industry is rolled up to its top-level ancestor, so 2016's
 *     薄膜电池 and 2014's 光伏 both count as 光伏;
 *   - `level: 'exact'`: industries are matched only by identical id (sub-industries never merge with their parent).
 * - A place's role for a compared industry in one plan is the strongest role (core > focus > supporting) over all
 *   assignments mapped to it, so 新余 "集聚区" (focus) and "龙头…世界级基地" (core) in one plan count as core.
 * - Places match by id (the gazetteer already resolves a plan's place names to ids); `placeKey` can merge ids, for
 *   example a renamed county into its successor.
 */

export const CHANGE_KINDS = ['gained', 'dropped', 'upgraded', 'downgraded', 'kept'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export type MatchLevel = 'top' | 'exact';

export interface ChangeOptions {
  /** 'top' (default) rolls industries up to their top-level industry; 'exact' compares ids as assigned. */
  level?: MatchLevel;
  /** Compare only this industry, with its descendants rolled up to it. Overrides `level`. */
  industry?: string | null;
  /** The id a place is compared under (default: itself). */
  placeKey?: (place: string) => string;
}

export interface ChangeRow {
  /** Place id as compared (after placeKey). */
  place: string;
  /** Industry id as compared (after roll-up). */
  industry: string;
  kind: ChangeKind;
  /** Strongest role in the earlier plan, null when absent there. */
  before: Role | null;
  after: Role | null;
  /** Ids of the assignments behind each side, strongest role first, then in input order. */
  beforeIds: string[];
  afterIds: string[];
  /** The industries as assigned (before roll-up) on each side, in hierarchy order, so the UI can say 薄膜电池 → 光伏. */
  beforeIndustries: string[];
  afterIndustries: string[];
}

interface Side {
  role: Role;
  assignments: Assignment[];
}

type Grouped = Map<string, { place: string; industry: string; side: Side }>;

/** The industry an assignment is compared under, or null when the options leave it out. */
export function comparedIndustry(tree: IndustryTree, industry: string, options: ChangeOptions = {}): string | null {
  if (options.industry) return tree.isWithin(industry, options.industry) ? options.industry : null;
  return (options.level ?? 'top') === 'top' ? tree.rootOf(industry) : industry;
}

function group(assignments: readonly Assignment[], tree: IndustryTree, options: ChangeOptions): Grouped {
  const placeKey = options.placeKey ?? ((place: string) => place);
  const out: Grouped = new Map();
  for (const assignment of assignments) {
    const industry = comparedIndustry(tree, assignment.industry, options);
    if (industry === null) continue;
    const place = placeKey(assignment.place);
    // JSON keeps the pair unambiguous whatever characters the ids contain.
    const key = JSON.stringify([place, industry]);
    const entry = out.get(key);
    if (entry === undefined)
      out.set(key, { place, industry, side: { role: assignment.role, assignments: [assignment] } });
    else {
      entry.side.assignments.push(assignment);
      entry.side.role = strongestRole([entry.side.role, assignment.role]) ?? assignment.role;
    }
  }
  return out;
}

function idsOf(side: Side | undefined): string[] {
  if (side === undefined) return [];
  // A stable sort keeps input order among equal roles.
  return [...side.assignments].sort((a, b) => roleRank(a.role) - roleRank(b.role)).map((a) => a.id);
}

function industriesOf(side: Side | undefined, tree: IndustryTree): string[] {
  if (side === undefined) return [];
  return [...new Set(side.assignments.map((a) => a.industry))].sort((a, b) => compareIndustries(tree, a, b));
}

export function changeKind(before: Role | null, after: Role | null): ChangeKind {
  if (before === null && after === null) throw new Error('changeKind needs at least one side');
  if (before === null) return 'gained';
  if (after === null) return 'dropped';
  const delta = roleRank(before) - roleRank(after);
  return delta > 0 ? 'upgraded' : delta < 0 ? 'downgraded' : 'kept';
}

/**
 * Changes from the `before` assignments (one plan, or whatever the caller filtered) to the `after` ones.
 * Rows are ordered by industry (hierarchy order), then kind (CHANGE_KINDS order), then place id.
 */
export function computeChanges(
  before: readonly Assignment[],
  after: readonly Assignment[],
  industries: readonly Industry[],
  options: ChangeOptions = {},
): ChangeRow[] {
  const tree = industryTree(industries);
  const a = group(before, tree, options);
  const b = group(after, tree, options);
  const rows: ChangeRow[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(key);
    const right = b.get(key);
    const ref = left ?? right;
    if (ref === undefined) continue;
    const beforeRole = left?.side.role ?? null;
    const afterRole = right?.side.role ?? null;
    rows.push({
      place: ref.place,
      industry: ref.industry,
      kind: changeKind(beforeRole, afterRole),
      before: beforeRole,
      after: afterRole,
      beforeIds: idsOf(left?.side),
      afterIds: idsOf(right?.side),
      beforeIndustries: industriesOf(left?.side, tree),
      afterIndustries: industriesOf(right?.side, tree),
    });
  }
  return rows.sort(
    (x, y) =>
      compareIndustries(tree, x.industry, y.industry) ||
      CHANGE_KINDS.indexOf(x.kind) - CHANGE_KINDS.indexOf(y.kind) ||
      x.place.localeCompare(y.place),
  );
}

/** How many rows of each kind (every kind present, zero when none). */
export function countChanges(rows: readonly ChangeRow[]): Record<ChangeKind, number> {
  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  for (const row of rows) counts[row.kind] += 1;
  return counts;
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** The matching rule in plain words, for the change view ("how is this compared?"). */
export function describeMatching(industries: readonly Industry[], options: ChangeOptions = {}): Bilingual {
  const strongest = {
    zh: '同一规划中一地有多句涉及时，取最强的角色（核心 > 重点 > 配套）。',
    en: 'When one plan names a place several times, its strongest role counts (core > focus > supporting).',
  };
  const places = {
    zh: '地点按统一编码匹配（规划中的旧称已对应到当时的行政单位）。',
    en: 'Places are matched by their code (old names in a plan already resolve to the unit they meant then).',
  };
  const tree = industryTree(industries);
  if (options.industry) {
    const industry = tree.get(options.industry);
    const zhName = industry?.zh ?? options.industry;
    const enName = industry?.en ?? options.industry;
    const children = tree.descendantsOf(options.industry).map((id) => tree.get(id) ?? { id, zh: id, en: id });
    if (children.length === 0) {
      return {
        zh: `只比较明确写到“${zhName}”的句子；只写其上级产业的句子不计入。${strongest.zh}${places.zh}`,
        en: `Only sentences that name “${enName}” itself are compared; sentences naming only its parent industry are not counted. ${strongest.en} ${places.en}`,
      };
    }
    return {
      zh: `按“${zhName}”比较：写到${zhName}或其子产业（${children.map((c) => c.zh).join('、')}）的句子都算作${zhName}。${strongest.zh}${places.zh}`,
      en: `Compared as “${enName}”: sentences naming ${enName} or any of its sub-industries (${children.map((c) => c.en).join(', ')}) all count as ${enName}. ${strongest.en} ${places.en}`,
    };
  }
  if ((options.level ?? 'top') === 'exact') {
    return {
      zh: `按规划所写的产业逐一比较：只有同一产业才算匹配，子产业不并入上级产业，因此两份规划对同一产业分得粗细不同时会显示为一增一减。${strongest.zh}${places.zh}`,
      en: `Industries are compared exactly as each plan names them: sub-industries are not merged into their parent, so two plans that split an industry differently show as one gained and one dropped. ${strongest.en} ${places.en}`,
    };
  }
  // The example comes from the hierarchy itself, so the sentence stays true whatever industries.json holds.
  const child = industries.find((industry) => tree.parentOf(industry.id) !== null);
  const root = child ? tree.get(tree.rootOf(child.id)) : undefined;
  const example =
    child && root
      ? { zh: `（如“${child.zh}”计入“${root.zh}”）`, en: ` (e.g. ${child.en} counts as ${root.en})` }
      : { zh: '', en: '' };
  return {
    zh: `按一级产业比较：子产业并入其一级产业${example.zh}，一地在该产业的角色取该产业及其全部子产业中最强的角色。${strongest.zh}${places.zh}`,
    en: `Compared at top-level industries: sub-industries count towards their top-level industry${example.en}, and a place's role is its strongest over that industry and all its sub-industries. ${strongest.en} ${places.en}`,
  };
}
