/**
 * The only module that imports maplibre-gl. It owns the map, takes a small view description (fills per place,
 * selection, language) and applies only what changed, through feature-state and layout properties; it never
 * re-sets source data after load. It reports clicks as `placeClicked` events and never touches the store itself.
 */
import {
  type GeoJSONSource,
  LngLat,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  Map as MlMap,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type Camera, sameCamera } from '../domain/camera.ts';
import type { PlaceFeature, PlaceLevel } from '../domain/types.ts';
import { type CornerBox, fitPaddings } from './fit.ts';
import { boundsOf, type MapSources, pickPlace, toSources } from './geo.ts';
import { composeSnapshot, type SnapshotOverlay } from './snapshot.ts';
import { buildStyle, FONT, LAYERS, nameField, SOURCES } from './style.ts';

setWorkerUrl(workerUrl);

export interface MapView {
  /** Fill colour per place id; places not in the map show as "nothing assigned". */
  fills: Map<string, string>;
  /**
   * Places with visible claims of their own: what a click picks, and which counties get the "own claims" outline
   * (feature-state `own`). Without it, every filled place counts.
   */
  claimed?: Set<string>;
  selected: string | null;
  lang: 'zh' | 'en';
  /** Change view: each place's change kind (gained, dropped …, mixed), set as feature-state `change` for tests/tools. */
  kinds?: Map<string, string>;
}

export interface MapOptions {
  places: PlaceFeature[];
  view: MapView;
  /** Accessible name of the map (set on MapLibre's focusable canvas, the element the arrow keys pan). */
  label: string;
  /** Id of an element describing the keyboard use (aria-describedby of the canvas). */
  describedBy?: string;
  /** Where to open; null/absent = fit Jiangxi. */
  camera?: Camera | null;
  /**
   * The camera after the user (drag, wheel, keys, pinch) or a place focus moved the map, on moveend; null when it is
   * back at the default fit. Not called for the initial fit, a reset or a camera set by `setCamera`.
   */
  onCameraChanged?: (camera: Camera | null) => void;
  /** URL of faces.json written by scripts/copy-fonts.ts, and how to turn a face's file into a URL. */
  facesUrl?: string;
  fontUrl?: (file: string) => string;
  onPlaceClicked?: (id: string | null) => void;
  onIdle?: () => void;
}

declare global {
  interface Window {
    /** The maplibre Map, for browser tests and benchmarks (see docs/app.md). */
    __jxMap?: MlMap;
  }
}

export type { CornerBox } from './fit.ts';

function containerSize(el: HTMLElement): CornerBox {
  return { width: el.clientWidth, height: el.clientHeight };
}

const CLICKABLE = [LAYERS.parksMatch, LAYERS.parks, LAYERS.areaFill, LAYERS.countyFill, LAYERS.cityFill];
const LABEL_LAYERS = [LAYERS.cityLabels, LAYERS.countyLabels, LAYERS.parkLabels];

export class ExplorerMap {
  readonly map: MlMap;
  /** What the caller asked for, and what has been applied to the map (they differ until the style loads). */
  private wanted: MapView;
  private applied: MapView;
  private hovered: string | null = null;
  private readonly sources: MapSources;
  private readonly sourceOf = new Map<string, string>();
  private loaded = false;
  /** A programmatic move of ours is under way (focusPlace): report its end like a user move. */
  private reportNextMove = false;
  /** The legend's box in the lower-left corner, kept clear when fitting. */
  private legend: CornerBox | null = null;
  /**
   * True while the camera is the default fit (nobody moved it): a resize of the map or of the legend then refits, so
   * the province stays whole and clear of the legend.
   */
  private atDefault: boolean;

