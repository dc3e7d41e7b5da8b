// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditFile } from '../../domain/types.ts';
import { useAuditSentences, useSourceText } from './useSource.ts';

const loadAudit = vi.hoisted(() => vi.fn<() => Promise<AuditFile>>());
vi.mock('../../data/load.ts', () => ({ loadAudit, seedUrl: (file: string) => `/data/seeds/${file}` }));

const serve = (body: string, status = 200) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(new TextEncoder().encode(body), { status })),
  );

afterEach(() => {
  vi.unstubAllGlobals();
  loadAudit.mockReset();
});

describe('useSourceText', () => {
  it('loads the plan text as lines (CRLF too), again when the file changes', async () => {
    serve('第一行\r\n第二行\n');
    const { result, rerender } = renderHook(({ file }) => useSourceText(file), { initialProps: { file: 'a.txt' } });
    expect(result.current).toEqual({ state: 'loading' });
    await waitFor(() => expect(result.current).toEqual({ state: 'ok', lines: ['第一行', '第二行', ''] }));
    expect(fetch).toHaveBeenLastCalledWith('/data/seeds/a.txt');
    serve('别的');
    rerender({ file: 'b.txt' });
    await waitFor(() => expect(result.current).toEqual({ state: 'ok', lines: ['别的'] }));
  });

  it('is missing on an error status, a failed fetch, or an HTML page served instead', async () => {
    serve('not here', 404);
    const a = renderHook(() => useSourceText('a.txt'));
    await waitFor(() => expect(a.result.current).toEqual({ state: 'missing' }));
    serve('  <!doctype html><html></html>');
    const b = renderHook(() => useSourceText('b.txt'));
    await waitFor(() => expect(b.result.current).toEqual({ state: 'missing' }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const c = renderHook(() => useSourceText('c.txt'));
    await waitFor(() => expect(c.result.current).toEqual({ state: 'missing' }));
  });
});

describe('useAuditSentences', () => {
  const sentence = { line: 3, start: 0, end: 4, text: '新余光伏' };
  it('gives the sentences of the file, none for a file the audit does not list', async () => {
    loadAudit.mockResolvedValue({ plans: [{ file: 'a.txt', sentences: [sentence] }] } as unknown as AuditFile);
    const a = renderHook(() => useAuditSentences('a.txt'));
    expect(a.result.current).toBeNull();
    await waitFor(() => expect(a.result.current).toEqual([sentence]));
    const b = renderHook(() => useAuditSentences('b.txt'));
    await waitFor(() => expect(b.result.current).toEqual([]));
  });

  it('gives none when the audit cannot be loaded', async () => {
    loadAudit.mockRejectedValue(new Error('offline'));
    const { result } = renderHook(() => useAuditSentences('a.txt'));
    await waitFor(() => expect(result.current).toEqual([]));
  });
});
