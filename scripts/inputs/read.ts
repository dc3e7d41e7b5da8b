/**
 * Reading one hand-edited JSON file: bytes → strict UTF-8 → JSON with positions → its schema. Every failure is a
 * BuildError that names the file (relative to the repository), the line and the key.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { BuildError } from '../errors.ts';
import { JsonSyntaxError, keyPath, parseLocated } from './locate.ts';
import { INPUT_SCHEMAS, type InputKind } from './schemas.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Hand-edited JSON files are a few kB; anything this large is a mistake (or an attack on the build). */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;

/** A path as people read it in messages: relative to the repository when inside it, with forward slashes. */
export function display(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith('..') || resolve(ROOT, rel) !== resolve(path) ? path : rel.split('\\').join('/');
}

/**
 * The bytes of the build's input files, each read once. Parsing and the input hash both use these bytes, so an edit
 * while the build runs cannot be stamped with a hash of content the build never saw.
 */
export class Snapshot {
  private readonly bytes = new Map<string, Buffer>();

  read(path: string): Buffer {
    const key = resolve(path);
    let bytes = this.bytes.get(key);
    if (!bytes) {
      bytes = readFileSync(key);
      this.bytes.set(key, bytes);
    }
    return bytes;
  }

  /** Adopts bytes read earlier in this process (the rules the extraction imported at start-up). */
  adopt(path: string, bytes: Buffer): void {
    if (!this.bytes.has(resolve(path))) this.bytes.set(resolve(path), bytes);
  }
}

export interface LoadedJson<T> {
  /** The file as named in messages (data/places/parks.json). */
  name: string;
  value: T;
  /** The line of a JSON pointer (/places/3/county) in the file. */
  lineOf(pointer: string): number;
  /** A BuildError at the pointer's line that names its key. */
  error(pointer: string, detail: string): BuildError;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readBytes(path: string, snapshot: Snapshot | null, maxBytes: number, what: string): Buffer {
  const name = display(path);
  if (!existsSync(path)) throw new BuildError(name, 0, `${what} is missing`);
  const stat = statSync(path);
  if (!stat.isFile()) throw new BuildError(name, 0, `${what} is not a file`);
  if (stat.size > maxBytes) {
    throw new BuildError(
      name,
      0,
      `${what} is ${stat.size} bytes, over the limit of ${maxBytes}: is it the right file?`,
    );
  }
  const bytes = snapshot ? snapshot.read(path) : readFileSync(path);
  if (bytes.length > maxBytes) {
    throw new BuildError(
      name,
      0,
      `${what} is ${bytes.length} bytes, over the limit of ${maxBytes}: is it the right file?`,
    );
  }
  return bytes;
}

/** How ajv's error reads in a message, e.g. `unknown key "isued" (did you mean "issued"?)`. */
function describeError(e: ErrorObject, value: unknown): { pointer: string; detail: string } {
  const at = e.instancePath;
  const got = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? JSON.stringify(v) : typeof v;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = allowed.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
      const pointer = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return {
        pointer,
        detail: `unknown key "${key}"${near ? ` (did you mean "${near}"?)` : allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
      };
    }
    case 'required':
      return { pointer: at, detail: `missing required key "${String(e.params.missingProperty)}"` };
    case 'format':
      return {
        pointer: at,
        detail:
          e.params.format === 'month'
            ? `${got(value)} is not a real month (YYYY-MM)`
            : `${got(value)} is not a real calendar date (YYYY-MM-DD, or YYYY-MM when the day is unknown)`,
      };
    case 'type':
      return { pointer: at, detail: `must be ${String(e.params.type)}, got ${got(value)}` };
    case 'regexp':
      return { pointer: at, detail: e.message ?? 'is not a valid regular expression' };
    case 'enum':
      return {
        pointer: at,
        detail: `${got(value)} is not one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { pointer: at, detail: `must be ${JSON.stringify(e.params.allowedValue)}, got ${got(value)}` };
    case 'pattern':
      if (e.params.pattern === '\\S') return { pointer: at, detail: `${got(value)} is blank (say why)` };
      return {
        pointer: at,
        detail: `${got(value)} ${value === '' ? 'is empty' : `does not match ${String(e.params.pattern)}`}`,
      };
    default:
      return { pointer: at, detail: `${got(value)} ${e.message ?? 'is invalid'}` };
  }
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(
          (prev[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

const valueAt = (root: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      root,
    );

/** Parses and validates bytes already read; `path` names them in messages. */
export function parseJsonInput<T>(path: string, bytes: Buffer, kind: InputKind): LoadedJson<T> {
  const name = display(path);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BuildError(name, 0, 'not valid UTF-8');
  }
  if (text.trim() === '') throw new BuildError(name, 0, 'the file is empty');
  let located: ReturnType<typeof parseLocated>;
  try {
    located = parseLocated(text.replace(/^\uFEFF/, ' '));
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new BuildError(
        name,
        error.position.line,
        `invalid JSON at column ${error.position.column}: ${error.detail}`,
      );
    }
    throw new BuildError(name, 0, `invalid JSON: ${(error as Error).message}`);
  }
  const lineOf = (pointer: string) => located.locate(pointer).line;
  const loaded: LoadedJson<T> = {
    name,
    value: located.value as T,
    lineOf,
    error: (pointer, detail) => new BuildError(name, lineOf(pointer), `${keyPath(pointer)}: ${detail}`),
  };
  const validate = INPUT_SCHEMAS[kind];
  if (!validate(located.value)) {
    const errors = (validate.errors ?? []).filter((e) => !['if', 'oneOf', 'anyOf', 'allOf'].includes(e.keyword));
    const described = errors.map((e) => describeError(e, valueAt(located.value, e.instancePath)));
    // A misspelt key explains the "missing" key it was meant to be: one problem, not two.
    const meant = new Set(described.map((d) => /did you mean "([^"]+)"/.exec(d.detail)?.[1]).filter(Boolean));
    const problems = described

      .filter((_, i) => !(errors[i]?.keyword === 'required' && meant.has(String(errors[i]?.params.missingProperty))))
      // The first problem in file order, except that a misspelt key goes first.
      .sort(
        (a, b) =>
          Number(b.detail.includes('did you mean')) - Number(a.detail.includes('did you mean')) ||
          lineOf(a.pointer) - lineOf(b.pointer),
      );
    const first = problems[0] ?? { pointer: '', detail: 'does not match its schema' };
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw loaded.error(first.pointer, `${first.detail}${more}`);
  }
  return loaded;
}

export function readJsonInput<T>(path: string, kind: InputKind, snapshot: Snapshot | null): LoadedJson<T> {
  return parseJsonInput<T>(path, readBytes(path, snapshot, MAX_JSON_BYTES, 'file'), kind);
}
