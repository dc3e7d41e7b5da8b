// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fixtureData } from '../../test-fixtures/index.ts';
import { dataEntries } from '../names.ts';
import { useSearchQuery } from './useSearchQuery.ts';

const entries = dataEntries(fixtureData());
const key = (k: string) => {
  const e = { key: k, preventDefault: vi.fn() };
  return e as unknown as KeyboardEvent<HTMLInputElement> & { preventDefault: ReturnType<typeof vi.fn> };
};

describe('useSearchQuery', () => {
  it('is collapsed with no query, and with a query that finds nothing', () => {
    const { result } = renderHook(() => useSearchQuery(entries));
    expect(result.current).toMatchObject({ query: '', typed: false, expanded: false, active: -1 });
    act(() => result.current.type('   '));
    expect(result.current).toMatchObject({ typed: false, expanded: false });
    act(() => result.current.type('zzzzqqq'));
    expect(result.current).toMatchObject({ typed: true, expanded: false, hits: [] });
    const down = key('ArrowDown');
    act(() => result.current.onKeyDown(down));
    expect(down.preventDefault).not.toHaveBeenCalled();
    expect(result.current.active).toBe(-1);
  });

  it('moves the active option with Up/Down across groups, wrapping; typing and Escape reset it', () => {
    const { result } = renderHook(() => useSearchQuery(entries));
    act(() => result.current.type('xin'));
    const { hits, groups } = result.current;
    expect(result.current.expanded).toBe(true);
    expect(hits).toEqual(groups.flatMap((g) => g.hits));
    expect(hits.length).toBeGreaterThan(1);
    const down = key('ArrowDown');
    act(() => result.current.onKeyDown(down));
    expect(down.preventDefault).toHaveBeenCalled();
    expect(result.current.active).toBe(0);
    act(() => result.current.onKeyDown(key('ArrowUp')));
    expect(result.current.active).toBe(hits.length - 1);
    act(() => result.current.onKeyDown(key('ArrowDown')));
    expect(result.current.active).toBe(0);
    act(() => result.current.onKeyDown(key('ArrowDown')));
    expect(result.current.active).toBe(1);
    act(() => result.current.type('xiny'));
    expect(result.current.active).toBe(-1);
    act(() => result.current.onKeyDown(key('ArrowDown')));
    act(() => result.current.onKeyDown(key('Escape')));
    expect(result.current).toMatchObject({ query: '', active: -1, expanded: false });
  });
});
