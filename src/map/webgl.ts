/**
 * Whether this browser can run the live map. MapLibre GL 6 needs WebGL2; without it MapLibre throws its own English
 * error into the map's box. Asking a throw-away canvas first lets the app skip downloading maplibre-gl (≈ 430 KB gzip)
 * and show the static map with a note instead.
 */
export function hasWebGL2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    // Give the context back at once: browsers cap the number of live WebGL contexts.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}
