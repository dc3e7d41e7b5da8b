/**
 * A strict JSON reader that remembers where every value sits, so a message about `/plans/2/issued` can say
 * "data/plans.json:31". JSON.parse stays the judge of what the value is; this scanner only adds positions and, for a
 * syntax error, the line and column of the first character it cannot read (JSON.parse's own wording differs between
 * Node versions and sometimes gives no position at all).
 *
 * Iterative, not recursive: a deeply nested or huge file cannot exhaust the stack.
 */

export interface Position {
  line: number;
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly position: Position,
    readonly detail: string,
  ) {
    super(`${position.line}:${position.column}: ${detail}`);
    this.name = 'JsonSyntaxError';
  }
}

export interface LocatedJson {
  value: unknown;
  /** Where the value at a JSON pointer is written: for an object member, the line of its key. */
  locate(pointer: string): Position;
}

/** Offsets of line starts, for offset → line:column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

interface Frame {
  kind: 'object' | 'array';
  pointer: string;
  index: number;
  /** The object key whose value comes next. */
  key: string | null;
}

/**
 * Scans `text` as JSON (RFC 8259) and records, for every pointer, the offset of its key (members) or of its value
 * (array items, the root). Throws JsonSyntaxError at the first offending character.
 */
export function parseLocated(text: string): LocatedJson {
  const starts = lineStarts(text);
  const offsets = new Map<string, number>();
  const stack: Frame[] = [];
  let i = 0;
  const fail = (detail: string, at = i): never => {
    throw new JsonSyntaxError(positionOf(starts, Math.min(at, text.length)), detail);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const describe = (at: number) => (at >= text.length ? 'end of file' : `"${text[at]}"`);
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('control character (e.g. a raw line break) inside a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(`bad escape \\${e ?? ''}`);
        i += 2;
        continue;
      }
      i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const readScalar = () => {
    const c = text[i];
    if (c === '"') return void readString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    fail(`unexpected ${describe(i)} where a value should start`);
  };
  /** The pointer of the value about to be read, recorded before reading it. */
  const childPointer = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.kind === 'array') {
      const pointer = `${top.pointer}/${top.index}`;
      offsets.set(pointer, i);
      return pointer;
    }
    return `${top.pointer}/${escapePointer(top.key as string)}`;
  };

  ws();
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      const pointer = childPointer();
      if (pointer === '') offsets.set('', i);
      const c = text[i];
      if (c === '{' || c === '[') {
        if (stack.length >= 256) fail('nested more than 256 levels deep');
        i++;
        ws();
        const frame: Frame = { kind: c === '{' ? 'object' : 'array', pointer, index: 0, key: null };
        stack.push(frame);
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          i++;
          stack.pop();
          expectValue = false;
        } else if (frame.kind === 'object') {
          if (text[i] !== '"') fail(`expected a key in double quotes, found ${describe(i)}`);
          const keyAt = i;
          frame.key = readString();
          offsets.set(`${pointer}/${escapePointer(frame.key)}`, keyAt);
          ws();
          if (text[i] !== ':') fail(`expected ":" after the key "${frame.key}", found ${describe(i)}`);
          i++;
          ws();
          continue;
        } else continue;
      } else {
        readScalar();
        expectValue = false;
      }
    }
    // After a value: close containers or move to the next member.
    ws();
    const top = stack[stack.length - 1];
    if (!top) break;
    const close = top.kind === 'object' ? '}' : ']';
    if (text[i] === close) {
      i++;
      stack.pop();
      continue;
    }
    if (text[i] !== ',') fail(`expected "," or "${close}", found ${describe(i)}`);
    i++;
    ws();
    if (top.kind === 'array') {
      if (text[i] === ']') fail('trailing comma before "]"', i);
      top.index++;
    } else {
      if (text[i] !== '"') fail(`expected a key in double quotes, found ${describe(i)}`);
      const keyAt = i;
      top.key = readString();
      offsets.set(`${top.pointer}/${escapePointer(top.key)}`, keyAt);
      ws();
      if (text[i] !== ':') fail(`expected ":" after the key "${top.key}", found ${describe(i)}`);
      i++;
      ws();
    }
    expectValue = true;
  }
  ws();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);

  const value = JSON.parse(text) as unknown;
  return {
    value,
    locate(pointer: string): Position {
      // The nearest recorded ancestor: a pointer to a key that is missing points at its parent.
      for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
        const at = offsets.get(p);
        if (at !== undefined) return positionOf(starts, at);
        if (p === '') return { line: 1, column: 1 };
      }
    },
  };
}

/** "/places/3/county" → "places[3].county": how a person names a key in a message. */
export function keyPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}
