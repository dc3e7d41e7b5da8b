/**
 * search.json: what the header search finds — places, industries, and the products and enterprises the plans name —
 * with match keys in Chinese, toneless pinyin (pinyin-pro, here at build time so the app ships no pinyin library)
 * and English. Pure: (places, industries, assignments) → SearchFile.
 */
import { pinyin } from 'pinyin-pro';
import { searchKey, termEnglish, termGroups } from '../../src/domain/terms.ts';
import {
  type Assignment,
  type Industry,
  type PlaceFeature,
  SCHEMA_VERSION,
  type SearchEntry,
  type SearchFile,
} from '../../src/domain/types.ts';

export interface SearchInput {
  places: readonly Pick<PlaceFeature, 'id' | 'properties'>[];
  industries: readonly Industry[];
  assignments: readonly Assignment[];
}

/** Toneless pinyin syllables, lower case; Latin runs (LDK) stay one piece. */
function syllables(zh: string): string[] {
  return pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function initialsOf(parts: string[]): string {
  return parts
    .map((p) => searchKey(p)[0] ?? '')
    .filter((c) => /[a-z0-9]/.test(c))
    .join('');
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

function entry(
  base: Omit<SearchEntry, 'keys' | 'initials' | 'pinyin'> & { pinyin?: string; extraKeys?: string[] },
): SearchEntry {
  const { extraKeys = [], ...rest } = base;
  const parts = base.pinyin ? base.pinyin.split(/\s+/).filter(Boolean) : syllables(base.zh);
  const keys = uniq(
    [base.zh, ...base.variants, ...extraKeys, parts.join(''), ...(base.en ? [base.en] : [])]
      .map(searchKey)
      .filter(Boolean),
  );
  return { ...rest, pinyin: parts.join(' '), keys, initials: initialsOf(parts) };
}

/** Ids ordered by how many of the given assignments name them (most first), then by id. */
function byCount(ids: string[]): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

const LEVEL_ORDER = ['city', 'county', 'newarea', 'park', 'macro', 'province'];

export function buildSearchIndex({ places, industries, assignments }: SearchInput): SearchFile {
  const entries: SearchEntry[] = [];

  const sortedPlaces = [...places].sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(a.properties.level) - LEVEL_ORDER.indexOf(b.properties.level) || a.id.localeCompare(b.id),
  );
  for (const f of sortedPlaces) {
    const p = f.properties;
    entries.push(
      entry({
        kind: 'place',
        id: f.id,
        zh: p.zh,
        en: p.en || null,
        pinyin: p.pinyin || undefined,
        variants: p.aliases.filter((a) => a !== p.zh),
        places: [f.id],
        assignments: [],
      }),
    );
  }

  // An industry leads to the places assigned it or one of its sub-industries.
  const children = new Map<string, string[]>();
  for (const i of industries) if (i.parent) children.set(i.parent, [...(children.get(i.parent) ?? []), i.id]);
  const scopeOf = (id: string): Set<string> => {
    const out = new Set<string>();
    const walk = (x: string) => {
      if (out.has(x)) return;
      out.add(x);
      for (const c of children.get(x) ?? []) walk(c);
    };
    walk(id);
    return out;
  };
  for (const i of industries) {
    const scope = scopeOf(i.id);
    entries.push(
      entry({
        kind: 'industry',
        id: i.id,
        zh: i.zh,
        en: i.en || null,
        pinyin: i.pinyin || undefined,
        variants: i.aliases.filter((a) => a !== i.zh),
        places: byCount(assignments.filter((a) => scope.has(a.industry)).map((a) => a.place)),
        assignments: [],
      }),
    );
  }

  for (const kind of ['product', 'enterprise'] as const) {
    const groups = termGroups(assignments, kind).sort(
      (a, b) => b.uses.length - a.uses.length || a.key.localeCompare(b.key, 'zh'),
    );
    for (const g of groups) {
      const used = g.uses.map((u) => assignments[u.assignment]).filter((a): a is Assignment => a !== undefined);
      const zh = g.names[0] ?? g.key;
      entries.push(
        entry({
          kind,
          id: g.key,
          zh,
          en: termEnglish(assignments, g),
          variants: g.names.slice(1),
          extraKeys: [g.key],
          places: byCount(used.map((a) => a.place)),
          assignments: used.map((a) => a.id),
        }),
      );
    }
  }
  return { schemaVersion: SCHEMA_VERSION, entries };
}
