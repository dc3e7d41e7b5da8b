/**
 * The header search: places, industries, products and companies, in Chinese, pinyin (with or without spaces,
 * initials) and English, grouped by kind. Choosing a place selects it and brings it into view; an industry becomes
 * the industry filter; a product or company opens the term panel (the places the plans give it, with the sentences).
 *
 * search.json (built with its pinyin and English keys, so the app ships no pinyin library) is fetched on first focus
 * or typing, never before the first paint; until it arrives, or if it cannot be loaded, places and industries are
 * found from the data already loaded.
 *
 * An ARIA 1.2 combobox: the input owns a listbox that exists only while a query has hits, so `aria-controls` and
 * `aria-expanded` are set only then (no hits: a status line says so). The listbox holds one `group` per kind, named
 * by a presentational label (the APG "grouped listbox" pattern). Up/Down move the active option across groups
 * (aria-activedescendant), Enter takes it (or the first hit), Escape clears. On phones the field sits behind a
 * search button, so the header stays one row shorter.
 */
import type { TFunction } from 'i18next';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplorerData } from '../data/load.ts';
import type { SearchEntry } from '../domain/types.ts';
import type { Lang } from '../state/store.ts';
import { type ExplorerContextValue, useExplorer, useExplorerState } from './context.tsx';
import { dataEntries, industryName, placeName, type SearchGroup } from './names.ts';
import { type SearchIndex, useSearchIndex } from './search/useSearchIndex.ts';
import { useSearchQuery } from './search/useSearchQuery.ts';

/** Acts on a chosen hit: a place is selected, an industry filtered by, a product or company opens the term panel. */
function takeHit(hit: SearchEntry, { store, derive, mapCommands }: ExplorerContextValue) {
  const s = store.getState();
  if (hit.kind === 'place') {
    // A place searched for is a new question: the map goes back to the filters' colours.
    if (s.term) s.termChosen(null);
    s.placeClicked(hit.id);
    mapCommands.current?.focusPlace(hit.id);
  } else if (hit.kind === 'industry') {
    // The industry view shows only with no place or term open.
    if (s.place) s.placeClicked(null);
    s.industryChosen(hit.id);
    if (s.view === 'map') mapCommands.current?.fitPlaces([...derive(store.getState()).claimed]);
  } else {
    // The term panel and its map colours live in the map view.
    if (s.view !== 'map') s.viewChosen('map');
    s.termChosen({ kind: hit.kind, key: hit.id });
    const shown = [...derive(store.getState()).claimed];
    mapCommands.current?.fitPlaces(shown.length ? shown : hit.places);
  }
}

/** A hit's name in the reader's language, and its name in the other one. */
function hitLabel(hit: SearchEntry, data: ExplorerData, lang: Lang): { main: string; other?: string | null } {
  if (hit.kind === 'place') return { main: placeName(data, hit.id, lang), other: lang === 'zh' ? hit.en : hit.zh };
  if (hit.kind === 'industry')
    return { main: industryName(data, hit.id, lang), other: lang === 'zh' ? hit.en : hit.zh };
  // Products and companies: the Chinese as the plans write it first; English (or pinyin) beside it.
  return lang === 'zh' || !hit.en ? { main: hit.zh, other: hit.en ?? hit.pinyin } : { main: hit.en, other: hit.zh };
}

/** Where the plans put a non-place hit: two places, and how many there are when more. */
function hitWhere(hit: SearchEntry, data: ExplorerData, lang: Lang, t: TFunction): string | null {
  if (hit.kind === 'place' || hit.places.length === 0) return null;
  const names = hit.places.slice(0, 2).map((p) => placeName(data, p, lang));
  const more = hit.places.length > 2 ? ` … ${t('search.places', { count: hit.places.length })}` : '';
  return names.join(lang === 'zh' ? '、' : ', ') + more;
}

/**
 * The listbox: a group per kind, labelled; option i (across groups, in the order of `hits`) has the id
 * `${id}-option-${i}` the input's aria-activedescendant names.
 */
function SearchResults(props: {
  id: string;
  groups: SearchGroup[];
  hits: SearchEntry[];
  active: number;
  onChoose: (hit: SearchEntry) => void;
}) {
  const { id, groups, hits, active, onChoose } = props;
  const { t } = useTranslation();
  const { data } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  return (
    <div id={`${id}-list`} className="search-results" role="listbox" aria-label={t('search.label')}>
      {groups.map((g) => (
        // A listbox may own options and groups only: a <fieldset> would not be one (APG grouped listbox).
        // biome-ignore lint/a11y/useSemanticElements: role="group" inside role="listbox" is the ARIA pattern
        <div key={g.kind} role="group" aria-labelledby={`${id}-group-${g.kind}`} data-kind={g.kind}>
          <div role="presentation" id={`${id}-group-${g.kind}`} className="search-group-label">
            {t(`search.group.${g.kind}`)}
            {g.more > 0 && <span className="muted"> · {t('search.more', { count: g.more })}</span>}
          </div>
          {g.hits.map((h) => {
            const i = hits.indexOf(h);
            const { main, other } = hitLabel(h, data, lang);
            const at = hitWhere(h, data, lang, t);
            return (
              // The input keeps focus (aria-activedescendant); a click on an option chooses it.
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard path is the combobox input (arrows + Enter)
              <div
                key={`${h.kind}:${h.id}`}
                id={`${id}-option-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onChoose(h)}
                data-kind={h.kind}
                data-id={h.id}
                data-place={h.kind === 'place' ? h.id : undefined}
              >
                {main}
                {other && <span className="secondary">{other}</span>}
                {at && <span className="where">{at}</span>}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** A query without hits: why (the index still loading, or nothing matches; and when the index failed to load). */
function NoHits({ status }: { status: SearchIndex['status'] }) {
  const { t } = useTranslation();
  return (
    <p className="search-results muted" role="status">
      {status === 'loading' ? t('search.loading') : t('search.noMatch')}
      {status === 'failed' && ` ${t('search.loadFailed')}`}
    </p>
  );
}

export function PlaceSearch() {
  const { t } = useTranslation();
  const explorer = useExplorer();
  const [open, setOpen] = useState(false);
  const index = useSearchIndex();
  const { query, groups, hits, active, typed, expanded, type, onKeyDown } = useSearchQuery(
    index.entries ?? dataEntries(explorer.data),
  );
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const formId = `${id}-form`;

  const choose = (hit: SearchEntry) => {
    takeHit(hit, explorer);
    type('');
    setOpen(false);
  };
  const toggle = () => {
    setOpen((o) => !o);
    // Focus after the field is shown (it is display:none on phones until opened).
    requestAnimationFrame(() => input.current?.focus());
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
        onClick={toggle}
      >
        {/* drawn in CSS: the page has no inline SVG (the hardening tests treat <svg> as injected markup) */}
        <span className="search-icon" aria-hidden="true" />
      </button>
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          const hit = hits[active] ?? hits[0];
          if (hit) choose(hit);
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
          aria-controls={expanded ? `${id}-list` : undefined}
          aria-activedescendant={expanded && active >= 0 && active < hits.length ? `${id}-option-${active}` : undefined}
          value={query}
          placeholder={t('search.placeholder')}
          onFocus={index.ensure}
          onChange={(e) => {
            index.ensure();
            type(e.target.value);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          enterKeyHint="search"
          data-index={index.status}
        />
      </form>
      {expanded && <SearchResults id={id} groups={groups} hits={hits} active={active} onChoose={choose} />}
      {typed && !expanded && <NoHits status={index.status} />}
    </search>
  );
}
