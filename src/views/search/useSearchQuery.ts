/**
 * The search combobox's state: the query, its hits grouped by kind, and the active option. Up/Down move the active
 * option across the groups (wrapping around), Escape clears the query; typing starts again with no active option.
 */
import { type KeyboardEvent, useMemo, useState } from 'react';
import type { SearchEntry } from '../../domain/types.ts';
import { searchEntries } from '../names.ts';

export function useSearchQuery(entries: SearchEntry[]) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const groups = useMemo(() => searchEntries(entries, query), [entries, query]);
  const hits = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const typed = query.trim() !== '';
  const type = (q: string) => {
    setQuery(q);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (e.key === 'Escape') type('');
  };
  /** The listbox exists only while a typed query has hits. */
  const expanded = typed && hits.length > 0;
  return { query, groups, hits, active, typed, expanded, type, onKeyDown };
}
