/** The explorer page: header, filters, map, and the panel (place, industry or overview), wired to one store. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ExplorerData } from '../data/load.ts';
import { rememberLang } from '../i18n/index.ts';
import { placeFills } from '../state/colors.ts';
import { summarizeByPlace, visibleAssignments } from '../state/selectors.ts';
import { type ExplorerStore, LANGUAGES, pickState } from '../state/store.ts';
import { type KnownIds, parseUrl, serializeUrl } from '../state/url.ts';
import { About } from './About.tsx';
import { type Derived, ExplorerContext, type ExplorerContextValue, type MapCommands } from './context.tsx';
import { IndustryPicker, PlanTimeline, RoleToggles } from './Filters.tsx';
import { IndustryView, Overview } from './IndustryView.tsx';
import { Legend } from './Legend.tsx';
import { MapView } from './MapView.tsx';
import { PlacePanel } from './PlacePanel.tsx';
import { PlaceSearch } from './PlaceSearch.tsx';
import { SourceView } from './SourceView.tsx';

export function knownIds(data: ExplorerData): KnownIds {
  return {
    plans: new Set(data.plans.map((p) => p.id)),
    industries: new Set(data.industries.map((i) => i.id)),
    places: new Set(data.places.map((p) => p.id)),
    files: new Set(data.plans.map((p) => p.file)),
  };
}

/** Mirrors the store in the URL (replaceState, only on change) and restores it on back/forward. */
function useUrlSync(store: ExplorerStore, data: ExplorerData) {
  useEffect(() => {
    const write = () => {
      const next = serializeUrl(pickState(store.getState()), window.location.search);
      if (next !== window.location.search) {
        window.history.replaceState(
          window.history.state,
          '',
          `${window.location.pathname}${next}${window.location.hash}`,
        );
      }
    };
    write();
    const unsubscribe = store.subscribe(write);
    const onPop = () =>
      store.getState().urlRestored(parseUrl(window.location.search, knownIds(data), store.getState().lang));
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, [store, data]);
}

export function Explorer({ data, store }: { data: ExplorerData; store: ExplorerStore }) {
  const { t, i18n } = useTranslation();
  const plan = useStore(store, (s) => s.plan);
  const industry = useStore(store, (s) => s.industry);
  const roles = useStore(store, (s) => s.roles);
  const place = useStore(store, (s) => s.place);
  const lang = useStore(store, (s) => s.lang);
  const source = useStore(store, (s) => s.source);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const mapCommands = useRef<MapCommands | null>(null);
  useUrlSync(store, data);

  useEffect(() => {
    // changeLanguage re-renders every translated component even for the same language: call it only on a change.
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    rememberLang(lang);
  }, [lang, i18n]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const derived = useMemo<Derived>(() => {
    const visible = visibleAssignments(data, { plan, industry, roles });
    const summary = summarizeByPlace(visible);
    const mode = industry ? 'role' : 'count';
    return { visible, summary, mode, fills: placeFills(summary, mode) };
  }, [data, plan, industry, roles]);

  const ctx = useMemo<ExplorerContextValue>(() => ({ data, store, derived, mapCommands }), [data, store, derived]);

  const reset = () => {
    store.getState().resetRequested();
    mapCommands.current?.resetCamera();
  };

  return (
    <ExplorerContext.Provider value={ctx}>
      <a className="skip-link" href="#panel">
        {t('app.skipToPanel')}
      </a>
      <div className={`layout${sheetOpen ? ' sheet-open' : ''}`}>
        <header className="topbar">
          <div className="brand">
            <h1>{t('app.title')}</h1>
            <p className="subtitle">{t('app.subtitle')}</p>
          </div>
          <PlaceSearch />
          <div className="actions">
            <fieldset className="lang-switch" aria-label={t('lang.label')}>
              {LANGUAGES.map((l) => (
                <button
                  key={l}
                  type="button"
                  lang={l === 'zh' ? 'zh-CN' : 'en'}
                  aria-pressed={lang === l}
                  onClick={() => store.getState().languageChosen(l)}
                  data-testid={`lang-${l}`}
                >
                  {t(`lang.${l}`)}
                </button>
              ))}
            </fieldset>
            <button type="button" onClick={reset} data-testid="reset">
              {t('reset')}
            </button>
            <button type="button" onClick={() => setAboutOpen(true)} data-testid="about-button">
              {t('about.button')}
            </button>
          </div>
        </header>
        <main className="map-area">
          <MapView />
          <Legend />
        </main>
        <div className="sheet">
          <button
            type="button"
            className="sheet-handle"
            aria-expanded={sheetOpen}
            onClick={() => setSheetOpen((o) => !o)}
            data-testid="sheet-handle"
          >
            <span aria-hidden="true" className="grip" />
            {t('filters.heading')}
          </button>
          <aside className="filters" aria-label={t('filters.heading')}>
            <PlanTimeline />
            <RoleToggles />
            <IndustryPicker />
          </aside>
          <section id="panel" className="panel" aria-live="polite" tabIndex={-1}>
            {place ? <PlacePanel place={place} /> : industry ? <IndustryView industry={industry} /> : <Overview />}
          </section>
        </div>
      </div>
      {source && <SourceView target={source} />}
      {aboutOpen && <About onClose={() => setAboutOpen(false)} />}
    </ExplorerContext.Provider>
  );
}
