import type { Industry } from '../../src/domain/types.ts';
import { RULES } from './rules.ts';

/** The industry a sentence is about: an id plus the form the text uses for it. */
export interface IndustryRef {
  id: string;
  zh: string;
}

export interface IndustryIndex {
  /** Known written forms (zh and aliases), longest first. */
  forms: string[];
  byForm: Map<string, Industry>;
  byId: Map<string, Industry>;
}

export function indexIndustries(industries: readonly Industry[]): IndustryIndex {
  const byForm = new Map<string, Industry>();
  const byId = new Map<string, Industry>();
  for (const industry of industries) {
    byId.set(industry.id, industry);
    for (const form of [industry.zh, ...industry.aliases]) if (!byForm.has(form)) byForm.set(form, industry);
  }
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { forms, byForm, byId };
}

const HEADING_PREFIX = new RegExp(RULES.headingPrefix);
const ASPECT = new RegExp(RULES.industry.aspect);
const OBJECT_VERB = new RegExp(RULES.industry.objectVerb);
const PLACE_PHRASE_LEAD = new RegExp(RULES.industry.placePhraseLead);

/**
 * The section a heading opens: one industry (its id and the heading's form), or a combined heading (钨和稀土加工产业,
 * a key of rules.json combinedSections) whose sentences are split between its industries by keyword.
 */
export type Section = (IndustryRef & { combined: false }) | { combined: true; zh: string };

/** The industry of a section that names one, as a plain reference; null for a combined section. */
export function sectionIndustry(section: Section | null): IndustryRef | null {
  return section && !section.combined ? { id: section.id, zh: section.zh } : null;
}

/** The section a heading line opens (（五）光伏产业。 / 一、光伏产业 / 专栏一： 光伏产业 / 航空。…), or null. */
export function headingIndustry(line: string, index: IndustryIndex): Section | null {
  const rest = line.replace(HEADING_PREFIX, '');
  const title = (rest.split(/[。]/)[0] ?? '').trim();
  if (title.length === 0 || title.length > 20) return null;
  if (typeof RULES.combinedSections[title] === 'object') return { combined: true, zh: title };
  const industry = index.byForm.get(title);
  return industry ? { combined: false, id: industry.id, zh: title } : null;
}

/** A topic that opens the sentence (中药形成…, 医疗器械以…, 粮油加工业。) or a clause (中药方面，…). */
export function sentenceTopic(sentence: string, index: IndustryIndex): IndustryRef | null {
  // A ◆ bullet title names the topic of what follows it (001 line 345: ◆继续壮大电子信息产品制造业。以南昌…为中心).
  const diamond = /^◆([^。，；\s]{1,20})/.exec(sentence);
  if (diamond?.[1]) {
    const found = industriesIn(diamond[1], index)[0];
    if (found) return found;
  }
  const aspect = ASPECT.exec(sentence);
  if (aspect?.[1]) {
    const industry = index.byForm.get(aspect[1]);
    if (industry) return { id: industry.id, zh: aspect[1] };
  }
  const head = sentence.replace(/^[^：:，。]{1,6}[：:]\s*/, '');
  for (const form of index.forms) {
    if (!head.startsWith(form)) continue;
    // "南昌重点发展半导体照明" is not a topic; only a form that opens the sentence is.
    const industry = index.byForm.get(form);
    if (industry) return { id: industry.id, zh: form };
  }
  return null;
}

/**
 * A sub-industry named in the sentence before its first place and outside a 发展/生产 object list
 * (推进中医药现代化…构建以南昌为核心): the clause is about that sub-industry of the section's industry.
 */
export function leadingSubIndustry(
  sentence: string,
  firstPlaceAt: number,
  section: IndustryRef | null,
  index: IndustryIndex,
): IndustryRef | null {
  if (!section?.id) return null;
  const head = sentence.slice(0, firstPlaceAt);
  const hits: IndustryRef[] = [];
  for (const form of index.forms) {
    const at = head.indexOf(form);
    if (at < 0) continue;
    const industry = index.byForm.get(form);
    if (!industry || industry.parent !== section.id) continue;
    if (OBJECT_VERB.test(head.slice(0, at))) continue;
    if (!hits.some((h) => h.id === industry.id)) hits.push({ id: industry.id, zh: form });
  }
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/**
 * For a combined section, the industries whose keywords the (masked) sentence uses; the first when none.
 * Longer keywords are read first and blanked, so 汽车零部件 counts for the parts industry and not also for 汽车.
 */
export function combinedIndustries(title: string, sentence: string, index: IndustryIndex): IndustryRef[] {
  const spec = RULES.combinedSections[title];
  if (typeof spec !== 'object') return [];
  const keywords = Object.entries(spec)
    .flatMap(([id, words]) => words.map((word) => ({ id, word })))
    .sort((a, b) => b.word.length - a.word.length || (a.word < b.word ? -1 : 1));
  let rest = sentence;
  const hit = new Set<string>();
  for (const { id, word } of keywords) {
    if (!rest.includes(word)) continue;
    hit.add(id);
    rest = rest.split(word).join('□'.repeat(word.length));
  }
  // Keep the order of the section's spec so output stays stable.
  const out: IndustryRef[] = Object.keys(spec)
    .filter((id) => hit.has(id) && index.byId.has(id))
    .map((id) => ({ id, zh: index.byId.get(id)?.zh ?? id }));
  if (out.length > 0) return out;
  const first = Object.keys(spec)[0];
  return first && index.byId.has(first) ? [{ id: first, zh: title }] : [];
}

/** Every industry form in a text, longest match first, left to right (重化工产业基地和航空产业基地 → 化工, 航空). */
export function industriesIn(text: string, index: IndustryIndex): IndustryRef[] {
  const out: IndustryRef[] = [];
  let i = 0;
  while (i < text.length) {
    const form = index.forms.find((f) => text.startsWith(f, i));
    const industry = form ? index.byForm.get(form) : undefined;
    if (!form || !industry) {
      i++;
      continue;
    }
    if (!out.some((r) => r.id === industry.id)) out.push({ id: industry.id, zh: form });
    i += form.length;
  }
  return out;
}

/**
 * The industries a place phrase names itself, for sentences outside any industry section: the words right after
 * the place (鹰潭铜产业基地, 南昌及景德镇汽车产业基地和航空产业基地, 南昌、吉安、景德镇等主要城市的信息产业基地,
 * 景德镇直升机等军民融合产业基地) or a park's own name (南昌小蓝汽车及零部件产业基地, 南昌航空工业城).
 * `tail` is the text from the end of the place list to the next list; only its first clause is read, and only when it
 * opens with an industry word (after 等/的 and at most two characters, as in 重化工).
 */
export function placeIndustries(tail: string, placeText: string, index: IndustryIndex): IndustryRef[] {
  const own = industriesIn(placeText, index);
  if (own.length > 0) return own;
  const clause = tail.split(/[，。；：]/)[0] ?? '';
  const rest = clause.replace(PLACE_PHRASE_LEAD, '');
  if (![0, 1, 2].some((k) => index.forms.some((f) => rest.startsWith(f, k)))) return [];
  return industriesIn(rest, index);
}
