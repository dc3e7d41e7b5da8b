/**
 * The source reader's highlights: for one seed file, the layout sentences (audit.json) and the assignment quotes,
 * as non-overlapping ranges per line, each knowing the assignments behind it. Pure, so it is tested without a DOM.
 */
import type { Assignment, AuditSentence, SentenceStatus } from '../domain/types.ts';

export interface Highlight {
  line: number;
  start: number;
  end: number;
  /** 'assigned' when the range produced assignments; otherwise the audit status (status, no-place …). */
  status: SentenceStatus;
  assignments: string[];
  /** The audit's reason when the sentence produced none. */
  reason: string | null;
}

/** Highlights by line, sorted by start; overlapping ranges are merged (ids united) so every character has one owner. */
export function sourceHighlights(
  file: string,
  sentences: readonly AuditSentence[],
  assignments: readonly Assignment[],
): Map<number, Highlight[]> {
  const raw: Highlight[] = sentences.map((s) => ({
    line: s.line,
    start: s.start,
    end: s.end,
    status: s.assignments.length ? 'assigned' : s.status,
    assignments: [...s.assignments],
    reason: s.reason,
  }));
  for (const a of assignments) {
    if (a.source.file !== file) continue;
    const { line, start, end } = a.source;
    const same = raw.find((h) => h.line === line && h.start === start && h.end === end);
    if (same) {
      if (!same.assignments.includes(a.id)) same.assignments.push(a.id);
      same.status = 'assigned';
    } else raw.push({ line, start, end, status: 'assigned', assignments: [a.id], reason: null });
  }
  const byLine = new Map<number, Highlight[]>();
  for (const h of raw) byLine.set(h.line, [...(byLine.get(h.line) ?? []), h]);
  for (const [line, list] of byLine) {
    list.sort((x, y) => x.start - y.start || y.end - x.end);
    const merged: Highlight[] = [];
    for (const h of list) {
      const last = merged.at(-1);
      if (last && h.start < last.end) {
        last.end = Math.max(last.end, h.end);
        for (const id of h.assignments) if (!last.assignments.includes(id)) last.assignments.push(id);
        if (h.status === 'assigned') last.status = 'assigned';
      } else merged.push({ ...h, assignments: [...h.assignments] });
    }
    byLine.set(line, merged);
  }
  return byLine;
}

/** A line cut into plain runs and highlighted runs (offsets clipped to the line). */
export function lineRuns(
  text: string,
  highlights: readonly Highlight[],
): { text: string; highlight: Highlight | null }[] {
  const out: { text: string; highlight: Highlight | null }[] = [];
  let at = 0;
  for (const h of highlights) {
    const start = Math.max(at, Math.min(h.start, text.length));
    const end = Math.min(h.end, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), highlight: null });
    out.push({ text: text.slice(start, end), highlight: h });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), highlight: null });
  return out;
}
