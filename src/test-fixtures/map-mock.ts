/**
 * A stand-in for ExplorerMap in component tests: the map is mocked at its module boundary, so components may only talk
 * to it through ExplorerMap's methods. Every call is recorded in `mapCalls`. Use with
 * `vi.mock('../map/ExplorerMap.ts', () => import('../test-fixtures/map-mock.ts'))`.
 */
export type Camera = { lat: number; lon: number; zoom: number };
export interface MapUpdate {
  fills: Map<string, string>;
  kinds?: Map<string, string>;
}
export interface MockMapOptions {
  view: MapUpdate;
  label: string;
  camera?: Camera | null;
  onPlaceClicked: (id: string | null) => void;
  onCameraChanged?: (camera: Camera | null) => void;
}

export const mapCalls = {
  updates: [] as MapUpdate[],
  focus: [] as string[],
  fits: [] as string[][],
  legendBoxes: [] as ({ width: number; height: number } | null)[],
  click: null as null | ((id: string | null) => void),
  label: '',
  cameras: [] as (Camera | null)[],
  options: null as null | MockMapOptions,
};

export class ExplorerMap {
  constructor(_el: HTMLElement, opts: MockMapOptions) {
    mapCalls.updates.push(opts.view);
    mapCalls.click = opts.onPlaceClicked;
    mapCalls.options = opts;
    mapCalls.label = opts.label;
  }
  update(v: MapUpdate) {
    mapCalls.updates.push(v);
  }
  focusPlace(id: string) {
    mapCalls.focus.push(id);
  }
  fitPlaces(ids: readonly string[]) {
    mapCalls.fits.push([...ids]);
  }
  setLegendBox(box: { width: number; height: number } | null) {
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
  snapshot() {
    return Promise.resolve(new Blob(['png'], { type: 'image/png' }));
  }
  destroy() {}
}
