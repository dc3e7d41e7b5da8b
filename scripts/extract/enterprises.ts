/**
 * Company names in a sentence, found by their form and context (data/extraction/rules.json → enterprise): a company
 * suffix, or a list the text calls companies (以赛维LDK、瑞晶、升阳光电等龙头企业为依托), or an anchor phrase
 * (以昌河汽车为核心). The short known list is the fallback for names with neither.
 */
import { RULES } from './rules.ts';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

const E = RULES.enterprise;
const SUFFIX = new RegExp(`(?:${E.suffix})`, 'g');
const ANYWHERE = new RegExp(`(?:${E.anywhereSuffix})`, 'g');
const WEAK_END = new RegExp(`(?:${E.suffix}|${E.weakSuffix})$`);
const CONTEXTS = E.contexts.map((c) => new RegExp(c, 'g'));
const NOT_NAME = new RegExp(E.notName);
const LIST_LEAD = new RegExp(E.listLead);
const LIST_SPLIT = new RegExp(E.listSplit);
const ETC_PLACE = new RegExp(E.etcPlace);
const KNOWN = E.known.map((k) => k.name);
const KNOWN_BOUNDARY = new RegExp(E.knownBoundary);
/** Characters that end a name when scanning backwards from its suffix. */
const STOP_CHAR = /[、，。；：\s“”"《》]/;
/** Words that introduce a name rather than belong to it (以江铜集团为核心, 重点扶持江西稀有金属…). */
const LEAD = new RegExp(`^.*(?:${E.lead})`);

/** Whether a written form is a place (the caller's gazetteer); without it nothing counts as a place. */
export type IsPlace = (form: string) => boolean;

function backScan(text: string, suffixAt: number, end: number, raw: [number, number][]): void {
  let start = suffixAt;
  while (start > 0 && !STOP_CHAR.test(text.charAt(start - 1))) start--;
  const run = text.slice(start, suffixAt);
  const lead = LEAD.exec(run);
  if (lead) start += lead[0].length;
  const name = text.slice(start, end);
  // A bare suffix (…等公司) or a description (大型钢铁集团) is not a name.
  if (suffixAt - start >= 2 && !NOT_NAME.test(name)) raw.push([start, end]);
}

/** Named companies in a sentence, as spans of the sentence text (merged when they overlap). */
export function findEnterprises(text: string, isPlace: IsPlace = () => false): TextSpan[] {
  const raw: [number, number][] = [];
  for (const re of [SUFFIX, ANYWHERE]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) backScan(text, m.index ?? 0, (m.index ?? 0) + m[0].length, raw);
  }
  for (const re of CONTEXTS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const list = m.groups?.list ?? '';
      const listAt = (m.index ?? 0) + m[0].indexOf(list);
      const companyWord = (m.groups?.word ?? '').includes(E.companyWord);
      let from = 0;
      for (const part of list.split(LIST_SPLIT)) {
        // 萍钢的安钢: the item names the part after 的.
        const of = part.lastIndexOf(E.ofWord);
        const lead = of >= 0 ? of + E.ofWord.length : (LIST_LEAD.exec(part)?.[0].length ?? 0);
        const at = list.indexOf(part, from) + lead;
        from = at + part.length - lead;
        const name = part.slice(lead).trim();
        if (name.length < 2 || NOT_NAME.test(name) || isPlace(name) || isPlace(name.replace(ETC_PLACE, ''))) continue;
        // Outside an explicit 企业 list, an item must look like a company (昌河汽车, 方大特钢的优势).
        if (!companyWord && !WEAK_END.test(name) && !KNOWN.includes(name)) continue;
        raw.push([listAt + at, listAt + at + name.length]);
      }
    }
  }
  for (const name of KNOWN) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(name, from);
      if (i < 0) break;
      if (KNOWN_BOUNDARY.test(text.slice(i + name.length))) raw.push([i, i + name.length]);
      from = i + name.length;
    }
  }
  raw.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([start, end]) => ({ start, end, text: text.slice(start, end) }));
}

/** The text with every enterprise span blanked out (same length, so offsets still hold). */
export function maskSpans(text: string, spans: readonly TextSpan[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + '□'.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}
