/** Find a place by Chinese name, alias, English name or pinyin; choosing selects it and brings it into view. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExplorer, useExplorerState } from './context.tsx';
import { placeName, searchPlaces } from './names.ts';

export function PlaceSearch() {
  const { t } = useTranslation();
  const { data, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const [query, setQuery] = useState('');
  const listId = useId();
  const hits = useMemo(() => searchPlaces(data, query), [data, query]);
  const choose = (id: string) => {
    placeClicked(id);
    mapCommands.current?.focusPlace(id);
    setQuery('');
  };
  return (
    <search className="place-search" data-testid="place-search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (hits[0]) choose(hits[0].id);
        }}
      >
        <label className="visually-hidden" htmlFor={`${listId}-input`}>
          {t('search.label')}
        </label>
        <input
          id={`${listId}-input`}
          type="search"
          value={query}
          placeholder={t('search.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
          aria-controls={query.trim() ? listId : undefined}
          autoComplete="off"
        />
      </form>
      {query.trim() && (
        <ul id={listId} className="search-results" aria-label={t('search.label')}>
          {hits.map((h) => {
            const p = data.placeById.get(h.id)?.properties;
            return (
              <li key={h.id}>
                <button type="button" onClick={() => choose(h.id)} data-place={h.id}>
                  {placeName(data, h.id, lang)}
                  <span className="secondary">{lang === 'zh' ? p?.en : p?.zh}</span>
                </button>
              </li>
            );
          })}
          {hits.length === 0 && <li className="muted">{t('search.noMatch')}</li>}
        </ul>
      )}
    </search>
  );
}
