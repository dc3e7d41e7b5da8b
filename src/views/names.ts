/** Localised names of data objects, and search matching over zh / English / pinyin. */
import type { ExplorerData } from '../data/load.ts';
import { searchKey, TERM_KINDS, type TermRef, termEnglish, termGroups } from '../domain/terms.ts';
import { type Assignment, SEARCH_KINDS, type SearchEntry, type SearchKind } from '../domain/types.ts';
import type { Lang } from '../state/store.ts';

export function placeName(data: ExplorerData, id: string, lang: Lang): string {
  const p = data.placeById.get(id)?.properties;
  return p ? (lang === 'zh' ? p.zh : p.en) : id;
}

export function industryName(data: ExplorerData, id: string, lang: Lang): string {
  const i = data.industryById.get(id);
  return i ? (lang === 'zh' ? i.zh : i.en) : id;
}

/** The assignments with these ids, in order (unknown ids left out). */
export function assignmentsByIds(data: ExplorerData, ids: readonly string[]): Assignment[] {
  return ids.map((id) => data.assignmentById.get(id)).filter((a): a is Assignment => a !== undefined);
}

export function planName(data: ExplorerData, id: string, lang: Lang): string {
  const p = data.planById.get(id);
  return p ? (lang === 'zh' ? p.titleZh : p.titleEn) : id;
}

const squash = (s: string) => s.toLowerCase().replace(/[\s'’-]+/g, '');

/**
 * True when a query matches any of the names. Latin queries also match pinyin written with or without spaces
 * ("xinyu", "xin yu") and pinyin initials ("xy").
 */
export function matches(query: string, names: string[], pinyin = ''): boolean {
  const q = squash(query);
  if (!q) return true;
  if (names.some((n) => squash(n).includes(q))) return true;
  if (!pinyin) return false;
  const syllables = pinyin.toLowerCase().split(/\s+/).filter(Boolean);
  return (
    syllables.join('').includes(q) ||
    syllables
      .map((s) => s[0])
      .join('')
      .startsWith(q)
  );
}

export interface PlaceHit {
  id: string;
  score: number;
}

/** Places whose names match the query, best first (exact and prefix matches before infix ones; cities first). */
export function searchPlaces(data: ExplorerData, query: string, limit = 8): PlaceHit[] {
  const q = squash(query);
  if (!q) return [];
  const levelRank: Record<string, number> = { city: 0, county: 1, park: 2, newarea: 3, macro: 4, province: 5 };
  const hits: PlaceHit[] = [];
  for (const f of data.places) {
    const p = f.properties;
    const names = [p.zh, p.en, ...p.aliases];
    if (!matches(query, names, p.pinyin)) continue;
    const prefix = names.some((n) => squash(n).startsWith(q)) || squash(p.pinyin).startsWith(q);
    hits.push({ id: f.id, score: (prefix ? 0 : 10) + (levelRank[p.level] ?? 6) });
  }
  return hits.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)).slice(0, limit);
}

export interface TermInfo {
  ref: TermRef;
  /** The forms the plans write, shortest first: names[0] is the one shown. */
  names: string[];
  en: string | null;
}

const termInfos = new WeakMap<ExplorerData, Map<string, TermInfo>>();

/** A product's or company's names as the plans write them (and its English, where the data has one). */
export function termInfo(data: ExplorerData, ref: TermRef): TermInfo | undefined {
  let all = termInfos.get(data);
  if (!all) {
    all = new Map();
    for (const kind of TERM_KINDS)
      for (const g of termGroups(data.assignments, kind))
        all.set(`${kind}~${g.key}`, {
          ref: { kind, key: g.key },
          names: g.names,
          en: termEnglish(data.assignments, g),
        });
    termInfos.set(data, all);
  }
  return all.get(`${ref.kind}~${ref.key}`);
}

export function termName(data: ExplorerData, ref: TermRef, lang: Lang): string {
  const info = termInfo(data, ref);
  const zh = info?.names[0] ?? ref.key;
  return lang === 'zh' ? zh : (info?.en ?? zh);
}

