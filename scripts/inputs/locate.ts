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

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The scanner's state (the text, the read position, the open containers) and its steps: one method per kind of
 * token. It records, for every pointer, the offset of its key (members) or of its value (array items, the root).
 */
class Scanner {
  i = 0;
  readonly offsets = new Map<string, number>();
  private readonly stack: Frame[] = [];

  constructor(
    private readonly text: string,
    private readonly starts: number[],
  ) {}

  fail(detail: string, at = this.i): never {
    throw new JsonSyntaxError(positionOf(this.starts, Math.min(at, this.text.length)), detail);
  }

  ws(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  describe(at: number): string {
    return at >= this.text.length ? 'end of file' : `"${this.text[at]}"`;
  }

  /** The whole document: one value, then nothing but whitespace. */
  scan(): void {
    this.ws();
    let expectValue = true;
    for (;;) {
      if (expectValue && !this.startValue()) continue;
      const next = this.afterValue();
      if (next === 'done') break;
      expectValue = next === 'next';
    }
    this.ws();
    if (this.i < this.text.length) this.fail(`unexpected ${this.describe(this.i)} after the end of the JSON value`);
  }

  /**
   * Reads the start of a value: a scalar or an empty container whole (true: the value is complete), or the opening
   * of a container and its first key (false: its first value comes next).
   */
  private startValue(): boolean {
    const pointer = this.childPointer();
    if (pointer === '') this.offsets.set('', this.i);
    const c = this.text[this.i];
    if (c !== '{' && c !== '[') {
      this.readScalar();
      return true;
    }
    if (this.stack.length >= 256) this.fail('nested more than 256 levels deep');
    this.i++;
    this.ws();
    const frame: Frame = { kind: c === '{' ? 'object' : 'array', pointer, index: 0, key: null };
    this.stack.push(frame);
    if (this.text[this.i] === (c === '{' ? '}' : ']')) {
      this.i++;
      this.stack.pop();
      return true;
    }
    if (frame.kind === 'object') this.readKey(frame);
    return false;
  }

  /**
   * After a complete value: 'done' at the end of the root value, 'closed' when it closed its container (that
   * container is now the complete value), 'next' when a comma leads to the next item or member.
   */
  private afterValue(): 'done' | 'closed' | 'next' {
    this.ws();
    const top = this.stack[this.stack.length - 1];
    if (!top) return 'done';
    const close = top.kind === 'object' ? '}' : ']';
    if (this.text[this.i] === close) {
      this.i++;
      this.stack.pop();
      return 'closed';
    }
    if (this.text[this.i] !== ',') this.fail(`expected "," or "${close}", found ${this.describe(this.i)}`);
    this.i++;
    this.ws();
    if (top.kind === 'array') {
      if (this.text[this.i] === ']') this.fail('trailing comma before "]"', this.i);
      top.index++;
    } else this.readKey(top);
    return 'next';
  }

  /** Reads `"key":` of the member about to start in `frame`, recording where its key is written. */
  private readKey(frame: Frame): void {
    if (this.text[this.i] !== '"') this.fail(`expected a key in double quotes, found ${this.describe(this.i)}`);
    const keyAt = this.i;
    frame.key = this.readString();
    this.offsets.set(`${frame.pointer}/${escapePointer(frame.key)}`, keyAt);
    this.ws();
    if (this.text[this.i] !== ':')
      this.fail(`expected ":" after the key "${frame.key}", found ${this.describe(this.i)}`);
    this.i++;
    this.ws();
  }

  /** The pointer of the value about to be read, recorded (for an array item) before reading it. */
  private childPointer(): string {
    const top = this.stack[this.stack.length - 1];
    if (!top) return '';
    if (top.kind === 'array') {
      const pointer = `${top.pointer}/${top.index}`;
      this.offsets.set(pointer, this.i);
      return pointer;
    }
    return `${top.pointer}/${escapePointer(top.key as string)}`;
  }

  private readString(): string {
    const { text } = this;
    const start = this.i;
    this.i++; // opening quote
    for (;;) {
      if (this.i >= text.length) this.fail('unterminated string', start);
      const c = text.charCodeAt(this.i);
      if (c === 0x22) break;
      if (c < 0x20) this.fail('control character (e.g. a raw line break) inside a string');
      if (c === 0x5c) {
        const e = text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) this.fail('bad \\u escape');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail(`bad escape \\${e ?? ''}`);
        this.i += 2;
        continue;
      }
      this.i++;
    }
    this.i++;
    return JSON.parse(text.slice(start, this.i)) as string;
  }

  private readScalar(): void {
    const { text } = this;
    const c = text[this.i];
    if (c === '"') return void this.readString();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.i;
    if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && NUMBER.test(text)) {
      this.i = NUMBER.lastIndex;
      return;
    }
    this.fail(`unexpected ${this.describe(this.i)} where a value should start`);
  }
}

/**
 * Scans `text` as JSON (RFC 8259) and records, for every pointer, the offset of its key (members) or of its value
 * (array items, the root). Throws JsonSyntaxError at the first offending character.
 */
export function parseLocated(text: string): LocatedJson {
  const starts = lineStarts(text);
  const scanner = new Scanner(text, starts);
  scanner.scan();
  const { offsets } = scanner;
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
