/**
 * A thin React shell around ExplorerMap: loads the map module (and maplibre-gl) as a separate chunk, creates it once,
 * passes each new view to `update`, and turns map clicks into store events. Components never reach into the map.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fontUrl } from '../data/load.ts';
import type { ExplorerMap } from '../map/ExplorerMap.ts';
import { useExplorer, useExplorerState } from './context.tsx';

export function MapView() {
  const { t } = useTranslation();
  const { data, derived, store, mapCommands } = useExplorer();
  const lang = useExplorerState((s) => s.lang);
  const place = useExplorerState((s) => s.place);
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<ExplorerMap | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const view = { fills: derived.fills, selected: place, lang, kinds: derived.kinds };
  const viewRef = useRef(view);
  viewRef.current = view;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per data set; later views go through update()
  useEffect(() => {
    let live = true;
    let map: ExplorerMap | null = null;
    import('../map/ExplorerMap.ts')
      .then(({ ExplorerMap }) => {
        if (!live || !ref.current) return;
        map = new ExplorerMap(ref.current, {
          places: data.places,
          view: viewRef.current,
          label: t('app.mapLabel'),
          facesUrl: fontUrl('faces.json'),
          fontUrl,
          onPlaceClicked: (id) => store.getState().placeClicked(id),
        });
        mapRef.current = map;
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
      mapCommands.current = null;
      mapRef.current = null;
      map?.destroy();
    };
  }, [data]);

  useEffect(() => {
    mapRef.current?.update({ fills: derived.fills, selected: place, lang, kinds: derived.kinds });
  }, [derived.fills, derived.kinds, place, lang]);

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
