import { headingIndustry, type IndustryIndex, type Section } from './industry.ts';
import { RULES } from './rules.ts';

/** Why a line is read: a layout passage of one of the known kinds, or the rest of the body (directives). */
export type PassageKind = 'layout' | 'layout-column' | 'inline' | 'directive' | 'status-column';

export interface PassageLine {
  /** 1-based line number. */
  line: number;
  kind: PassageKind;
  /** The industry of the section the line sits in (from the nearest heading), if any. */
  section: Section | null;
}

const LAYOUT = new RegExp(RULES.passages.layoutParagraph);
const COLUMN_START = new RegExp(RULES.passages.columnStart);
const COLUMN_END = new RegExp(RULES.passages.columnEnd);
const STATUS_COLUMN = new RegExp(RULES.passages.statusColumn);
const RESET = new RegExp(RULES.resetHeading);

/**
 * Every non-empty line of the document with the passage it belongs to. Lines of a ◆产业现状 column are
 * 'status-column' (they describe the present, not the plan: audited, never assigned); all other body lines are
 * 'directive' candidates.
 */
export function findPassages(lines: readonly string[], file: string, index: IndustryIndex): PassageLine[] {
  const out: PassageLine[] = [];
  const inline = RULES.passages.inline.filter((r) => r.file === file);
  let section: Section | null = null;
  let inColumn = false;
  let inStatus = false;
  let inInline = false;
  lines.forEach((text, i) => {
    const heading = headingIndustry(text, index);
    if (heading) section = heading;
    else if (RESET.test(text)) section = null;

    for (const rule of inline) {
      if (text.includes(rule.from)) inInline = true;
      else if (text.includes(rule.to)) inInline = false;
    }
    if (COLUMN_START.test(text)) {
      inColumn = true;
      inStatus = false;
      return;
    }
    if (STATUS_COLUMN.test(text)) {
      inStatus = true;
      inColumn = false;
      return;
    }
    // A ◆ sub-heading inside a column (◆金属新材料) does not end it; the column ends at the next block or heading.
    if ((inColumn || inStatus) && COLUMN_END.test(text)) {
      inColumn = false;
      inStatus = false;
    }
    if (text.trim() === '') return;
    let kind: PassageKind = 'directive';
    if (inStatus) kind = 'status-column';
    else if (LAYOUT.test(text)) kind = 'layout';
    else if (inColumn) kind = 'layout-column';
    else if (inInline) kind = 'inline';
    out.push({ line: i + 1, kind, section });
  });
  return out;
}
