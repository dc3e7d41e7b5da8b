/** The explorer page: header, filters, map, and the panel (place, industry or overview), wired to one store. */
import { lazy, memo, Suspense, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shallow as shallowEqual } from 'zustand/shallow';
import type { ExplorerData } from '../data/load.ts';
import { termIds } from '../domain/terms.ts';
import { rememberLang } from '../i18n/index.ts';
import { createDeriver, type Deriver } from '../state/derived.ts';
import { shownChanges } from '../state/planner.ts';
import {
  type ExplorerState,
  type ExplorerStore,
  LANGUAGES,
  type Lang,
  pickState,
  type ViewName,
} from '../state/store.ts';
import { type KnownIds, parseUrl, serializeUrl } from '../state/url.ts';
import { About } from './About.tsx';
import {
  ExplorerContext,
  type ExplorerContextValue,
  type MapCommands,
  useExplorer,
  useExplorerState,
} from './context.tsx';
import { IndustryPicker, PlanTimeline, RoleToggles } from './Filters.tsx';
import { IndustryView, Overview } from './IndustryView.tsx';
import { Legend } from './Legend.tsx';
import { MapNotice } from './MapNotice.tsx';
import { MapView } from './MapView.tsx';
import { MoreMenu, useMediaQuery } from './MoreMenu.tsx';
import { OfflineBadge } from './OfflineBadge.tsx';
import { PlacePanel } from './PlacePanel.tsx';
import { PlaceSearch } from './PlaceSearch.tsx';
import { SheetHandle } from './SheetHandle.tsx';
import { ViewTabs } from './ViewTabs.tsx';

// The planner's views, the source reader and the downloads are separate chunks: the first paint of the map needs none.
const ChangeControls = lazy(() => import('./ChangeView.tsx').then((m) => ({ default: m.ChangeControls })));
const ChangeList = lazy(() => import('./ChangeView.tsx').then((m) => ({ default: m.ChangeList })));
const MatrixControls = lazy(() => import('./MatrixView.tsx').then((m) => ({ default: m.MatrixControls })));
const MatrixView = lazy(() => import('./MatrixView.tsx').then((m) => ({ default: m.MatrixView })));
const MatrixPanel = lazy(() => import('./MatrixView.tsx').then((m) => ({ default: m.MatrixPanel })));
const SourceView = lazy(() => import('./SourceView.tsx').then((m) => ({ default: m.SourceView })));
// The term panel (a product or company chosen in the search) is a separate chunk too.
const TermPanel = lazy(() => import('./TermPanel.tsx').then((m) => ({ default: m.TermPanel })));
const Downloads = lazy(() => import('./Downloads.tsx').then((m) => ({ default: m.Downloads })));
const OverlapView = lazy(() => import('./OverlapView.tsx').then((m) => ({ default: m.OverlapView })));
const OverlapControls = lazy(() => import('./OverlapView.tsx').then((m) => ({ default: m.OverlapControls })));
const OverlapPanel = lazy(() => import('./OverlapView.tsx').then((m) => ({ default: m.OverlapPanel })));

/** The phone sheet: collapsed (panel only), open (filters and panel) or pulled to full height. */
type Sheet = 'closed' | 'open' | 'full';

/** The viewport widths at which the header's reset and "about" buttons move into the "⋯" menu (see app.css). */
export const COMPACT_HEADER = '(max-width: 1279px)';
const PHONE = '(max-width: 720px)';

/**
 * A button's words: the full label, and a short one that app.css shows instead where the header is narrow (1280–1439
 * px and phones). The full label stays the accessible name (the short one is a part of it, so voice control works).
 */
function Label({ full, short }: { full: string; short: string }) {
  return (
    <>
      <span className="label-full">{full}</span>
      <span className="label-short" aria-hidden="true">
        {short}
      </span>
    </>
  );
}

export function knownIds(data: ExplorerData): KnownIds {
  return {
    plans: new Set(data.plans.map((p) => p.id)),
    industries: new Set(data.industries.map((i) => i.id)),
    places: new Set(data.places.map((p) => p.id)),
    files: new Set(data.plans.map((p) => p.file)),
    cities: new Set(data.places.filter((p) => p.properties.level === 'city').map((p) => p.id)),
    terms: termIds(data.assignments),
  };
}

/**
 * Mirrors the state in the URL (replaceState, only on change) and restores it on back/forward. The URL follows the
 * state React renders (an effect after that render), not the store subscription: history.replaceState took
 * 0.3–6 ms here (it waits on the browser process), and the synchronous work of a filter change should be the map's.
 */