/** Search results of one kind, best first, and how many more matched than are shown. */
export interface SearchGroup {
  kind: SearchKind;
  hits: SearchEntry[];
  more: number;
}

/** How many results each kind shows (the rest are counted: typing more narrows them). */
export const SEARCH_LIMITS: Record<SearchKind, number> = { place: 6, industry: 4, product: 5, enterprise: 6 };

const HAN = /\p{Script=Han}/u;

/**
 * How well an entry matches a query already in searchKey form: 0 exact, 1 prefix, 2 pinyin initials, 3 substring;
 * null for no match. A one-letter Latin query matches prefixes only (every name contains some letter).
 */
export function matchScore(e: Pick<SearchEntry, 'keys' | 'initials'>, q: string): number | null {
  if (!q) return null;
  let best: number | null = null;
  const substring = q.length >= 2 || HAN.test(q);
  for (const k of e.keys) {
    if (k === q) return 0;
    if (k.startsWith(q)) best = 1;
    else if (best === null && substring && k.includes(q)) best = 3;
  }
  if (best !== 1 && q.length >= 2 && e.initials.startsWith(q)) best = 2;
  return best;
}

/** Every kind's best matches, grouped in SEARCH_KINDS order (places, industries, products, companies). */
export function searchEntries(
  entries: readonly SearchEntry[],
  query: string,
  limits: Record<SearchKind, number> = SEARCH_LIMITS,
): SearchGroup[] {
  const q = searchKey(query);
  if (!q) return [];
  const scored = new Map<SearchKind, { e: SearchEntry; score: number; i: number }[]>();
  entries.forEach((e, i) => {
    const score = matchScore(e, q);
    if (score === null) return;
    scored.set(e.kind, [...(scored.get(e.kind) ?? []), { e, score, i }]);
  });
  return SEARCH_KINDS.flatMap((kind) => {
    // The build orders entries usefully within a kind (cities first; terms named most often first): keep that order.
    const list = (scored.get(kind) ?? []).sort((a, b) => a.score - b.score || a.i - b.i);
    if (!list.length) return [];
    const limit = limits[kind];
    return [{ kind, hits: list.slice(0, limit).map((x) => x.e), more: Math.max(0, list.length - limit) }];
  });
}

const localEntries = new WeakMap<ExplorerData, SearchEntry[]>();

/**
 * Places and industries as search entries made from the loaded data: what the search finds before search.json has
 * arrived (or when it cannot be loaded). Uses the build-made `pinyin` fields: no pinyin library in the app.
 */
export function dataEntries(data: ExplorerData): SearchEntry[] {
  let out = localEntries.get(data);
  if (out) return out;
  const make = (kind: SearchKind, id: string, zh: string, en: string, aliases: string[], pinyin: string) => {
    const syllables = pinyin.split(/\s+/).filter(Boolean);
    return {
      kind,
      id,
      zh,
      en,
      pinyin,
      variants: aliases.filter((a) => a !== zh),
      keys: [...new Set([zh, ...aliases, en, syllables.join('')].map(searchKey).filter(Boolean))],
      initials: syllables.map((s) => s[0] ?? '').join(''),
      places: kind === 'place' ? [id] : [],
      assignments: [],
    };
  };
  const rank: Record<string, number> = { city: 0, county: 1, newarea: 2, park: 3, macro: 4, province: 5 };
  out = [
    ...[...data.places]
      .sort((a, b) => (rank[a.properties.level] ?? 6) - (rank[b.properties.level] ?? 6) || a.id.localeCompare(b.id))
      .map((f) => make('place', f.id, f.properties.zh, f.properties.en, f.properties.aliases, f.properties.pinyin)),
    ...data.industries.map((i) => make('industry', i.id, i.zh, i.en, i.aliases, i.pinyin ?? '')),
  ];
  localEntries.set(data, out);
  return out;
}
