import { RULES } from './rules.ts';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

const SUFFIX = new RegExp(`(?:${RULES.enterprise.suffix})`, 'g');
/** Characters that end a name when scanning backwards from its suffix. */
const STOP_CHAR = /[、，。；：\s“”"《》]/;
/** Words that introduce a name rather than belong to it (以江铜集团为核心, 重点扶持江西稀有金属…). */
const LEAD =
  /^.*(?:以|依托|组建|扶持|支持|推动|推进|鼓励|引进|加快|依靠|围绕|整合|将|把|利用|发挥|抓住|是|即|由|对|与|和|及|等|在)/;

/** Named companies in a sentence, as spans of the sentence text (merged when they overlap). */
export function findEnterprises(text: string): TextSpan[] {
  const raw: [number, number][] = [];
  for (const m of text.matchAll(SUFFIX)) {
    const end = (m.index ?? 0) + m[0].length;
    let start = m.index ?? 0;
    while (start > 0 && !STOP_CHAR.test(text.charAt(start - 1))) start--;
    const run = text.slice(start, m.index);
    const lead = LEAD.exec(run);
    if (lead) start += lead[0].length;
    // A bare suffix (…等公司) is not a name.
    const name = text.slice(start, end);
    if ((m.index ?? 0) - start >= 2 && !/^(?:大型|一批|若干|骨干|龙头|重点)/.test(name)) raw.push([start, end]);
  }
  for (const name of RULES.enterprise.known) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(name, from);
      if (i < 0) break;
      raw.push([i, i + name.length]);
      from = i + name.length;
    }
  }
  raw.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
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
