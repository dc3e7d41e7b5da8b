/** Localised names of data objects, and search matching over zh / English / pinyin. */
import type { ExplorerData } from '../data/load.ts';
import type { Assignment } from '../domain/types.ts';
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