function useUrlSync(store: ExplorerStore, data: ExplorerData, state: ExplorerState) {
  useEffect(() => {
    const next = serializeUrl(state, window.location.search);
    if (next !== window.location.search) {
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${next}${window.location.hash}`,
      );
    }
  }, [state]);
  useEffect(() => {
    // What the link's view does not carry (a map link has no matrix sort) stays as the reader left it.
    const onPop = () => {
      const now = pickState(store.getState());
      store.getState().urlRestored(parseUrl(window.location.search, knownIds(data), now.lang, now));
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
    };
  }, [store, data]);
}

/**
 * How long the input must rest after the map's frame before the panels re-render. Stepping through industries with
 * the arrow keys (or clicking fast) then keeps the main thread for the map, whose change is one frame; the panels
 * catch up when the stepping pauses. Well under the ~100 ms a reply still feels instant.
 */
const PANEL_REST_MS = 40;

/**
 * The state the page renders: the store's, handed to React as a transition once the map has drawn the change (the
 * animation frame after it: the map subscribes to the store itself and asked for its frame first) and the input has
 * rested for PANEL_REST_MS. React starting on the panels at once would hold the map's frame back. Without animation
 * frames (a background tab) a timeout stands in.
 */
function useStateAfterMapFrame(store: ExplorerStore): ExplorerState {
  const [shown, setShown] = useState(() => pickState(store.getState()));
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hand = () => {
      const next = pickState(store.getState());
      startTransition(() => setShown((prev) => (shallowEqual(prev, next) ? prev : next)));
    };
    const unsubscribe = store.subscribe(() => {
      // Under React's act() (component tests) there is no map frame to wait for: hand over at once, so act flushes it.
      if ((globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT) return hand();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      const rest = () => {
        timer = setTimeout(hand, PANEL_REST_MS);
      };
      if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden')
        frame = requestAnimationFrame(rest);
      else rest();
    });
    // A change between the first render and this subscription.
    hand();
    return () => {
      unsubscribe();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [store]);
  return shown;
}

/**
 * Renders the page from the state as of the map's last frame (useStateAfterMapFrame): a filter change reaches the
 * map synchronously (its own store subscription), and the panels re-render in the background after the map drew it.
 * Controlled inputs that must follow a click at once read the store directly (useUrgentState).
 */
export function Explorer({ data, store }: { data: ExplorerData; store: ExplorerStore }) {
  const state = useStateAfterMapFrame(store);
  const derive = useMemo(() => createDeriver(data), [data]);
  useUrlSync(store, data, state);
  return <ExplorerPage data={data} store={store} state={state} derive={derive} />;
}

interface PageProps {
  data: ExplorerData;
  store: ExplorerStore;
  state: ExplorerState;
  derive: Deriver;
}

/** The document's language and title follow the state's language (and the choice is remembered). */
function useDocumentLanguage(lang: Lang) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    // changeLanguage re-renders every translated component even for the same language: call it only on a change.
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    rememberLang(lang);
  }, [lang, i18n]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
}

/**
 * Whatever opens the source reader (a citation, a matrix cell …), focus goes back to it when the reader closes; and
 * `settled` turns true once the page has rendered (a place picked after that moves focus to the panel's heading).
 */
function useReaderFocusReturn(store: ExplorerStore) {
  const focusReturn = useRef<HTMLElement | null>(null);
  const settled = useRef(false);
  useEffect(() => {
    settled.current = true;
    return store.subscribe((s, prev) => {
      if (s.source && !prev.source && document.activeElement instanceof HTMLElement)
        focusReturn.current = document.activeElement;
      if (!s.source && prev.source) {
        const back = focusReturn.current;
        focusReturn.current = null;
        // After React has removed the dialog (its close button had focus).
        setTimeout(() => {
          if (back?.isConnected) back.focus();
        }, 0);
      }
    });
  }, [store]);
  return { focusReturn, settled };
}

const ExplorerPage = memo(function ExplorerPage({ data, store, state, derive }: PageProps) {
  const { view, source } = state;
  const [aboutOpen, setAboutOpen] = useState(false);
  const [downloadsOpen, setDownloadsOpen] = useState(false);
  const [sheet, setSheet] = useState<Sheet>('closed');
  const mapCommands = useRef<MapCommands | null>(null);
  // Reset remounts the filters, so local inputs (the industry search text) are cleared too.
  const [resets, setResets] = useState(0);
  useDocumentLanguage(state.lang);
  const { focusReturn, settled } = useReaderFocusReturn(store);

  const derived = derive(state);
  // Actions are stable functions on the store; the rendered state fields are the ones React renders (after the map).
  const full = useMemo(() => ({ ...store.getState(), ...state }), [store, state]);
  const ctx = useMemo<ExplorerContextValue>(
    () => ({ data, store, state: full, derived, derive, mapCommands, focusReturn, settled }),
    [data, store, full, derived, derive, focusReturn, settled],
  );

  useEffect(() => {
    // The map is hidden (not destroyed) behind the matrix: measure it again when it comes back.
    if (view !== 'matrix' && view !== 'overlap') mapCommands.current?.resize();
  }, [view]);

  const reset = () => {
    store.getState().resetRequested();
    setResets((n) => n + 1);
    mapCommands.current?.resetCamera();
  };

  return (
    <ExplorerContext.Provider value={ctx}>
      <SkipLink />
      <div
        className={`layout view-${view}${sheet !== 'closed' ? ' sheet-open' : ''}${sheet === 'full' ? ' sheet-full' : ''}`}
      >
        <TopBar onReset={reset} onAbout={() => setAboutOpen(true)} onDownloads={() => setDownloadsOpen(true)} />
        <MainArea view={view} />
        <div className="sheet">
          <SheetHandle sheet={sheet} onChange={setSheet} />
          <FilterColumn view={view} resets={resets} />
          <section id="panel" className="panel" aria-live="polite" tabIndex={-1}>
            <PanelContent />
          </section>
        </div>
      </div>
      <Suspense fallback={null}>
        {source && <SourceView target={source} />}
        {downloadsOpen && <Downloads onClose={() => setDownloadsOpen(false)} />}
      </Suspense>
      {aboutOpen && <About onClose={() => setAboutOpen(false)} />}
    </ExplorerContext.Provider>
  );
});

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#panel">
      {t('app.skipToPanel')}
    </a>
  );
}

interface TopBarProps {
  onReset(): void;
  onAbout(): void;
  onDownloads(): void;
}

/** Title, view tabs, search, language switch and tools (reset, about, downloads; in a "⋯" menu where narrow). */
function TopBar({ onReset, onAbout, onDownloads }: TopBarProps) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="subtitle" title={t('app.subtitle')}>
          {t('app.subtitle')}
        </p>
      </div>
      <ViewTabs />
      <PlaceSearch />
      <div className="actions">
        <LanguageSwitch />
        <Tools onReset={onReset} onAbout={onAbout} onDownloads={onDownloads} />
      </div>
    </header>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const { store } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  return (
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
  );
}

function Tools({ onReset, onAbout, onDownloads }: TopBarProps) {
  const { t } = useTranslation();
  // Below 1280 px (and on phones) reset and "about" go into a "⋯" menu, so the header keeps one row from 1024 px up
  // in both languages with room for a place name in the search field (the phone header fits 375 px the same way).
  const compact = useMediaQuery(COMPACT_HEADER);
  // On phones "download & share" joins them (last, so the menu still opens on reset): the four view tabs fill the row.
  const phone = useMediaQuery(PHONE);
  const downloads = { label: t('downloads.button'), onSelect: onDownloads, testId: 'downloads-button' };
  return (
    <div className="tools">
      {!phone && (
        <button type="button" onClick={onDownloads} aria-haspopup="dialog" data-testid="downloads-button">
          <Label full={t('downloads.button')} short={t('downloads.buttonShort')} />
        </button>
      )}
      {compact ? (
        <MoreMenu
          items={[
            { label: t('reset'), onSelect: onReset, testId: 'reset' },
            { label: t('about.button'), onSelect: onAbout, testId: 'about-button' },
            ...(phone ? [downloads] : []),
          ]}
        />
      ) : (
        <>
          <button type="button" onClick={onReset} data-testid="reset">
            <Label full={t('reset')} short={t('resetShort')} />
          </button>
          <button type="button" onClick={onAbout} data-testid="about-button">
            <Label full={t('about.button')} short={t('about.buttonShort')} />
          </button>
        </>
      )}
      <OfflineBadge />
    </div>
  );
}

/** The map (kept mounted, hidden behind the matrix and overlap so its camera survives) or the table views. */
function MainArea({ view }: { view: ViewName }) {
  const { t } = useTranslation();
  const loading = <p className="loading-inline">{t('app.loading')}</p>;
  return (
    <main className="map-area">
      <div id="view-panel" className="view-panel" role="tabpanel" aria-labelledby={`tab-${view}`}>
        <div className="map-layer" hidden={view === 'matrix' || view === 'overlap'}>
          <MapView />
          <Legend />
          <MapNotice />
        </div>
        {view === 'matrix' && (
          <Suspense fallback={loading}>
            <MatrixView />
          </Suspense>
        )}
        {view === 'overlap' && (
          <Suspense fallback={loading}>
            <OverlapView />
          </Suspense>
        )}
      </div>
    </main>
  );
}

/** Each view's controls; the industry picker is shared (remounted on reset, which clears its search text). */
function FilterColumn({ view, resets }: { view: ViewName; resets: number }) {
  const { t } = useTranslation();
  return (
    <aside className="filters" aria-label={t('filters.heading')}>
      <Suspense fallback={null}>
        {view === 'changes' ? <ChangeControls /> : <PlanTimeline />}
        {view !== 'changes' && <RoleToggles />}
        {view === 'matrix' && <MatrixControls />}
        {view === 'overlap' && <OverlapControls />}
      </Suspense>
      <IndustryPicker key={resets} />
    </aside>
  );
}

/** The panel: the view's list, else the selected place, the chosen product or company, the industry, or the overview. */
function PanelContent() {
  const { t } = useTranslation();
  const { derived } = useExplorer();
  const { view, place, term, industry } = useExplorerState((s) => s);
  const content = () => {
    if (view === 'changes') return <ChangeList rows={shownChanges(derived.changes ?? [], place)} />;
    if (view === 'matrix') return <MatrixPanel />;
    if (view === 'overlap') return <OverlapPanel />;
    if (place) return <PlacePanel place={place} />;
    if (term) return <TermPanel term={term} />;
    return industry ? <IndustryView industry={industry} /> : <Overview />;
  };
  return <Suspense fallback={<p>{t('app.loading')}</p>}>{content()}</Suspense>;
}
