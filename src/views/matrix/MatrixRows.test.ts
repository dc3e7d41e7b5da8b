import { describe, expect, it } from 'vitest';
import { groupStarts } from './MatrixRows.tsx';

describe('groupStarts', () => {
  it('gives the index of each group’s first row among all rows', () => {
    expect(groupStarts([{ rows: [1, 2] }, { rows: [] }, { rows: [3] }, { rows: [4, 5, 6] }])).toEqual([0, 2, 2, 3]);
    expect(groupStarts([])).toEqual([]);
  });
});
