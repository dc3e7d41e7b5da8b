/**
 * URL ↔ state: two pure functions over the parameter table in params.ts. The query holds only what differs from the
 * default view and what the current view uses, in readable parameters (?view=changes&plan=…&industry=…
 * &roles=core,focus&place=…&term=enterprise~江铃&lang=en&from=…&to=…&level=exact&sort=count&city=…&rows=cities
 * &cell=<place>~<industry>&at=<lat>,<lon>,<zoom>&source=…&line=…). Anything unknown or malformed falls back to the
 * default for that parameter; parameters that are not ours are left alone by the writer.
 */
import { carries, type KnownIds, MAX_VALUE, PARAM_KEYS, PARAMS, type Param, type ParamKey } from './params.ts';
import { DEFAULT_STATE, type ExplorerState, type Lang } from './store.ts';

export { formatCamera, parseCamera } from '../domain/camera.ts';
export { type KnownIds, parseTerm } from './params.ts';

/** Every parameter name the table owns (the writer replaces these and keeps all others). */
export const URL_KEYS: readonly string[] = PARAM_KEYS.flatMap((k) => PARAMS[k].url);

// The rows' value types differ per key; the loops below go through this one view of a row.
const row = (key: ParamKey) => PARAMS[key] as Param<unknown>;

/**
 * The state a query names. A missing, unknown or malformed parameter reads as its default (`lang`: `fallbackLang`,
 * the detected language) — or, with `kept` (back/forward inside the page), as kept's value when the query's view does
 * not carry that parameter: a map link has no matrix sort, and the sort the reader chose is not lost by going back.
 */
export function parseUrl(
  search: string,
  known: KnownIds,
  fallbackLang: Lang = DEFAULT_STATE.lang,
  kept?: ExplorerState,
): ExplorerState {
  const params = new URLSearchParams(search);
  const get = (name: string): string | null => {
    const v = params.get(name);
    return v === null || v.length === 0 || v.length > MAX_VALUE ? null : v;
  };
  const read = (key: ParamKey): unknown => {
    const r = row(key);
    const raw = get(r.url[0]);
    return raw === null ? undefined : r.parse(raw, known, get);
  };
  const state: ExplorerState = { ...DEFAULT_STATE, roles: [...DEFAULT_STATE.roles], lang: fallbackLang };
  const out = state as unknown as Record<ParamKey, unknown>;
  // The view first: it decides which parameters a missing one may be kept for.
  for (const key of ['view', ...PARAM_KEYS.filter((k) => k !== 'view')] as ParamKey[]) {
    const value = read(key);
    if (value !== undefined) out[key] = value;
    else if (kept && !carries(key, state.view)) out[key] = kept[key];
  }
  return state;
}

// Values are small plain data (strings, arrays, flat objects): equal when they print the same.
const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Our parameters for a state: those its view carries and that differ from the default, in the table's order. */
export function stateToParams(state: ExplorerState): [string, string][] {
  const out: [string, string][] = [];
  for (const key of PARAM_KEYS) {
    if (!carries(key, state.view) || sameValue(state[key], DEFAULT_STATE[key])) continue;
    const r = row(key);
    const written = r.write(state[key]);
    if (written === null) continue;
    const values = typeof written === 'string' ? [written] : written;
    r.url.forEach((name, i) => {
      const v = values[i];
      if (v != null) out.push([name, v]);
    });
  }
  return out;
}

/** The full query string for a state, keeping parameters that are not ours (e.g. a campaign tag) from `current`. */
export function serializeUrl(state: ExplorerState, current = ''): string {
  const params = new URLSearchParams(current);
  for (const k of URL_KEYS) params.delete(k);
  const rest = [...params.entries()];
  const all = new URLSearchParams([...stateToParams(state), ...rest]);
  // Commas and tildes are safe in a query; keeping them readable keeps links readable.
  const s = all.toString().replace(/%2C/g, ',').replace(/%7E/gi, '~');
  return s ? `?${s}` : '';
}
