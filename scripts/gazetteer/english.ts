import { existsSync, readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { BuildError } from '../errors.ts';

export interface GenericTerm {
  zh: string;
  en: string;
}

export interface PinyinOverride {
  zh: string;
  pinyin: string;
  reason: string;
}

/** Romanisation of proper names with pinyin-pro, corrected by a small reviewed table of polyphonic readings. */
export class Romaniser {
  private readonly overrides: PinyinOverride[];
  private readonly suffixes: GenericTerm[];
  private readonly words: GenericTerm[];

  constructor(overrides: PinyinOverride[], suffixes: GenericTerm[], words: GenericTerm[]) {
    // Longest first so that 高新技术产业开发区 wins over 开发区.
    this.overrides = [...overrides].sort((a, b) => b.zh.length - a.zh.length);
    this.suffixes = [...suffixes].sort((a, b) => b.zh.length - a.zh.length);
    this.words = [...words].sort((a, b) => b.zh.length - a.zh.length);
  }

  /** Toneless syllables separated by spaces, lower case ("nan chang shi"). */
  syllables(zh: string): string[] {
    const out: string[] = [];
    let rest = zh;
    while (rest.length > 0) {
      const hit = this.overrides.find((o) => rest.startsWith(o.zh));
      if (hit) {
        out.push(...hit.pinyin.split(' '));
        rest = rest.slice(hit.zh.length);
        continue;
      }
      // Find the next override to keep pinyin-pro's context-aware reading for the run before it.
      let next = rest.length;
      for (const o of this.overrides) {
        const i = rest.indexOf(o.zh);
        if (i > 0 && i < next) next = i;
      }
      const run = rest.slice(0, next);
      out.push(...(pinyin(run, { toneType: 'none', type: 'array', v: true }) as string[]).map((s) => s.toLowerCase()));
      rest = rest.slice(next);
    }
    return out.filter((s) => s.trim().length > 0);
  }

  pinyin(zh: string): string {
    return this.syllables(zh).join(' ');
  }

  /** One proper-name word: syllables joined, apostrophe before a/o/e (Ji'an, Gao'an), capitalised. */
  word(zh: string): string {
    const syl = this.syllables(zh);
    const joined = syl.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
    return joined.charAt(0).toUpperCase() + joined.slice(1);
  }

  /** The generic suffix of a name (longest table match), or undefined. */
  genericSuffix(zh: string): GenericTerm | undefined {
    return this.suffixes.find((t) => zh.endsWith(t.zh) && zh.length > t.zh.length);
  }

  /**
   * English for a name made of proper parts and a generic suffix. `knownNames` (zh → English) splits the proper part into words
   * (南昌小蓝 → Nanchang Xiaolan; 崇仁县 → Chongren County); words in the generic word table are translated (医疗器械 → Medical Devices).
   */
  english(zh: string, knownNames: ReadonlyMap<string, string>): string {
    const suffix = this.genericSuffix(zh);
    const proper = suffix ? zh.slice(0, zh.length - suffix.zh.length) : zh;
    // Brackets inside a name (中国（南昌）…) become ASCII ones around their own words, never glued to a syllable.
    const parts = proper
      .split(/([（(][^）)]*[）)])/)
      .filter((piece) => piece.length > 0)
      .flatMap((piece) =>
        /^[（(]/.test(piece)
          ? [`(${this.tokens(piece.slice(1, -1), knownNames).join(' ')})`]
          : this.tokens(piece, knownNames),
      );
    return [...parts, ...(suffix ? [suffix.en] : [])].join(' ');
  }

  private tokens(text: string, knownNames: ReadonlyMap<string, string>): string[] {
    const names = [...knownNames.keys()].sort((a, b) => b.length - a.length);
    const out: string[] = [];
    let pending = '';
    const flush = () => {
      if (pending) out.push(this.word(pending));
      pending = '';
    };
    let i = 0;
    while (i < text.length) {
      const rest = text.slice(i);
      const w = this.words.find((t) => rest.startsWith(t.zh));
      if (w) {
        flush();
        out.push(w.en);
        i += w.zh.length;
        continue;
      }
      const n = names.find((name) => rest.startsWith(name));
      if (n) {
        flush();
        out.push(knownNames.get(n) ?? this.word(n));
        i += n.length;
        continue;
      }
      pending += text[i];
      i += 1;
    }
    flush();
    return out;
  }
}

/** A reviewed English name that replaces the derived one (data/places/english-names.json). */
export interface EnglishName {
  /** Place id (park-…, newarea-…, macro-…, or an area code). */
  id: string;
  /** The place's zh, repeated so that a renamed or re-slugged entry fails loudly instead of naming the wrong place. */
  zh: string;
  en: string;
  /** True when `en` is the name the zone itself or its approving body uses; false for our own rendering. */
  official: boolean;
  /** Where the name comes from (or why this rendering). */
  source: string;
  note?: string;
}

/**
 * Applies data/places/english-names.json to the gazetteer's places. A separate file rather than an `en` field in
 * parks.json: other work edits parks.json entries (aliases), and names with their sources are reviewed as one list.
 */
export function applyEnglishNames(places: { id: string; zh: string; en: string }[], file: string): EnglishName[] {
  if (!existsSync(file)) return [];
  let names: EnglishName[];
  try {
    names = (JSON.parse(readFileSync(file, 'utf8')) as { names: EnglishName[] }).names;
  } catch (error) {
    throw new BuildError(file, 0, `invalid JSON: ${(error as Error).message}`);
  }
  const byId = new Map(places.map((p) => [p.id, p]));
  const seen = new Set<string>();
  for (const n of names) {
    const place = byId.get(n.id);
    if (!place) throw new BuildError(file, 0, `${n.id}: no such place`);
    if (place.zh !== n.zh) throw new BuildError(file, 0, `${n.id}: zh is "${place.zh}", the entry says "${n.zh}"`);
    if (seen.has(n.id)) throw new BuildError(file, 0, `${n.id}: listed twice`);
    if (!n.source?.trim()) throw new BuildError(file, 0, `${n.id}: missing source`);
    if (typeof n.official !== 'boolean') throw new BuildError(file, 0, `${n.id}: official must be true or false`);
    seen.add(n.id);
    place.en = n.en;
  }
  return names;
}
