/**
 * A stand-in for ExplorerMap in component tests: the map is mocked at its module boundary, so components may only talk
 * to it through ExplorerMap's methods. Every call is recorded in `mapCalls`. Use with
 * `vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'))`.
 */
import type { Camera } from '../domain/camera.ts';
import type { CornerBox, MapOptions, MapView, ExplorerMap as RealMap } from '../map/ExplorerMap.ts';

// Type-only imports: the real module (and maplibre-gl) is never loaded, yet the mock must keep ExplorerMap's shape.
/** What components may call on the map: ExplorerMap's public interface without the maplibre instance. */
type ExplorerMapApi = Omit<RealMap, 'map'>;

export const mapCalls = {
  updates: [] as MapView[],
  focus: [] as string[],
  fits: [] as string[][],
  legendBoxes: [] as (CornerBox | null)[],
  click: null as null | ((id: string | null) => void),
  label: '',
  cameras: [] as (Camera | null)[],
  options: null as null | MapOptions,
};

export class ExplorerMap implements ExplorerMapApi {
  constructor(...[, opts]: ConstructorParameters<typeof RealMap>) {
    mapCalls.updates.push(opts.view);
    mapCalls.click = opts.onPlaceClicked ?? null;
    mapCalls.options = opts;
    mapCalls.label = opts.label;
  }
  update(v: MapView) {
    mapCalls.updates.push(v);
  }
  focusPlace(id: string) {
    mapCalls.focus.push(id);
  }
  fitPlaces(ids: readonly string[]) {
    mapCalls.fits.push([...ids]);
  }
  setLegendBox(box: CornerBox | null) {
    mapCalls.legendBoxes.push(box);
  }
  coversProvince() {
    return false;
  }
  resetCamera() {}
  resize() {}
  setLabel(label: string) {
    mapCalls.label = label;
  }
  setCamera(camera: Camera | null) {
    mapCalls.cameras.push(camera);
  }
  getCamera(): Camera {
    return mapCalls.cameras.findLast((c) => c !== null) ?? { lat: 0, lon: 0, zoom: 0 };
  }
  snapshot() {
    return Promise.resolve(new Blob(['png'], { type: 'image/png' }));
  }
  destroy() {}
}
