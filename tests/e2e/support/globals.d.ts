import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The explorer's maplibre-gl Map, exposed by the app for tests and benchmarks. */
    __jxMap?: MapLibreMap;
  }
}
