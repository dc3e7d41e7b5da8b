/**
 * The search index (search.json), fetched on first use (`ensure`: the field's first focus or typing), never before
 * the first paint. Until it arrives, or if it cannot be loaded, `entries` is null and the search falls back to the
 * places and industries already loaded. A failed load may be tried again.
 */
import { useEffect, useRef, useState } from 'react';
import { loadSearch } from '../../data/load.ts';
import type { SearchEntry } from '../../domain/types.ts';

export type SearchIndex =
  | { status: 'idle' | 'loading' | 'failed'; entries: null }
  | { status: 'ready'; entries: SearchEntry[] };

export function useSearchIndex(): SearchIndex & { ensure: () => void } {
  const [index, setIndex] = useState<SearchIndex>({ status: 'idle', entries: null });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const ensure = () => {
    if (index.status === 'loading' || index.status === 'ready') return;
    setIndex({ status: 'loading', entries: null });
    loadSearch().then(
      (entries) => live.current && setIndex({ status: 'ready', entries }),
      () => live.current && setIndex({ status: 'failed', entries: null }),
    );
  };
  return { ...index, ensure };
}
