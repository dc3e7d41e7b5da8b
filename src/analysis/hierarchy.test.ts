import { describe, expect, it } from 'vitest';
import type { Industry } from '../domain/types';
import { industryTree, industryWithDescendants, treeOf } from './hierarchy';

const ind = (id: string, parent: string | null): Industry => ({ id, zh: id, en: id, parent, aliases: [], pinyin: '' });
const industries = [
  ind('a', null),
  ind('b', null),
  ind('a1', 'a'),
  ind('a1x', 'a1'),
  ind('a2', 'a'),
  ind('orphan', 'missing'),
];

describe('industryTree', () => {
  const tree = industryTree(industries);

  it('walks descendants depth-first in list order', () => {
    expect(tree.descendantsOf('a')).toEqual(['a1', 'a1x', 'a2']);
    expect(tree.descendantsOf('b')).toEqual([]);
    expect(tree.descendantsOf('unknown')).toEqual([]);
  });

  it('scopes an industry to itself and its descendants, unknown ids to themselves', () => {
    expect([...industryWithDescendants(tree, 'a1')]).toEqual(['a1', 'a1x']);
    expect([...industryWithDescendants(tree, 'unknown')]).toEqual(['unknown']);
  });

  it('lists every industry once with its depth, parents first; an unknown parent makes a top-level industry', () => {
    expect(tree.walk().map(({ industry, depth }) => `${industry.id}:${depth}`)).toEqual([
      'a:0',
      'a1:1',
      'a1x:2',
      'a2:1',
      'b:0',
      'orphan:0',
    ]);
  });

  it('survives a parent cycle', () => {
    const cyclic = industryTree([ind('x', 'y'), ind('y', 'x')]);
    expect(cyclic.descendantsOf('x')).toEqual(['y']);
    expect(cyclic.ancestorsOf('x')).toEqual(['y']);
  });

  it('builds one tree per industries list', () => {
    expect(treeOf(industries)).toBe(treeOf(industries));
  });
});
