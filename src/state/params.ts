/**
 * The URL parameters in one table, one row per key of the explorer's state (in the spirit of OWID's grapher, where
 * each parameter is declared once). The reader (parseUrl), the writer (stateToParams) and URL_KEYS in url.ts are
 * derived from it, and tsc checks that every key of ExplorerState has a row (ParamTable is a mapped type over it).
 *
 * A row says:
 * - `url`: its name(s) in the URL; the first carries the value, more when one value takes several (source + line);
 * - `parse`: the first name's value (never empty, at most MAX_VALUE long) → the value, or undefined for the default
 *   (anything unknown or malformed); `get` reads the row's other names;
 * - `write`: a value other than the default → the string(s) for its names, in `url` order (null: leave it out);
 * - `views`: the views whose links carry it. A link carries only what its view shows, so a map link does not carry the
 *   matrix's sort; the store keeps the value while the page is open (switching back finds it).
 * The default is DEFAULT_STATE's value for that key (store.ts): a value equal to it is never written, and a missing or
 * unknown parameter reads as it, except `lang`, which reads as the detected language (parseUrl's fallbackLang).
 */
import { formatCamera, parseCamera } from '../domain/camera.ts';
import { TERM_KINDS, type TermKind, type TermRef } from '../domain/terms.ts';
import { ROLES } from '../domain/types.ts';
import {
  type ExplorerState,
  LANGUAGES,
  type Lang,
  LEVELS,
  type Level,
  type MatrixSortKey,
  ROW_SCOPES,
  type RowScope,
  VIEWS,
  type ViewName,
} from './store.ts';

/** The ids a URL may name; anything else is ignored. */
export interface KnownIds {
  plans: ReadonlySet<string>;
  industries: ReadonlySet<string>;
  places: ReadonlySet<string>;
  files: ReadonlySet<string>;
  /** City place ids (the matrix's city filter); falls back to `places` when absent. */
  cities?: ReadonlySet<string>;
  /** Product and enterprise terms as `<kind>~<key>` (termIds in src/domain/terms.ts); none when absent. */
  terms?: ReadonlySet<string>;
}

export interface Param<T> {
  url: readonly [string, ...string[]];
  parse(raw: string, known: KnownIds, get: (name: string) => string | null): T | undefined;
  write(value: T): string | readonly string[] | null;
  views: 'all' | readonly ViewName[];
}

/** One row per state key: a key missing here (or a row for a key the state does not have) fails tsc. */
export type ParamTable = { readonly [K in keyof ExplorerState]-?: Param<ExplorerState[K]> };

/** Longer values are ignored (no id comes near it; a hostile link does). */
export const MAX_VALUE = 200;

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T | undefined =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
const ifKnown = (ids: ReadonlySet<string>, raw: string) => (ids.has(raw) ? raw : undefined);

