/**
 * Unit tests of the input loader's parts: the JSON locator (positions and syntax errors), the date formats, the
 * semantic checks, and the schemas accepting today's data/ while rejecting unknown keys everywhere.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BuildError } from '../../scripts/errors.ts';
import { loadInputs, Snapshot } from '../../scripts/inputs/index.ts';
import { JsonSyntaxError, keyPath, parseLocated } from '../../scripts/inputs/locate.ts';
import { parseJsonInput } from '../../scripts/inputs/read.ts';
import { INPUT_SCHEMA_FILES, isCalendarDate } from '../../scripts/inputs/schemas.ts';

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseLocated(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
}

function buildError(run: () => unknown): BuildError {
  try {
    run();
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error('expected a BuildError');
}

describe('the JSON locator', () => {
  const text = '{\n  "plans": [\n    { "id": "a" },\n    {\n      "id": "b",\n      "issued": "2014"\n    }\n  ]\n}\n';

  it('gives the line of a member key and of an array item', () => {
    const located = parseLocated(text);
    expect(located.value).toEqual(JSON.parse(text));
    expect(located.locate('/plans')).toEqual({ line: 2, column: 3 });
    expect(located.locate('/plans/0')).toEqual({ line: 3, column: 5 });
    expect(located.locate('/plans/1/issued')).toEqual({ line: 6, column: 7 });
    // A missing key points at the nearest thing that exists: its object.
    expect(located.locate('/plans/1/year').line).toBe(4);
  });

  it('names line and column of a syntax error, where JSON.parse gives a position or nothing', () => {
    expect(syntaxError('{\n  "a": 1\n  "b": 2\n}').position).toEqual({ line: 3, column: 3 });
    expect(syntaxError('{"a": [1, 2,]}').detail).toMatch(/trailing comma/);
    expect(syntaxError('{"a": "x\ny"}').detail).toMatch(/control character/);
    expect(syntaxError('{"a": 1} x').detail).toMatch(/after the end/);
    expect(syntaxError('').detail).toMatch(/end of file/);
    expect(syntaxError('{"a": tru}').position).toEqual({ line: 1, column: 7 });
  });

  it('reads very deep nesting without recursion and stops it with a message', () => {
    expect(parseLocated(`${'['.repeat(200)}${']'.repeat(200)}`).value).toBeInstanceOf(Array);
    expect(syntaxError(`${'['.repeat(50_000)}${']'.repeat(50_000)}`).detail).toMatch(/nested more than 256/);
  });

  it('escapes pointers and prints them as people name keys', () => {
    const located = parseLocated('{"a/b": {"c~d": [0, {"e": 1}]}}');
    expect(located.locate('/a~1b/c~0d/1/e')).toEqual({ line: 1, column: 22 });
    expect(keyPath('/places/3/county')).toBe('places[3].county');
    expect(keyPath('/guards/上高/notBefore')).toBe('guards.上高.notBefore');
    expect(keyPath('')).toBe('(top level)');
  });
});

describe('dates', () => {
  it('accepts only real calendar dates and months', () => {
    for (const ok of ['2014-01-20', '2018-06', '2016-02-29', '2000-02-29']) expect(isCalendarDate(ok), ok).toBe(true);
    for (const bad of ['2014-13-40', '2014-02-30', '2015-02-29', '1900-02-29', '2014-00', '2014-1-2', '2014'])
      expect(isCalendarDate(bad), bad).toBe(false);
  });
});

describe('the input schemas', () => {
  it('accept every file of data/ as it is', () => {
    const inputs = loadInputs({ seedsDir: 'seeds', plansFile: 'data/plans.json', dataDir: 'data' }, new Snapshot());
    expect(inputs.plans.value.plans).toHaveLength(5);
    expect(inputs.seeds.size).toBe(5);
  });

  it('reject unknown keys in every object (additionalProperties: false everywhere)', () => {
    const loose: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) walk(n, `${path}/${i}`);
      } else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o.type === 'object' && o.additionalProperties === undefined) loose.push(path);
        for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
      }
    };
    for (const [kind, schema] of Object.entries(INPUT_SCHEMA_FILES)) walk(schema, kind);
    expect(loose).toEqual([]);
  });

  it('names file, line and key of a schema error, and suggests the key meant', () => {
    const text = readFileSync('data/plans.json', 'utf8').replace('"horizon": [2015]', '"horizn": [2015]');
    const error = buildError(() => parseJsonInput('data/plans.json', Buffer.from(text), 'plans'));
    expect(error.message).toBe(
      `data/plans.json:${text.slice(0, text.indexOf('horizn')).split('\n').length}: plans[0].horizn: unknown key "horizn" (did you mean "horizon"?)`,
    );
  });
});
