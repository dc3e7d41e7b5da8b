// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchEntry } from '../../domain/types.ts';
import { useSearchIndex } from './useSearchIndex.ts';

const loadSearch = vi.hoisted(() => vi.fn<() => Promise<SearchEntry[]>>());
vi.mock('../../data/load.ts', () => ({ loadSearch }));

const entry = { kind: 'place', id: '360500', zh: '新余市' } as SearchEntry;

beforeEach(() => loadSearch.mockReset());

describe('useSearchIndex', () => {
  it('loads nothing until asked, then loads once', async () => {
    let resolve: (e: SearchEntry[]) => void = () => {};
    loadSearch.mockReturnValue(new Promise((r) => (resolve = r)));
    const { result } = renderHook(() => useSearchIndex());
    expect(result.current.status).toBe('idle');
    expect(result.current.entries).toBeNull();
    expect(loadSearch).not.toHaveBeenCalled();
    act(() => result.current.ensure());
    expect(result.current.status).toBe('loading');
    act(() => result.current.ensure());
    expect(loadSearch).toHaveBeenCalledTimes(1);
    await act(async () => resolve([entry]));
    expect(result.current.status).toBe('ready');
    expect(result.current.entries).toEqual([entry]);
    act(() => result.current.ensure());
    expect(loadSearch).toHaveBeenCalledTimes(1);
  });

  it('says when the load failed, and tries again when asked again', async () => {
    loadSearch.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce([entry]);
    const { result } = renderHook(() => useSearchIndex());
    act(() => result.current.ensure());
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.entries).toBeNull();
    act(() => result.current.ensure());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(loadSearch).toHaveBeenCalledTimes(2);
  });

  it('sets no state after the component is gone', async () => {
    let resolve: (e: SearchEntry[]) => void = () => {};
    loadSearch.mockReturnValue(new Promise((r) => (resolve = r)));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { result, unmount } = renderHook(() => useSearchIndex());
    act(() => result.current.ensure());
    unmount();
    await act(async () => resolve([entry]));
    expect(result.current.status).toBe('loading');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
