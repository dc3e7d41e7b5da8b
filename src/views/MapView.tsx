/**
 * A thin React shell around ExplorerMap: loads the map module (and maplibre-gl) as a separate chunk, creates it once,
 * and turns map clicks into store events. The map gets each new view from a store subscription outside React, so a
 * filter change reaches it synchronously, before any component re-renders. Components never reach into the map.
 *
 * Until the live map is idle the static map of the default view (StaticMap, from index.html) holds its place; the
 * live map is drawn underneath and the static one removed at its first idle. Without WebGL2 maplibre-gl is never
 * downloaded: the static map stays, with a note, and the selected place is outlined on it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExplorerData, fontUrl } from '../data/load.ts';
import { ROLES } from '../domain/types.ts';
import type { ExplorerMap, MapView as MapViewModel } from '../map/ExplorerMap.ts';
import { markStaticPlace, StaticMap } from '../map/StaticMap.tsx';
import { hasWebGL2 } from '../map/webgl.ts';
import type { Deriver } from '../state/derived.ts';
import type { ExplorerState, ExplorerStore } from '../state/store.ts';
import { type MapCommands, useExplorer } from './context.tsx';
import { useLegendTitle } from './Legend.tsx';

/** How long the map must rest before its camera goes into the state (and the URL). */
const CAMERA_DEBOUNCE_MS = 300;

let webgl: boolean | undefined;
/** Probed once per page: a context is not free. */
const canUseWebGL = (): boolean => {
  webgl ??= hasWebGL2();
  return webgl;
};

/** What the map shows for a state: fills, change kinds, the places a click may pick, selection and language. */
export function mapViewOf(derive: Deriver, s: ExplorerState): MapViewModel {
  const d = derive(s);
  return { fills: d.fills, claimed: d.claimed, selected: s.place, lang: s.lang, kinds: d.kinds };
}

/** Whether the map would show the default view's colours (what the static map draws). */
function isDefaultFill(s: ExplorerState): boolean {
  return s.view !== 'changes' && s.plan === 'all' && s.industry === null && s.roles.length === ROLES.length;
}

/** Without WebGL2 the static map stands in: it shows the selection; camera commands and the PNG have nothing to act on. */
function attachStaticMap(store: ExplorerStore, mapCommands: { current: MapCommands | null }): () => void {
  markStaticPlace(store.getState().place);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.place !== prev.place) markStaticPlace(s.place);
  });
  mapCommands.current = {
    focusPlace: () => {},
    fitPlaces: () => {},
    resetCamera: () => {},
    resize: () => {},
    snapshot: () => Promise.resolve(null),
  };
  return () => {
    unsubscribe();
    mapCommands.current = null;
    markStaticPlace(null);
  };
}

/**
 * The legend sits over the lower-left corner: the map keeps the province clear of it when fitting, and when the user
 * (or an industry fit) moves the map so that the open legend would cover the province, the legend folds to its title
 * line, and opens again once it would not. Returns the check to run after each move, and a cleanup.
 */
interface LegendWatch {
  check(atDefault: boolean): void;
  stop(): void;
}

