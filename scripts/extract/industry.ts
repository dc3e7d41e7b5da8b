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

/**
 * The industry a heading line names (（五）光伏产业。 / 一、光伏产业 / 专栏一： 光伏产业 / 航空。…), or null.
 * Combined headings (钨和稀土加工产业) return the heading text with id '' so the caller splits by keywords.
 */
export function headingIndustry(line: string, index: IndustryIndex): IndustryRef | null {
  const rest = line.replace(HEADING_PREFIX, '');
  const title = (rest.split(/[。]/)[0] ?? '').trim();
  if (title.length === 0 || title.length > 20) return null;
  if (typeof RULES.combinedSections[title] === 'object') return { id: '', zh: title };
  const industry = index.byForm.get(title);
  return industry ? { id: industry.id, zh: title } : null;
}

/** A topic that opens the sentence (中药形成…, 医疗器械以…, 粮油加工业。) or a clause (中药方面，…). */
export function sentenceTopic(sentence: string, index: IndustryIndex): IndustryRef | null {
  const aspect = /(?:^|[，。；])([^，。；]{1,14}?)方面[，,]/.exec(sentence);
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
    if (/(?:发展|生产|开发)[^，。；]*$/.test(head.slice(0, at))) continue;
    if (!hits.some((h) => h.id === industry.id)) hits.push({ id: industry.id, zh: form });
  }
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/** For a combined section, the industries whose keywords the (masked) sentence uses; the first when none. */
export function combinedIndustries(title: string, sentence: string, index: IndustryIndex): IndustryRef[] {
  const spec = RULES.combinedSections[title];
  if (typeof spec !== 'object') return [];
  const out: IndustryRef[] = [];
  for (const [id, words] of Object.entries(spec)) {
    const word = words.find((w) => sentence.includes(w));
    if (word && index.byId.has(id)) out.push({ id, zh: index.byId.get(id)?.zh ?? word });
  }
  if (out.length > 0) return out;
  const first = Object.keys(spec)[0];
  return first && index.byId.has(first) ? [{ id: first, zh: title }] : [];
}
