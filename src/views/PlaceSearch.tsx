/**
 * Find a place by Chinese name, alias, English name or pinyin; choosing selects it and brings it into view.
 * An ARIA 1.2 combobox: the input owns a listbox that exists only while a query has hits, so `aria-controls` and
 * `aria-expanded` are set only then (no hits: a status line says so); Up/Down move the active option (aria-activedescendant), Enter takes it (or the
 * first hit), Escape closes. On phones the field sits behind a search button, so the header stays one row shorter.
 */
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExplorer, useExplorerState } from './context.tsx';
import { placeName, searchPlaces } from './names.ts';

export function PlaceSearch() {
  const { t } = useTranslation();
  const { data, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const placeClicked = useExplorerState((s) => s.placeClicked);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const listId = `${id}-list`;
  const formId = `${id}-form`;
  const hits = useMemo(() => searchPlaces(data, query), [data, query]);
  const typed = query.trim() !== '';
  const expanded = typed && hits.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  const choose = (placeId: string) => {
    placeClicked(placeId);
    mapCommands.current?.focusPlace(placeId);
    setQuery('');
    setActive(-1);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (e.key === 'Escape') {
      setQuery('');
      setActive(-1);
    }
  };
  return (
    <search className={`place-search${open ? ' open' : ''}`} data-testid="place-search">
      <button
        type="button"
        className="search-toggle"
        aria-expanded={open}
        aria-controls={formId}
        aria-label={t('search.label')}
        title={t('search.label')}
        onClick={() => {
          setOpen((o) => !o);
          // Focus after the field is shown (it is display:none on phones until opened).
          requestAnimationFrame(() => input.current?.focus());
        }}
      >
        {/* drawn in CSS: the page has no inline SVG (the hardening tests treat <svg> as injected markup) */}
        <span className="search-icon" aria-hidden="true" />
      </button>
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          const hit = hits[active] ?? hits[0];
          if (hit) choose(hit.id);
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          {t('search.label')}
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={expanded ? listId : undefined}
          aria-activedescendant={expanded && active >= 0 && active < hits.length ? optionId(active) : undefined}
          value={query}
          placeholder={t('search.placeholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onKey}
          autoComplete="off"
          enterKeyHint="search"
        />
      </form>
      {expanded && (
        <div id={listId} className="search-results" role="listbox" aria-label={t('search.label')}>
          {hits.map((h, i) => {
            const p = data.placeById.get(h.id)?.properties;
            return (
              // The input keeps focus (aria-activedescendant); a click on an option chooses it.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard path is the combobox input (arrows + Enter)
              <div
                key={h.id}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(h.id)}
                data-place={h.id}
              >
                {placeName(data, h.id, lang)}
                <span className="secondary">{lang === 'zh' ? p?.en : p?.zh}</span>
              </div>
            );
          })}
        </div>
      )}
      {typed && !expanded && (
        <p className="search-results muted" role="status">
          {t('search.noMatch')}
        </p>
      )}
    </search>
  );
}
