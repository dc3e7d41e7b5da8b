/**
 * URL ↔ state: two pure functions. The query holds only what differs from the default view, in readable
 * parameters (?plan=…&industry=…&roles=core,focus&place=…&lang=en&source=…&line=…). Anything unknown or
 * malformed falls back to the default for that parameter; parameters that are not ours are left alone by the writer.
 */
import { ROLES, type Role } from '../domain/types.ts';
import { DEFAULT_STATE, type ExplorerState, LANGUAGES, type Lang } from './store.ts';

export const URL_KEYS = ['plan', 'industry', 'roles', 'place', 'lang', 'source', 'line'] as const;

/** The ids a URL may name; anything else is ignored. */
export interface KnownIds {
  plans: ReadonlySet<string>;
  industries: ReadonlySet<string>;
  places: ReadonlySet<string>;
  files: ReadonlySet<string>;
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
  return {
    plan: plan && known.plans.has(plan) ? plan : DEFAULT_STATE.plan,
    industry: industry && known.industries.has(industry) ? industry : DEFAULT_STATE.industry,
    roles: roles.length ? roles : [...DEFAULT_STATE.roles],
    place: place && known.places.has(place) ? place : DEFAULT_STATE.place,
    lang: lang && (LANGUAGES as readonly string[]).includes(lang) ? (lang as Lang) : fallbackLang,
    source: file && known.files.has(file) ? { file, line: line ?? 1 } : null,
  };
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/** Our parameters for a state, only those that differ from the default view, in a fixed order. */
export function stateToParams(state: ExplorerState): [string, string][] {
  const out: [string, string][] = [];
  if (state.plan !== DEFAULT_STATE.plan) out.push(['plan', state.plan]);
  if (state.industry !== DEFAULT_STATE.industry && state.industry) out.push(['industry', state.industry]);
  if (!sameRoles(state.roles, DEFAULT_STATE.roles)) out.push(['roles', state.roles.join(',')]);
  if (state.place) out.push(['place', state.place]);
  if (state.lang !== DEFAULT_STATE.lang) out.push(['lang', state.lang]);
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
  const s = all.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}
