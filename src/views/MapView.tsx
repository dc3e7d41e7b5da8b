/**
 * A thin React shell around ExplorerMap: loads the map module (and maplibre-gl) as a separate chunk, creates it once,
 * and turns map clicks into store events. The map gets each new view from a store subscription outside React, so a
 * filter change reaches it synchronously, before any component re-renders. Components never reach into the map.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fontUrl } from '../data/load.ts';
import type { ExplorerMap, MapView as MapViewModel } from '../map/ExplorerMap.ts';
import type { Deriver } from '../state/derived.ts';
import type { ExplorerState } from '../state/store.ts';
import { useExplorer } from './context.tsx';

/** What the map shows for a state: fills, change kinds, the places a click may pick, selection and language. */
export function mapViewOf(derive: Deriver, s: ExplorerState): MapViewModel {
  const d = derive(s);
  return { fills: d.fills, claimed: d.claimed, selected: s.place, lang: s.lang, kinds: d.kinds };
}

export function MapView() {
  const { t } = useTranslation();
  const { data, derive, store, mapCommands } = useExplorer();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per data set; later views come from the store subscription
  useEffect(() => {
    let live = true;
    let map: ExplorerMap | null = null;
    let unsubscribe = () => {};
    import('../map/ExplorerMap.ts')
      .then(({ ExplorerMap }) => {
        if (!live || !ref.current) return;
        map = new ExplorerMap(ref.current, {
          places: data.places,
          view: mapViewOf(derive, store.getState()),
          label: t('app.mapLabel'),
          facesUrl: fontUrl('faces.json'),
          fontUrl,
          onPlaceClicked: (id) => store.getState().placeClicked(id),
        });
        const created = map;
        unsubscribe = store.subscribe((s) => created.update(mapViewOf(derive, s)));
        mapCommands.current = {
          focusPlace: (id) => map?.focusPlace(id),
          resetCamera: () => map?.resetCamera(),
          resize: () => map?.resize(),
          snapshot: (overlay) => map?.snapshot(overlay) ?? Promise.resolve(null),
        };
      })
      .catch((e: Error) => live && setFailed(e.message));
    return () => {
      live = false;
      unsubscribe();
      mapCommands.current = null;
      map?.destroy();
    };
  }, [data]);

  useEffect(() => {
    ref.current?.setAttribute('aria-label', t('app.mapLabel'));
  }, [t]);

  return (
    <div className="map-wrap">
      <div ref={ref} className="map" data-testid="map" />
      {failed && (
        <p className="map-error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}
