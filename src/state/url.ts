/**
 * URL ↔ state: two pure functions. The query holds only what differs from the default view, in readable
 * parameters (?view=changes&plan=…&industry=…&roles=core,focus&place=…&term=enterprise~江铃&lang=en&from=…&to=…&level=exact&sort=count
 * &city=…&rows=cities&cell=<place>~<industry>&at=<lat>,<lon>,<zoom>&source=…&line=…). Anything unknown or
 * malformed falls back to the default for that parameter; parameters that are not ours are left alone by the writer.
 */
import { TERM_KINDS, type TermKind, type TermRef } from '../domain/terms.ts';
import { ROLES, type Role } from '../domain/types.ts';
import {
  type Camera,
  DEFAULT_STATE,
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

export const URL_KEYS = [
  'view',
  'plan',
  'industry',
  'roles',
  'place',
  'term',
  'lang',
  'from',
  'to',
  'level',
  'sort',
  'city',
  'rows',
  'cell',
  'at',
  'source',
  'line',
] as const;

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

const MAX_VALUE = 200;

function get(params: URLSearchParams, key: string): string | null {
  const v = params.get(key);
  return v === null || v.length === 0 || v.length > MAX_VALUE ? null : v;
}

export function parseUrl(search: string, known: KnownIds, fallbackLang: Lang = DEFAULT_STATE.lang): ExplorerState {
  const params = new URLSearchParams(search);
  const plan = get(params, 'plan');
  const industry = get(params, 'industry');
  const place = get(params, 'place');
  const lang = get(params, 'lang');
  const rolesRaw = get(params, 'roles');
  const roles = rolesRaw
    ? ROLES.filter((r) =>
        rolesRaw
          .split(',')
          .map((s) => s.trim())
          .includes(r),
      )
    : [];
  const file = get(params, 'source');
  const lineRaw = get(params, 'line');
  const line = lineRaw && /^[1-9][0-9]{0,6}$/.test(lineRaw) ? Number(lineRaw) : null;
  const view = get(params, 'view');
  const from = get(params, 'from');
  const to = get(params, 'to');
  const level = get(params, 'level');
  const sortRaw = get(params, 'sort');
  const city = get(params, 'city');
  const rows = get(params, 'rows');
  const [cellPlace = '', cellIndustry = '', ...cellRest] = (get(params, 'cell') ?? '').split('~');
  const cell =
    cellRest.length === 0 && known.places.has(cellPlace) && known.industries.has(cellIndustry)
      ? { place: cellPlace, industry: cellIndustry }
      : DEFAULT_STATE.cell;
  const sort: MatrixSortKey =
    sortRaw === 'count'
      ? 'count'
      : sortRaw && known.industries.has(sortRaw)
        ? { industry: sortRaw }
        : DEFAULT_STATE.sort;
  return {
    view: view && (VIEWS as readonly string[]).includes(view) ? (view as ViewName) : DEFAULT_STATE.view,
    plan: plan && known.plans.has(plan) ? plan : DEFAULT_STATE.plan,
    industry: industry && known.industries.has(industry) ? industry : DEFAULT_STATE.industry,
    roles: roles.length ? roles : [...DEFAULT_STATE.roles],
    place: place && known.places.has(place) ? place : DEFAULT_STATE.place,
    term: parseTerm(get(params, 'term'), known.terms),
    lang: lang && (LANGUAGES as readonly string[]).includes(lang) ? (lang as Lang) : fallbackLang,
    source: file && known.files.has(file) ? { file, line: line ?? 1 } : null,
    from: from && known.plans.has(from) ? from : DEFAULT_STATE.from,
    to: to && known.plans.has(to) ? to : DEFAULT_STATE.to,
    level: level && (LEVELS as readonly string[]).includes(level) ? (level as Level) : DEFAULT_STATE.level,
    sort,
    city: city && (known.cities ?? known.places).has(city) ? city : DEFAULT_STATE.city,
    rows: rows && (ROW_SCOPES as readonly string[]).includes(rows) ? (rows as RowScope) : DEFAULT_STATE.rows,
    cell,
    camera: parseCamera(get(params, 'at')),
  };
}

/** `term=<kind>~<key>` → a term the data names, or null. */
export function parseTerm(raw: string | null, known: ReadonlySet<string> | undefined): TermRef | null {
  if (!raw || !known?.has(raw)) return null;
  const cut = raw.indexOf('~');
  const kind = raw.slice(0, cut);
  if (!(TERM_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as TermKind, key: raw.slice(cut + 1) };
}

const NUM = /^-?[0-9]{1,3}(\.[0-9]{1,8})?$/;

/** `at=lat,lon,zoom` → a camera, or null when malformed or out of range. */
export function parseCamera(raw: string | null): Camera | null {
  if (!raw) return null;
  const parts = raw.split(',');
  if (parts.length !== 3 || !parts.every((p) => NUM.test(p.trim()))) return null;
  const [lat = Number.NaN, lon = Number.NaN, zoom = Number.NaN] = parts.map((p) => Number(p.trim()));
  if (!(Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= 24)) return null;
  return { lat, lon, zoom };
}

/** A camera as `lat,lon,zoom`: 4 decimals of degrees (≈ 10 m), 2 of zoom, trailing zeros dropped. */
export function formatCamera(c: Camera): string {
  const n = (x: number, d: number) => String(Number(x.toFixed(d)));
  return `${n(c.lat, 4)},${n(c.lon, 4)},${n(c.zoom, 2)}`;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/** Our parameters for a state, only those that differ from the default view, in a fixed order. */
export function stateToParams(state: ExplorerState): [string, string][] {
  const out: [string, string][] = [];
  if (state.view !== DEFAULT_STATE.view) out.push(['view', state.view]);
  if (state.plan !== DEFAULT_STATE.plan) out.push(['plan', state.plan]);
  if (state.industry !== DEFAULT_STATE.industry && state.industry) out.push(['industry', state.industry]);
  if (!sameRoles(state.roles, DEFAULT_STATE.roles)) out.push(['roles', state.roles.join(',')]);
  if (state.place) out.push(['place', state.place]);
  if (state.term) out.push(['term', `${state.term.kind}~${state.term.key}`]);
  if (state.lang !== DEFAULT_STATE.lang) out.push(['lang', state.lang]);
  if (state.from) out.push(['from', state.from]);
  if (state.to) out.push(['to', state.to]);
  if (state.level !== DEFAULT_STATE.level) out.push(['level', state.level]);
  if (state.sort === 'count') out.push(['sort', 'count']);
  else if (typeof state.sort === 'object') out.push(['sort', state.sort.industry]);
  if (state.city) out.push(['city', state.city]);
  if (state.rows !== DEFAULT_STATE.rows) out.push(['rows', state.rows]);
  if (state.cell) out.push(['cell', `${state.cell.place}~${state.cell.industry}`]);
  if (state.camera) out.push(['at', formatCamera(state.camera)]);
  if (state.source) {
    out.push(['source', state.source.file]);
    out.push(['line', String(state.source.line)]);
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
