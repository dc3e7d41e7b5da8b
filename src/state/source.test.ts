import { describe, expect, it } from 'vitest';
import type { AuditSentence } from '../domain/types.ts';
import { fixtureData } from '../test-fixtures/index.ts';
import { lineRuns, sourceHighlights } from './source.ts';

const data = fixtureData();
const FILE = '000_43d0119b57264c9e.txt';
const sentence = (over: Partial<AuditSentence>): AuditSentence => ({
  line: 1,
  start: 0,
  end: 4,
  text: '',
  passage: 'layout',
  sectionIndustry: null,
  status: 'no-place',
  assignments: [],
  reason: 'names no place',
  en: null,
  ...over,
});

describe('source reader highlights', () => {
  it('puts every assignment quote of the file on its line, ids united per range', () => {
    const hl = sourceHighlights(FILE, [], data.assignments);
    const line32 = hl.get(32) ?? [];
    expect(line32.map((h) => [h.start, h.end])).toEqual([
      [9, 40],
      [40, 75],
    ]);
    expect(line32[0]?.assignments).toHaveLength(3);
    expect(hl.has(67)).toBe(false); // line 67 belongs to the other plan's file
  });

  it('keeps audit sentences without assignments, with their status and reason', () => {
    const hl = sourceHighlights(FILE, [sentence({ line: 5, status: 'status', reason: '现状' })], []);
    expect(hl.get(5)?.[0]).toMatchObject({ status: 'status', reason: '现状', assignments: [] });
  });

  it('merges overlapping ranges so each character has one owner', () => {
    const hl = sourceHighlights(
      FILE,
      [sentence({ line: 2, start: 0, end: 10 }), sentence({ line: 2, start: 5, end: 15, assignments: ['x'] })],
      [],
    );
    expect(hl.get(2)).toEqual([expect.objectContaining({ start: 0, end: 15, status: 'assigned', assignments: ['x'] })]);
  });

  it('cuts a line into plain and highlighted runs that join back to the line', () => {
    const text = '以新余为核心区，上饶、九江为集聚区';
    const runs = lineRuns(text, [
      { line: 1, start: 1, end: 3, status: 'assigned', assignments: ['a'], reason: null },
      { line: 1, start: 8, end: 99, status: 'no-place', assignments: [], reason: null },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.highlight).map((r) => r.text)).toEqual(['新余', '上饶、九江为集聚区']);
  });
});