function watchLegend(map: ExplorerMap, container: HTMLElement): LegendWatch {
  const legend = container.closest('.map-layer')?.querySelector<HTMLDetailsElement>('[data-testid="legend"]');
  if (!legend) return { check: () => {}, stop: () => {} };
  let openBox: { width: number; height: number } | null = null;
  let autoClosed = false;
  let stop = () => {};
  if (typeof ResizeObserver === 'function') {
    const measure = () => {
      const box = { width: legend.offsetWidth, height: legend.offsetHeight };
      if (legend.open) openBox = box;
      map.setLegendBox(box);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(legend);
    stop = () => observer.disconnect();
  }
  const check = (atDefault: boolean) => {
    if (!openBox) return;
    if (!atDefault && legend.open && map.coversProvince(openBox)) {
      legend.open = false;
      autoClosed = true;
    } else if (autoClosed && (atDefault || !map.coversProvince(openBox))) {
      legend.open = true;
      autoClosed = false;
    }
  };
  return { check, stop };
}

interface LiveMapOptions {
  container: HTMLElement;
  data: ExplorerData;
  derive: Deriver;
  store: ExplorerStore;
  label: string;
  describedBy: string;
  onIdle(): void;
}

/**
 * Creates the live map and wires it to the store: each new state's view is pushed to the map from a store
 * subscription (before React renders), camera changes from outside (back/forward, reset) move it, and the map's own
 * moves go into the state once it rests. Returns the map's commands and a cleanup.
 */
function attachLiveMap(
  ExplorerMapClass: typeof ExplorerMap,
  o: LiveMapOptions,
): { commands: MapCommands; setLabel(label: string): void; stop(): void } {
  const { store, derive } = o;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let legend: LegendWatch | null = null;
  const map = new ExplorerMapClass(o.container, {
    places: o.data.places,
    view: mapViewOf(derive, store.getState()),
    label: o.label,
    describedBy: o.describedBy,
    camera: store.getState().camera,
    facesUrl: fontUrl('faces.json'),
    fontUrl,
    onPlaceClicked: (id) => store.getState().placeClicked(id),
    onIdle: o.onIdle,
    onCameraChanged: (camera) => {
      legend?.check(camera === null);
      clearTimeout(pending);
      pending = setTimeout(() => store.getState().cameraMoved(camera), CAMERA_DEBOUNCE_MS);
    },
  });
  const unsubscribe = store.subscribe((s, prev) => {
    map.update(mapViewOf(derive, s));
    // A camera from outside the map (back/forward, reset): go there; the map's own moves echo as no-ops.
    if (s.camera !== prev.camera) {
      clearTimeout(pending);
      map.setCamera(s.camera);
      if (s.camera === null) legend?.check(true);
    }
  });
  legend = watchLegend(map, o.container);
  const commands: MapCommands = {
    fitPlaces: (ids) => map.fitPlaces(ids),
    focusPlace: (id) => map.focusPlace(id),
    resetCamera: () => map.resetCamera(),
    resize: () => map.resize(),
    snapshot: (overlay) => map.snapshot(overlay),
  };
  return {
    commands,
    setLabel: (label) => map.setLabel(label),
    stop: () => {
      clearTimeout(pending);
      unsubscribe();
      legend?.stop();
      map.destroy();
    },
  };
}

export function MapView() {
  const { t } = useTranslation();
  const { data, derive, store, mapCommands, state } = useExplorer();
  const ref = useRef<HTMLDivElement>(null);
  // 'static' until the live map is idle; 'live' after; 'none' when the live map cannot run (no WebGL2, or it failed).
  const [mode, setMode] = useState<'static' | 'live' | 'none'>(() => (canUseWebGL() ? 'static' : 'none'));
  const hintId = useId();
  const legendTitle = useLegendTitle();
  const label = t('map.label', { what: legendTitle });
  const live = useRef<{ setLabel(label: string): void } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per data set; later views come from the store subscription
  useEffect(() => {
    if (!canUseWebGL()) return attachStaticMap(store, mapCommands);
    let active = true;
    let stop = () => {};
    import('../map/ExplorerMap.ts')
      .then(({ ExplorerMap }) => {
        if (!active || !ref.current) return;
        const attached = attachLiveMap(ExplorerMap, {
          container: ref.current,
          data,
          derive,
          store,
          label,
          describedBy: hintId,
          onIdle: () => {
            if (active) setMode((m) => (m === 'static' ? 'live' : m));
          },
        });
        stop = attached.stop;
        live.current = attached;
        mapCommands.current = attached.commands;
      })
      .catch((e: Error) => {
        // MapLibre's own message is English and links elsewhere: show the static map and our note instead.
        console.warn('live map unavailable:', e.message);
        if (active) setMode('none');
      });
    return () => {
      active = false;
      live.current = null;
      mapCommands.current = null;
      stop();
    };
  }, [data]);

  useEffect(() => {
    live.current?.setLabel(label);
  }, [label]);

  return (
    // The canvas (MapLibre's focusable element) reads the arrow keys; while it has keyboard focus the hint shows (CSS).
    <div className="map-wrap">
      <div ref={ref} className="map" data-testid="map" />
      {/* Without a live map, the static one is shown only while it is the view asked for (it is the default view). */}
      <StaticMap hidden={mode === 'live' || (mode === 'none' && !isDefaultFill(state))} />
      <p id={hintId} className="map-hint" data-testid="map-keyboard-hint">
        {t('map.keyboardHint')}
      </p>
      {mode === 'none' && (
        <p className="map-fallback-note" role="note" data-testid="no-webgl-note">
          {t('map.noWebGL')}
        </p>
      )}
    </div>
  );
}
