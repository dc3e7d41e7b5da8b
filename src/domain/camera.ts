/**
 * The map's camera as a link keeps it (URL `at=lat,lon,zoom`), and the one rule for "the same camera": the store
 * (which ignores moves a link could not tell apart) and the map (which skips jumps to where it already is, and knows
 * when it is back at the default fit) both ask `sameCamera`.
 */

/** The map's centre and zoom (null elsewhere = the default fit of Jiangxi). */
export interface Camera {
  lat: number;
  lon: number;
  zoom: number;
}

/** Decimals a link keeps: 4 of degrees (≈ 10 m), 2 of zoom. */
export const DEGREE_DECIMALS = 4;
export const ZOOM_DECIMALS = 2;

/**
 * Half a unit of the last digit a link keeps: a camera and the camera its link reads back differ by at most this much,
 * so within it two cameras are the same view as far as anyone can share it.
 */
export const DEGREE_TOLERANCE = 0.5 * 10 ** -DEGREE_DECIMALS;
export const ZOOM_TOLERANCE = 0.5 * 10 ** -ZOOM_DECIMALS;
/** Slack for floating point: toFixed's rounding may land a hair past the half unit. */
const EPSILON = 1e-9;

/** Cameras equal at the precision a link keeps. */
export function sameCamera(a: Camera, b: Camera): boolean {
  return (
    Math.abs(a.lat - b.lat) <= DEGREE_TOLERANCE + EPSILON &&
    Math.abs(a.lon - b.lon) <= DEGREE_TOLERANCE + EPSILON &&
    Math.abs(a.zoom - b.zoom) <= ZOOM_TOLERANCE + EPSILON
  );
}

const NUM = /^-?[0-9]{1,3}(\.[0-9]{1,8})?$/;

/** `lat,lon,zoom` → a camera, or null when malformed or out of range. */
export function parseCamera(raw: string | null): Camera | null {
  if (!raw) return null;
  const parts = raw.split(',');
  if (parts.length !== 3 || !parts.every((p) => NUM.test(p.trim()))) return null;
  const [lat = Number.NaN, lon = Number.NaN, zoom = Number.NaN] = parts.map((p) => Number(p.trim()));
  if (!(Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= 24)) return null;
  return { lat, lon, zoom };
}

/** A camera as `lat,lon,zoom` at link precision, trailing zeros dropped. */
export function formatCamera(c: Camera): string {
  const n = (x: number, d: number) => String(Number(x.toFixed(d)));
  return `${n(c.lat, DEGREE_DECIMALS)},${n(c.lon, DEGREE_DECIMALS)},${n(c.zoom, ZOOM_DECIMALS)}`;
}
