/** Loads the data, then shows the explorer; a missing or invalid file gets a message naming it. */
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { DataError, type ExplorerData, loadData } from './data/load.ts';
import { createI18n, initialLang } from './i18n/index.ts';
import { StaticMap } from './map/StaticMap.tsx';
import { createExplorerStore, type ExplorerStore } from './state/store.ts';
import { parseUrl } from './state/url.ts';
import { Explorer, knownIds } from './views/Explorer.tsx';

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; file: string; reason: string }
  | { state: 'ok'; data: ExplorerData; store: ExplorerStore };

function DataErrorView({ file, reason }: { file: string; reason: string }) {
  const { t } = useTranslation();
  return (
    <main className="data-error" role="alert" data-testid="data-error">
      <h1>{t('error.title')}</h1>
      <p>{t('error.file', { file })}</p>
      <p>{t('error.reason', { reason })}</p>
      <p className="muted">{t('error.hint')}</p>
    </main>
  );
}

export function App({ load = loadData }: { load?: () => Promise<ExplorerData> }) {
  const [fallbackLang] = useState(initialLang);
  const startLang = useMemo(() => parseUrl(window.location.search, EMPTY_IDS, fallbackLang).lang, [fallbackLang]);
  const i18n = useMemo(() => createI18n(startLang), [startLang]);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    document.documentElement.lang = startLang === 'zh' ? 'zh-CN' : 'en';
    let live = true;
    load()
      .then((data) => {
        if (!live) return;
        const store = createExplorerStore(parseUrl(window.location.search, knownIds(data), fallbackLang));
        setLoaded({ state: 'ok', data, store });
      })
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof DataError) setLoaded({ state: 'error', file: e.file, reason: e.reason });
        else setLoaded({ state: 'error', file: '?', reason: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      live = false;
    };
  }, [load, fallbackLang, startLang]);

  return (
    <I18nextProvider i18n={i18n}>
      {loaded.state === 'loading' && <Shell />}
      {loaded.state === 'error' && <DataErrorView file={loaded.file} reason={loaded.reason} />}
      {loaded.state === 'ok' && <Explorer data={loaded.data} store={loaded.store} />}
    </I18nextProvider>
  );
}

const EMPTY_IDS = {
  plans: new Set<string>(),
  industries: new Set<string>(),
  places: new Set<string>(),
  files: new Set<string>(),
};

/**
 * The page's frame before the data arrives: header, intro text and the layout's boxes, exactly where the explorer
 * will draw them (index.html holds the same markup in Chinese for the very first paint), so the first text shows
 * without waiting for the data and nothing shifts when the explorer replaces it.
 */
export function Shell() {
  const { t } = useTranslation();
  return (
    <div className="layout view-map shell">
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
      </header>
      <main className="map-area" aria-busy="true">
        <StaticMap />
        <p className="shell-loading">{t('app.loading')}</p>
      </main>
      <div className="sheet">
        {/* The explorer's handle has a second line (the filters in force): an empty one here keeps the panel where
            the explorer will draw it (the intro text stays the page's largest paint, without a shift). */}
        <div className="sheet-bar">
          <div className="sheet-handle" aria-hidden="true">
            <span className="grip" />
            <span className="sheet-label">{t('filters.heading')}</span>
            <span className="sheet-filters">{'\u00a0'}</span>
          </div>
        </div>
        <aside className="filters" aria-label={t('filters.heading')} />
        <section className="panel">
          <article className="overview">
            <p>{t('panel.intro')}</p>
          </article>
        </section>
      </div>
    </div>
  );
}
