/** A sentence (or bullet clause) inside one line, with UTF-16 offsets into that line. */
export interface Span {
  start: number;
  end: number;
  text: string;
  /** True when the sentence opens a "--" bullet (a bullet's title scopes the sentences after it). */
  bullet: boolean;
}

/** Sentence-final marks; the mark stays with its sentence. */
const END = new Set(['。', '；', '！', '？', '!', '?', ';']);
const SPACE = /[\s\u3000]/;

/**
 * Splits a line into sentences on 。；！？ and on "--" bullet markers (001 and 002 pack several bullets into one line).
 * Leading/trailing whitespace and the bullet marker itself are left out, so quote === line.slice(start, end).
 */
export function splitSentences(line: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    let bullet = false;
    for (;;) {
      while (s < e && SPACE.test(line.charAt(s))) s++;
      if (line.startsWith('--', s)) {
        s += 2;
        bullet = true;
        continue;
      }
      break;
    }
    while (e > s && SPACE.test(line.charAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e, text: line.slice(s, e), bullet });
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (END.has(ch)) {
      push(start, i + 1);
      start = i + 1;
    } else if (ch === '-' && line.charAt(i + 1) === '-' && i > start && line.slice(start, i).trim() !== '') {
      // A bullet starting mid-line closes the sentence before it.
      push(start, i);
      start = i;
      i++;
    }
  }
  push(start, line.length);
  return spans;
}
