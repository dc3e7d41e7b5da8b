/**
 * Products and enterprises as search terms, shared by the build (which indexes them in search.json) and the app
 * (which resolves a term from a link against assignments.json, so a term link works before search.json is loaded).
 * The plans write one company several ways (江铃集团, 江铃集团公司): a term is every form with the same key.
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

/** Every term the assignments name, as `<kind>~<key>` (the URL's form; what a `term=` link may name). */
export function termIds(assignments: readonly Pick<Assignment, 'products' | 'enterprises'>[]): Set<string> {
  const out = new Set<string>();
  for (const a of assignments) {
    for (const t of a.products) out.add(`product~${termKey('product', t)}`);
    for (const t of a.enterprises) out.add(`enterprise~${termKey('enterprise', t)}`);
  }
  return out;
}

export const termList = (a: Pick<Assignment, 'products' | 'enterprises'>, kind: TermKind): string[] =>
  kind === 'product' ? a.products : a.enterprises;

export function hasTerm(a: Pick<Assignment, 'products' | 'enterprises'>, ref: TermRef): boolean {
  return termList(a, ref.kind).some((t) => termKey(ref.kind, t) === ref.key);
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
export function termGroups(assignments: readonly Pick<Assignment, 'products' | 'enterprises'>[], kind: TermKind) {
  const groups = new Map<string, TermGroup & { counts: Map<string, number> }>();
  assignments.forEach((a, ai) => {
    termList(a, kind).forEach((name, index) => {
      const key = termKey(kind, name);
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

const HAS_HAN = /\p{Script=Han}/u;

/**
 * The English of a term: the assignments' parallel `productsEn` / `enterprisesEn` (written by the build's English
 * stage) at the term's positions, the most common when uses differ. A term whose "English" is still its Chinese text
 * (no glossary entry yet), or data without those fields, has none: null.
 */
export function termEnglish(assignments: readonly object[], group: Pick<TermGroup, 'kind' | 'uses'>): string | null {
  const field = group.kind === 'product' ? 'productsEn' : 'enterprisesEn';
  const counts = new Map<string, number>();
  for (const u of group.uses) {
    const list = (assignments[u.assignment] as Record<string, unknown> | undefined)?.[field];
    const en = Array.isArray(list) ? list[u.index] : undefined;
    if (typeof en === 'string' && en.trim() && !HAS_HAN.test(en))
      counts.set(en.trim(), (counts.get(en.trim()) ?? 0) + 1);
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