/** `term=<kind>~<key>` → a term the data names, or null. */
export function parseTerm(raw: string | null, known: ReadonlySet<string> | undefined): TermRef | null {
  if (!raw || !known?.has(raw)) return null;
  const cut = raw.indexOf('~');
  const kind = raw.slice(0, cut);
  if (!(TERM_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as TermKind, key: raw.slice(cut + 1) };
}

/**
 * Which views read what (see src/views): the plan, role and industry filters are shown, and counted in the filter
 * lists, in every view; the selected place is the map's panel and the change list's "only this place" (the matrix and
 * overlap ignore it); a term is the map's (the change view colours changes instead); the camera is the map's, which the
 * change view shows too; the level is the change view's, the matrix's columns and the overlap's rows; sort, city, rows
 * and the open cell are the matrix's alone (the overlap counts every city). The source reader opens over any view.
 *
 * Rows are in the order the writer writes them.
 */
export const PARAMS = {
  view: {
    url: ['view'],
    parse: oneOf(VIEWS),
    write: (v) => v,
    views: 'all',
  },
  plan: {
    url: ['plan'],
    parse: (raw, k) => ifKnown(k.plans, raw),
    write: (v) => v,
    views: 'all',
  },
  industry: {
    url: ['industry'],
    parse: (raw, k) => ifKnown(k.industries, raw),
    write: (v) => v || null,
    views: 'all',
  },
  roles: {
    // Any order, any spacing in; always ROLES order out. None known: the default (all roles).
    url: ['roles'],
    parse: (raw) => {
      const named = raw.split(',').map((s) => s.trim());
      const roles = ROLES.filter((r) => named.includes(r));
      return roles.length ? roles : undefined;
    },
    write: (v) => v.join(','),
    views: 'all',
  },
  place: {
    url: ['place'],
    parse: (raw, k) => ifKnown(k.places, raw),
    write: (v) => v,
    views: ['map', 'changes'],
  },
  term: {
    url: ['term'],
    parse: (raw, k) => parseTerm(raw, k.terms) ?? undefined,
    write: (v) => (v ? `${v.kind}~${v.key}` : null),
    views: ['map'],
  },
  lang: {
    url: ['lang'],
    parse: oneOf<Lang>(LANGUAGES),
    write: (v) => v,
    views: 'all',
  },
  from: {
    url: ['from'],
    parse: (raw, k) => ifKnown(k.plans, raw),
    write: (v) => v,
    views: ['changes'],
  },
  to: {
    url: ['to'],
    parse: (raw, k) => ifKnown(k.plans, raw),
    write: (v) => v,
    views: ['changes'],
  },
  level: {
    url: ['level'],
    parse: oneOf<Level>(LEVELS),
    write: (v) => v,
    views: ['changes', 'matrix', 'overlap'],
  },
  sort: {
    // `count`, or an industry id (its column); by place is the default.
    url: ['sort'],
    parse: (raw, k): MatrixSortKey | undefined =>
      raw === 'count' ? 'count' : k.industries.has(raw) ? { industry: raw } : undefined,
    write: (v) => (typeof v === 'object' ? v.industry : v),
    views: ['matrix'],
  },
  city: {
    url: ['city'],
    parse: (raw, k) => ifKnown(k.cities ?? k.places, raw),
    write: (v) => v,
    views: ['matrix'],
  },
  rows: {
    url: ['rows'],
    parse: oneOf<RowScope>(ROW_SCOPES),
    write: (v) => v,
    views: ['matrix'],
  },
  cell: {
    // `<place>~<industry>`, both known.
    url: ['cell'],
    parse: (raw, k) => {
      const [place = '', industry = '', ...rest] = raw.split('~');
      return rest.length === 0 && k.places.has(place) && k.industries.has(industry) ? { place, industry } : undefined;
    },
    write: (v) => (v ? `${v.place}~${v.industry}` : null),
    views: ['matrix'],
  },
  camera: {
    // `at=<lat>,<lon>,<zoom>` at link precision (src/domain/camera.ts); absent = the default fit.
    url: ['at'],
    parse: (raw) => parseCamera(raw) ?? undefined,
    write: (v) => (v ? formatCamera(v) : null),
    views: ['map', 'changes'],
  },
  source: {
    // `source=<file>&line=<n>`: a known file; a missing or malformed line opens line 1.
    url: ['source', 'line'],
    parse: (file, k, get) => {
      if (!k.files.has(file)) return undefined;
      const line = get('line');
      return { file, line: line && /^[1-9][0-9]{0,6}$/.test(line) ? Number(line) : 1 };
    },
    write: (v) => (v ? [v.file, String(v.line)] : null),
    views: 'all',
  },
} satisfies ParamTable;

export type ParamKey = keyof typeof PARAMS;

/** The state keys in writing order. */
export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

/** Whether a link from `view` carries the parameter for `key`. */
export function carries(key: ParamKey, view: ViewName): boolean {
  const views = PARAMS[key].views;
  return views === 'all' || (views as readonly ViewName[]).includes(view);
}
