/**
 * Products and enterprises as search terms, shared by the build (which indexes them in search.json) and the app
 * (which resolves a term from a link against assignments.json, so a term link works before search.json is loaded).
 * The plans write one company several ways (江铃集团, 江铃集团公司, 江铃汽车集团): a term is every form with the same key.
 */
import type { Assignment } from './types.ts';

export const TERM_KINDS = ['product', 'enterprise'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** A product or enterprise named by the plans (URL `term=<kind>~<key>`). */
export interface TermRef {
  kind: TermKind;
  key: string;
}

/**
 * Legal-form endings that do not tell companies apart. 股份 and 控股 alone are kept: 江铃股份 (the listed company) and
 * 江铃控股 (a joint venture) are different companies from 江铃集团.
 */
const LEGAL_FORM = /(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)$/;

/** The key that groups a term's spellings: NFKC (full-width Latin and brackets), no spaces, no legal-form ending. */
export function termKey(kind: TermKind, text: string): string {
  let s = text.normalize('NFKC').replace(/\s+/g, '');
  if (kind === 'enterprise') {
    for (let next = s.replace(LEGAL_FORM, ''); next !== s && next.length >= 2; next = s.replace(LEGAL_FORM, '')) {
      s = next;
    }
  }
  return s || text;
}

type TermSource = Pick<Assignment, 'products' | 'enterprises'>;

export const termList = (a: TermSource, kind: TermKind): string[] => (kind === 'product' ? a.products : a.enterprises);

const HAS_HAN = /\p{Script=Han}/u;

/** The English the build attached to the term at `index` of an assignment's list (null: none, or still Chinese). */
function englishAt(a: object | undefined, kind: TermKind, index: number): string | null {
  const list = (a as Record<string, unknown> | undefined)?.[kind === 'product' ? 'productsEn' : 'enterprisesEn'];
  const en = Array.isArray(list) ? list[index] : undefined;
  return typeof en === 'string' && en.trim() !== '' && !HAS_HAN.test(en) ? en.trim() : null;
}

const canonicalCache = new WeakMap<readonly object[], Map<string, string>>();

/**
 * `<kind>~<termKey>` → the term's key in this data set. Companies the glossary gives one English name are one company
 * written differently (江铃汽车集团 and 江铃集团 are both "Jiangling Motors Group"): they share the shortest key.
 * Products are not merged this way (different products may share a loose English word).
 */
function canonicalKeys(assignments: readonly TermSource[]): Map<string, string> {
  let out = canonicalCache.get(assignments);
  if (out) return out;
  out = new Map();
  const byEnglish = new Map<string, Set<string>>();
  assignments.forEach((a) => {
    a.enterprises.forEach((name, index) => {
      const en = englishAt(a, 'enterprise', index);
      if (!en) return;
      const set = byEnglish.get(en.toLowerCase()) ?? new Set<string>();
      set.add(termKey('enterprise', name));
      byEnglish.set(en.toLowerCase(), set);
    });
  });
  // Union of the key sets that share a key (one company could be named by two English forms across sentences).
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const root = find(p);
    parent.set(k, root);
    return root;
  };
  const shorter = (x: string, y: string) => x.length - y.length || x.localeCompare(y);
  for (const keys of byEnglish.values()) {
    const [first, ...rest] = [...keys];
    if (first === undefined) continue;
    for (const k of rest) {
      const [a, b] = [find(first), find(k)].sort(shorter) as [string, string];
      if (a !== b) parent.set(b, a);
    }
  }
  for (const k of parent.keys()) out.set(`enterprise~${k}`, find(k));
  canonicalCache.set(assignments, out);
  return out;
}

/** The key of a term as written, within a data set (see termKey and canonicalKeys). */
export function keyOf(assignments: readonly TermSource[], kind: TermKind, text: string): string {
  const k = termKey(kind, text);
  return canonicalKeys(assignments).get(`${kind}~${k}`) ?? k;
}

/** Every term the assignments name, as `<kind>~<key>` (the URL's form; what a `term=` link may name). */
export function termIds(assignments: readonly TermSource[]): Set<string> {
  const out = new Set<string>();
  for (const a of assignments)
    for (const kind of TERM_KINDS) for (const t of termList(a, kind)) out.add(`${kind}~${keyOf(assignments, kind, t)}`);
  return out;
}

/** True when the assignment (one of `assignments`) names the term. */
export function hasTerm(assignments: readonly TermSource[], a: TermSource, ref: TermRef): boolean {
  return termList(a, ref.kind).some((t) => keyOf(assignments, ref.kind, t) === ref.key);
}

export interface TermGroup {
  kind: TermKind;
  key: string;
  /** The forms as written, shortest first (then most frequent): names[0] is the one to show. */
  names: string[];
  /** Positions of the assignments naming it, with the index of the form inside the assignment's list. */
  uses: { assignment: number; index: number }[];
}

/** Every product or enterprise term of the assignments, by key, in first-seen order. */
export function termGroups(assignments: readonly TermSource[], kind: TermKind) {
  const groups = new Map<string, TermGroup & { counts: Map<string, number> }>();
  assignments.forEach((a, ai) => {
    termList(a, kind).forEach((name, index) => {
      const key = keyOf(assignments, kind, name);
      let g = groups.get(key);
      if (!g) {
        g = { kind, key, names: [], uses: [], counts: new Map() };
        groups.set(key, g);
      }
      g.counts.set(name, (g.counts.get(name) ?? 0) + 1);
      if (!g.uses.some((u) => u.assignment === ai)) g.uses.push({ assignment: ai, index });
    });
  });
  return [...groups.values()].map(
    ({ counts, ...g }): TermGroup => ({
      ...g,
      names: [...counts]
        .sort((x, y) => x[0].length - y[0].length || y[1] - x[1] || x[0].localeCompare(y[0]))
        .map(([n]) => n),
    }),
  );
}

/**
 * The English of a term: the assignments' parallel `productsEn` / `enterprisesEn` (written by the build's English
 * stage) at the term's positions, the most common when uses differ. A term whose "English" is still its Chinese text
 * (no glossary entry yet), or data without those fields, has none: null.
 */
export function termEnglish(assignments: readonly object[], group: Pick<TermGroup, 'kind' | 'uses'>): string | null {
  const counts = new Map<string, number>();
  for (const u of group.uses) {
    const en = englishAt(assignments[u.assignment], group.kind, u.index);
    if (en) counts.set(en, (counts.get(en) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * The form search keys and queries are compared in: NFKC, lower case, without spaces and punctuation, so
 * "Rare earths", "rare-earth" and "RAREEARTH" meet, and 赛维LDK is found by "ldk".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’"“”\-–—_·•・、,，.。;；:：()（）[\]【】《》<>/\\]+/g, '');
}
