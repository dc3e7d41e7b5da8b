import type { Gazetteer, GazetteerPlace } from '../gazetteer/types.ts';
import { RULES } from './rules.ts';

/** A place named in a sentence. Offsets are within the sentence text. */
export interface Mention {
  start: number;
  end: number;
  /** The place as written (for a compound such as 九江湖口, both parts). */
  text: string;
  place: GazetteerPlace;
  /** Set when the written form is a park or zone the gazetteer does not know, read as its host city. */
  unresolved?: string;
}

/** A zone-like tail after a city name (南昌临空经济区): the zone is unknown, so the mention stands for the city. */
const ZONE_TAIL = new RegExp(RULES.mentions.zoneTail.pattern);
const LIST_JOIN = new RegExp(RULES.mentions.listJoin.pattern);

const NOT_PLACE_AFTER = RULES.notPlaceAfter ? new RegExp(`^(?:${RULES.notPlaceAfter.pattern})`) : null;

/** Longest-first candidate forms by first character, built once per gazetteer. */
const indexCache = new WeakMap<Gazetteer, Map<string, string[]>>();
function formIndex(gazetteer: Gazetteer): Map<string, string[]> {
  let index = indexCache.get(gazetteer);
  if (!index) {
    index = new Map();
    for (const form of gazetteer.forms) {
      if (form.length < 2) continue;
      const key = form.charAt(0);
      const list = index.get(key) ?? [];
      list.push(form);
      index.set(key, list);
    }
    for (const list of index.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    indexCache.set(gazetteer, index);
  }
  return index;
}

function guardAllows(text: string, at: number, form: string): boolean {
  const guard = RULES.guards?.[form];
  if (!guard) return true;
  const after = text.slice(at + form.length);
  if (guard.after && !new RegExp(`^(?:${guard.after})`).test(after)) return false;
  if (guard.notAfter && new RegExp(`^(?:${guard.notAfter})`).test(after)) return false;
  if (guard.notBefore && at > 0 && new RegExp(`(?:${guard.notBefore})$`).test(text.slice(0, at))) return false;
  return true;
}

/**
 * Scans (enterprise-masked) text for place names, longest match first, resolving each through the gazetteer on the
 * plan's date. `city` is the city the text is about (the clause's subject), passed to narrow short park names.
 * A city immediately followed by one of its own counties or parks (九江湖口, 新余分宜县) becomes one mention of the
 * inner unit, written as the whole compound.
 */
export function findMentions(text: string, gazetteer: Gazetteer, date: string, city?: string | null): Mention[] {
  const index = formIndex(gazetteer);
  const found: Mention[] = [];
  let currentCity = city ?? null;
  let i = 0;
  while (i < text.length) {
    let hit: Mention | undefined;
    for (const form of index.get(text.charAt(i)) ?? []) {
      if (!text.startsWith(form, i) || !guardAllows(text, i, form)) continue;
      if (NOT_PLACE_AFTER?.test(text.slice(i + form.length))) continue;
      const place = gazetteer.resolve(form, date, { city: currentCity }) ?? gazetteer.resolve(form, date);
      if (place && place.level !== 'province') {
        hit = { start: i, end: i + form.length, text: form, place };
        break;
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    // A city or county name that only opens an unknown zone's name (南昌临空经济区, a 莲花湾工业园区 that is not in the
    // gazetteer) is read as that unit, but flagged so the build warns instead of silently taking the unit.
    if (hit.place.level === 'city' || hit.place.level === 'county') {
      const tail = ZONE_TAIL.exec(text.slice(hit.end));
      // Only when no known place starts inside the tail (南昌小蓝经济开发区 is known as a whole).
      const inner = tail
        ? [...tail[0]].some((_, k) => (index.get(tail[0].charAt(k)) ?? []).some((f) => tail[0].startsWith(f, k)))
        : true;
      if (tail && !inner) {
        hit = { ...hit, end: hit.end + tail[0].length, text: hit.text + tail[0], unresolved: hit.text + tail[0] };
      }
    }
    const prev = found[found.length - 1];
    if (
      prev &&
      prev.end === hit.start &&
      prev.place.level === 'city' &&
      hit.place.level !== 'city' &&
      hit.place.city === prev.place.id
    ) {
      found[found.length - 1] = { start: prev.start, end: hit.end, text: prev.text + hit.text, place: hit.place };
    } else {
      found.push(hit);
    }
    if (hit.place.level === 'city') currentCity = hit.place.id;
    i = hit.end;
  }
  return found;
}

/** Mentions joined only by list words (、 和 及 与 以及 and the 等/等地 that closes a list) form one group. */
export function groupMentions(text: string, mentions: readonly Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && LIST_JOIN.test(text.slice(prev.end, m.start))) {
      last.push(m);
    } else {
      groups.push([m]);
    }
  }
  return groups;
}

const UNRESOLVED = RULES.mentions.unresolved;
const PLACE_SUFFIX = new RegExp(UNRESOLVED.placeSuffix);
const TOKEN_SPLIT = new RegExp(UNRESOLVED.tokenSplit);
/** Generic words that end like a place but are not one. */
const GENERIC = new Set(UNRESOLVED.genericForms);
const NOT_NAME_START = new RegExp(UNRESOLVED.notNameStart);
const ZONE_SUFFIX = new RegExp(UNRESOLVED.zoneSuffix);
const DESCRIPTION = new RegExp(UNRESOLVED.description);
const ZONE_WORD = new RegExp(UNRESOLVED.zoneWord);

/** Place-like forms (X工业园区, X开发区, X县 …) the gazetteer did not resolve, for a warning. */
export function unresolvedForms(text: string, mentions: readonly Mention[]): string[] {
  const out: string[] = [];
  let pos = 0;
  for (const token of text.split(TOKEN_SPLIT)) {
    const start = text.indexOf(token, pos);
    pos = start + token.length;
    if (token.length < 2 || !PLACE_SUFFIX.test(token) || GENERIC.has(token)) continue;
    // Slogans such as “一核两区” and counted blocks (四大基地) are not names.
    if (NOT_NAME_START.test(token)) continue;
    const covered = mentions.some((m) => m.start <= start && m.end >= start + token.length);
    if (covered) continue;
    // Only forms that look like proper names: a known place inside, or a name-like head.
    const endsInPlace = mentions.some((m) => m.end === start + token.length);
    if (endsInPlace) continue;
    // After a known place only a zone suffix makes a new name (南昌临空经济区); 赣南茶区, 南昌地区 are descriptions.
    const head = mentions.find((m) => m.start === start);
    const rest = head ? token.slice(head.end - start) : token;
    if (!ZONE_SUFFIX.test(rest)) continue;
    if (DESCRIPTION.test(token) && !ZONE_WORD.test(token)) continue;
    out.push(token);
  }
  return out;
}