  constructor(
    container: HTMLElement,
    private readonly opts: MapOptions,
  ) {
    this.wanted = opts.view;
    this.atDefault = !opts.camera;
    this.applied = { fills: new Map(), selected: null, lang: opts.view.lang };
    this.sources = toSources(opts.places);
    for (const f of this.sources.areas.features) this.sourceOf.set(f.properties.pid, SOURCES.areas);
    for (const f of this.sources.points.features) this.sourceOf.set(f.properties.pid, SOURCES.points);
    const reduceMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    const [w, s, e, n] = this.sources.bounds;
    // Pan limits wide enough for a fit that leaves a strip for the legend (it pushes the view past the province) from
    // the start: limits widened only once the legend is measured pulled an `at=` camera near the edge inwards first.
    const padX = (e - w) * 1.5;
    const padY = (n - s) * 1.5;
    const start = opts.camera;
    this.map = new MlMap({
      container,
      // With reduced motion, paint changes (a filter step, the timeline playing) are not faded either.
      style: reduceMotion
        ? { ...buildStyle(opts.view.lang), transition: { duration: 0, delay: 0 } }
        : buildStyle(opts.view.lang),
      ...(start
        ? { center: [start.lon, start.lat] as [number, number], zoom: start.zoom }
        : {
            bounds: [w, s, e, n] as [number, number, number, number],
            fitBoundsOptions: { padding: fitPaddings(containerSize(container), null)[0] },
          }),
      maxBounds: [w - padX, s - padY, e + padX, n + padY],
      minZoom: 4.5,
      maxZoom: 11,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // On phones one finger scrolls the page past the map; two fingers move the map.
      cooperativeGestures: coarse,
      reduceMotion,
      attributionControl: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.setLabel(opts.label);
    if (opts.describedBy) this.map.getCanvas().setAttribute('aria-describedby', opts.describedBy);
    if (typeof window !== 'undefined') window.__jxMap = this.map;

    this.map.on('load', () => {
      (this.map.getSource(SOURCES.areas) as GeoJSONSource).setData(this.sources.areas);
      (this.map.getSource(SOURCES.points) as GeoJSONSource).setData(this.sources.points);
      (this.map.getSource(SOURCES.labels) as GeoJSONSource).setData(this.sources.labels);
      this.loaded = true;
      this.apply();
    });
    this.map.on('mousemove', (e) => this.onHover(e));
    this.map.on('mouseout', () => this.setHover(null));
    this.map.on('click', (e) => this.opts.onPlaceClicked?.(this.placeAt(e)));
    this.map.on('idle', () => this.opts.onIdle?.());
    this.map.on('resize', () => {
      if (this.atDefault) this.resetCamera();
    });
    this.map.on('moveend', (e) => {
      const byUser = 'originalEvent' in e && e.originalEvent !== undefined;
      if (!byUser && !this.reportNextMove) return;
      this.reportNextMove = false;
      this.atDefault = this.isDefaultCamera();
      this.opts.onCameraChanged?.(this.atDefault ? null : this.getCamera());
    });
    if (opts.facesUrl) void this.loadFonts(opts.facesUrl);
  }

  /**
   * MapLibre's canvas is the focusable element (tabindex 0, role region) whose keydown the keyboard handler reads:
   * it carries the accessible name, in the current language.
   */
  setLabel(label: string): void {
    this.map.getCanvas().setAttribute('aria-label', label);
  }

  getCamera(): Camera {
    const c = this.map.getCenter();
    return { lat: c.lat, lon: c.lng, zoom: this.map.getZoom() };
  }

  /** The camera that fits `bounds` best while keeping clear of the legend (see fitPaddings). */
  private fitCamera(bounds: [number, number, number, number], maxZoom?: number) {
    let best: ReturnType<MlMap['cameraForBounds']> | undefined;
    for (const padding of fitPaddings(containerSize(this.map.getContainer()), this.legend)) {
      // maxZoom: undefined would override the default and turn the zoom into NaN.
      const c = this.map.cameraForBounds(bounds, maxZoom === undefined ? { padding } : { padding, maxZoom });
      if (c?.zoom !== undefined && (best?.zoom === undefined || c.zoom > best.zoom)) best = c;
    }
    return best;
  }

  /**
   * The legend's box (null: none). While the camera is the default fit, the map refits so the province stays clear
   * of it (a language or filter change resizes the legend).
   */
  setLegendBox(box: CornerBox | null): void {
    // The fit keeps clear of the largest legend seen: the legend changes size with the filter (counts ↔ roles) and
    // the language, and a refit on every such change would move the camera (and re-tile the map) on a filter change
    // that only recolours it. A smaller legend still leaves the province clear.
    const reserved =
      box && this.legend
        ? { width: Math.max(box.width, this.legend.width), height: Math.max(box.height, this.legend.height) }
        : box;
    const same =
      reserved && this.legend && reserved.width === this.legend.width && reserved.height === this.legend.height;
    if (same || (!reserved && !this.legend)) return;
    this.legend = reserved;
    if (this.atDefault) this.resetCamera();
  }

  /**
   * True when a box of this size in the lower-left corner (where the legend sits) would cover part of the province as
   * painted now (any city fill rendered there).
   */
  coversProvince(box: CornerBox): boolean {
    if (!this.loaded || !this.map.getLayer(LAYERS.cityFill)) return false;
    const h = this.map.getContainer().clientHeight;
    const margin = 12;
    return (
      this.map.queryRenderedFeatures(
        [
          [0, Math.max(0, h - box.height - margin)],
          [box.width + margin, h],
        ],
        { layers: [LAYERS.cityFill] },
      ).length > 0
    );
  }

  /**
   * True when the camera is (within link precision, see src/domain/camera.ts) the fit of Jiangxi for this size. No
   * looser tolerance is needed: at the default fit a resize or a legend change refits exactly (resetCamera).
   */
  private isDefaultCamera(): boolean {
    const fit = this.fitCamera(this.sources.bounds);
    if (!fit?.center || fit.zoom === undefined) return false;
    const centre = LngLat.convert(fit.center);
    return sameCamera(this.getCamera(), { lat: centre.lat, lon: centre.lng, zoom: fit.zoom });
  }

  /**
   * Moves to a camera from the state (back/forward, a restored link); null = the default fit. Does nothing when the
   * map is already there (the state echoing a move the map reported), and reports nothing back.
   */
  setCamera(camera: Camera | null): void {
    if (!camera) {
      if (!this.isDefaultCamera()) this.resetCamera();
      this.atDefault = true;
      return;
    }
    this.atDefault = false;
    if (!sameCamera(this.getCamera(), camera)) this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
  }

  /** Labels use the app's own Noto Sans SC subsets; without them MapLibre falls back to local fonts. */
  private async loadFonts(url: string): Promise<void> {
    try {
      const res = await fetch(url);
      if (!res.ok) return;
      const faces = (await res.json()) as { file: string; ranges: string[] }[];
      const toUrl = this.opts.fontUrl ?? ((f: string) => f);
      this.map.setFontFaces({
        [FONT]: faces.map((f) => ({ url: new URL(toUrl(f.file), document.baseURI).href, 'unicode-range': f.ranges })),
      });
    } catch {
      // Labels still render with local fonts; nothing else depends on this.
    }
  }

  private placeAt(e: MapMouseEvent): string | null {
    const layers = CLICKABLE.filter((l) => this.map.getLayer(l));
    const hits = this.map
      .queryRenderedFeatures(e.point, { layers })
      // The match layer holds every park, transparent unless it matches: only what is drawn can be hit.
      .filter((f: MapGeoJSONFeature) => f.layer.id !== LAYERS.parksMatch || f.state.own === true)
      .map((f: MapGeoJSONFeature) => ({ id: String(f.properties.pid), level: f.properties.level as PlaceLevel }));
    const claimed = this.wanted.claimed ?? this.wanted.fills;
    return pickPlace(hits, (id) => claimed.has(id), this.map.getZoom());
  }

  private onHover(e: MapMouseEvent): void {
    const id = this.placeAt(e);
    this.map.getCanvas().style.cursor = id ? 'pointer' : '';
    this.setHover(id);
  }

  private setState(id: string, state: Record<string, unknown>): void {
    const source = this.sourceOf.get(id);
    if (source) this.map.setFeatureState({ source, id }, state);
  }

  private setHover(id: string | null): void {
    if (id === this.hovered || !this.loaded) return;
    if (this.hovered) this.setState(this.hovered, { hover: false });
    if (id) this.setState(id, { hover: true });
    this.hovered = id;
  }

  /** Applies a new view, touching only the places whose fill or selection changed. */
  update(next: MapView): void {
    this.wanted = next;
    if (this.loaded) this.apply();
  }

  private apply(): void {
    const prev = this.applied;
    const next = this.wanted;
    // One setFeatureState per place, whatever changed on it (a filter step changes fill and `own` together); null or
    // false clears a key (the style reads them as unset: coalesce, boolean default).
    const patches = new Map<string, Record<string, unknown>>();
    const patch = (id: string, key: string, value: unknown) => {
      const p = patches.get(id);
      if (p) p[key] = value;
      else patches.set(id, { [key]: value });
    };
    for (const [id, color] of next.fills) if (prev.fills.get(id) !== color) patch(id, 'fill', color);
    for (const id of prev.fills.keys()) if (!next.fills.has(id)) patch(id, 'fill', null);
    const prevOwn = prev.claimed ?? new Set<string>();
    const nextOwn = next.claimed ?? new Set<string>();
    for (const id of nextOwn) if (!prevOwn.has(id)) patch(id, 'own', true);
    for (const id of prevOwn) if (!nextOwn.has(id)) patch(id, 'own', false);
    const prevKinds = prev.kinds ?? new Map<string, string>();
    const nextKinds = next.kinds ?? new Map<string, string>();
    for (const [id, kind] of nextKinds) if (prevKinds.get(id) !== kind) patch(id, 'change', kind);
    for (const id of prevKinds.keys()) if (!nextKinds.has(id)) patch(id, 'change', null);
    if (prev.selected !== next.selected) {
      if (prev.selected) patch(prev.selected, 'selected', false);
      if (next.selected) patch(next.selected, 'selected', true);
    }
    for (const [id, state] of patches) this.setState(id, state);
    if (prev.lang !== next.lang)
      for (const l of LABEL_LAYERS) this.map.setLayoutProperty(l, 'text-field', nameField(next.lang));
    this.applied = next;
  }

  /** Brings a place into view (used by search and lists); instant when the user prefers reduced motion. */
  focusPlace(id: string): void {
    const g = this.opts.places.find((p) => p.id === id)?.geometry;
    const b = boundsOf([g]);
    if (!g || !b) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.reportNextMove = true;
    this.atDefault = false;
    // A park is a point: centre on it, zoomed in at least to county level.
    if (g.type === 'Point')
      this.map.easeTo({ center: [b[0], b[1]], zoom: Math.max(this.map.getZoom(), 9), animate: !reduce });
    else this.map.fitBounds(b, { padding: 40, maxZoom: 9, animate: !reduce });
  }

  /**
   * A PNG of the map with title, legend and source drawn around it. The WebGL buffer is only readable during the frame
   * that drew it (no preserveDrawingBuffer, which costs every frame), so repaint and capture inside 'render'.
   */
  snapshot(overlay: SnapshotOverlay): Promise<Blob | null> {
    // Drawn at 2× whatever the screen, so the image is sharp on slides; the screen's ratio is restored after.
    const screenRatio = this.map.getPixelRatio();
    const scale = 2;
    if (screenRatio !== scale) this.map.setPixelRatio(scale);
    return new Promise<Blob | null>((resolve) => {
      this.map.once('render', () => {
        try {
          const canvas = composeSnapshot(this.map.getCanvas(), overlay, scale);
          if (screenRatio !== scale) this.map.setPixelRatio(screenRatio);
          canvas.toBlob((b) => resolve(b), 'image/png');
        } catch {
          if (screenRatio !== scale) this.map.setPixelRatio(screenRatio);
          resolve(null);
        }
      });
      this.map.triggerRepaint();
    });
  }

  resetCamera(): void {
    this.atDefault = true;
    const fit = this.fitCamera(this.sources.bounds);
    if (fit) this.map.jumpTo(fit);
  }

  /**
   * Shows a set of places (the places of a chosen industry), clear of the legend; reported like a user move, so the
   * camera (and a shared link) follows. An empty list, or places all in view already, leave the camera alone: the
   * fit exists so the map never stays on a place without the industry, and a planner stepping through industries
   * compares them on a map that holds still (a move on every choice would also keep the map busy for the 400 ms
   * ease, where a colour change alone is one frame).
   */
  fitPlaces(ids: readonly string[]): void {
    const wanted = new Set(ids);
    const b = boundsOf(this.opts.places.filter((f) => wanted.has(f.id)).map((f) => f.geometry));
    if (!b || this.inView(b)) return;
    const fit = this.fitCamera(b, 9);
    if (!fit) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.reportNextMove = true;
    this.atDefault = false;
    if (reduce) this.map.jumpTo(fit);
    else this.map.easeTo({ ...fit, duration: 400 });
  }

  /** True when the box [w, s, e, n] lies wholly inside what the map shows now. */
  private inView([w, s, e, n]: [number, number, number, number]): boolean {
    const v = this.map.getBounds();
    return w >= v.getWest() && s >= v.getSouth() && e <= v.getEast() && n <= v.getNorth();
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    if (typeof window !== 'undefined' && window.__jxMap === this.map) window.__jxMap = undefined;
    this.map.remove();
  }
}
