/**
 * The one module that knows where the published data lives. URLs are relative to the app's base (vite `base: './'`),
 * so the explorer works from any sub-path. Files are checked by light hand-written validators (not full ajv, to keep
 * the bundle small): enough that a wrong or truncated file yields a message naming it instead of a blank page.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  type Assignment,
  type AuditFile,
  DATA_FILES,
  type DataFileKey,
  type Industry,
  PLACE_LEVELS,
  type PlaceFeature,
  type Plan,
  ROLES,
  SCHEMA_VERSION,
  SEARCH_KINDS,
  type SearchEntry,
} from '../domain/types.ts';

export interface ExplorerData {
  plans: Plan[];
  places: PlaceFeature[];
  industries: Industry[];
  assignments: Assignment[];
  attribution: string;
  planById: Map<string, Plan>;
  placeById: Map<string, PlaceFeature>;
  industryById: Map<string, Industry>;
  assignmentById: Map<string, Assignment>;
}

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataError';
  }
}

const base = (): string => import.meta.env?.BASE_URL ?? './';

export function dataUrl(key: DataFileKey): string {
  return `${base()}data/${DATA_FILES[key]}`;
}

/** Where the data build copies the seed documents (for the source view). */
export function seedUrl(file: string): string {
  return `${base()}data/seeds/${encodeURIComponent(file)}`;
}

export function fontUrl(file: string): string {
  return `${base()}fonts/sc/${file}`;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function fail(key: DataFileKey, reason: string): never {
  throw new DataError(DATA_FILES[key], reason);
}

function header(key: DataFileKey, json: unknown, listKey: string): unknown[] {
  if (!isObj(json)) fail(key, 'not a JSON object');
  if (json.schemaVersion !== SCHEMA_VERSION) {
    // Say what arrived: "1" (a string) and 1 print alike, and "missing" is not a version.
    const got = json.schemaVersion;
    const kind = got === null ? 'null' : `a ${typeof got}`;
    const what = got === undefined ? 'is missing' : `${JSON.stringify(got)} (${kind})`;
    fail(key, `schemaVersion ${what}: this app reads the number ${SCHEMA_VERSION}`);
  }
  const list = json[listKey];
  if (!Array.isArray(list)) fail(key, `"${listKey}" is not an array`);
  return list;
}

/** Lookups are by id: a second item with the same id would silently win or lose, so it is a data error. */
function uniqueIds(key: DataFileKey, list: readonly unknown[]): void {
  const seen = new Map<unknown, number>();
  list.forEach((item, i) => {
    const id = (item as Json).id;
    const first = seen.get(id);
    if (first !== undefined) fail(key, `duplicate id "${String(id)}" (items ${first} and ${i})`);
    seen.set(id, i);
  });
}

function check(key: DataFileKey, index: number, ok: boolean, what: string): void {
  if (!ok) fail(key, `item ${index}: ${what}`);
}

export function validatePlans(json: unknown): Plan[] {
  const list = header('plans', json, 'plans');
  list.forEach((p, i) => {
    check('plans', i, isObj(p), 'not an object');
    const o = p as Json;
    for (const f of ['id', 'file', 'titleZh', 'titleEn', 'issued'] as const) check('plans', i, isStr(o[f]), `no ${f}`);
    check('plans', i, Number.isInteger(o.year), 'year is not an integer');
  });
  uniqueIds('plans', list);
  return list as Plan[];
}

export function validateIndustries(json: unknown): Industry[] {
  const list = header('industries', json, 'industries');
  list.forEach((p, i) => {
    check('industries', i, isObj(p), 'not an object');
    const o = p as Json;
    for (const f of ['id', 'zh', 'en'] as const) check('industries', i, isStr(o[f]), `no ${f}`);
    check('industries', i, o.parent === null || isStr(o.parent), 'parent is neither null nor a string');
    check('industries', i, isStrArr(o.aliases), 'aliases is not a list of strings');
  });
  uniqueIds('industries', list);
  return list as Industry[];
}

/** `key`: the file the features came from (places.geojson, or places.topo.json decoded), named in errors. */
export function validatePlaces(
  json: unknown,
  key: 'places' | 'placesTopology' = 'places',
): { features: PlaceFeature[]; attribution: string } {
  const list = header(key, json, 'features');
  list.forEach((f, i) => {
    check(key, i, isObj(f) && isStr(f.id) && isObj(f.properties), 'not a feature with a string id and properties');
    const p = (f as Json).properties as Json;
    for (const k of ['zh', 'en'] as const) check(key, i, isStr(p[k]), `no ${k}`);
    check(key, i, (PLACE_LEVELS as readonly unknown[]).includes(p.level), `unknown level ${String(p.level)}`);
    check(key, i, isStrArr(p.aliases), 'aliases is not a list of strings');
    const g = (f as Json).geometry;
    check(key, i, g === null || (isObj(g) && Array.isArray(g.coordinates)), 'geometry is invalid');
  });
  uniqueIds('places', list);
  const attribution = (json as Json).attribution;
  return { features: list as PlaceFeature[], attribution: typeof attribution === 'string' ? attribution : '' };
}

/** Back on the 0.0001° grid of places.geojson (the topology's integers times its scale leave float noise). */
const round4 = (c: unknown): unknown =>
  typeof c === 'number' ? Math.round(c * 1e4) / 1e4 + 0 : Array.isArray(c) ? c.map(round4) : c;

/**
 * places.topo.json → the places (what places.geojson holds): every border is stored once in the topology, so this is
 * about a quarter of the GeoJSON's bytes before the first paint. topojson-client rebuilds the features.
 */
export function decodePlacesTopology(json: unknown): { features: PlaceFeature[]; attribution: string } {
  if (!isObj(json)) fail('placesTopology', 'not a JSON object');
  if (json.schemaVersion !== SCHEMA_VERSION)
    fail('placesTopology', `schemaVersion ${String(json.schemaVersion)} (this app reads ${SCHEMA_VERSION})`);
  const places = isObj(json.objects) ? json.objects.places : undefined;
  if (json.type !== 'Topology' || !Array.isArray(json.arcs) || !isObj(places) || !Array.isArray(places.geometries))
    fail('placesTopology', 'not a topology with a "places" geometry collection');
  let features: PlaceFeature[];
  try {
    const fc = feature(json as unknown as Topology, places as unknown as GeometryCollection) as unknown as {
      features: PlaceFeature[];
    };
    features = fc.features.map((f) => ({
      type: 'Feature',
      id: String(f.id),
      properties: f.properties,
      geometry:
        f.geometry && ({ ...f.geometry, coordinates: round4(f.geometry.coordinates) } as PlaceFeature['geometry']),
    }));
  } catch (e) {
    fail('placesTopology', `cannot be decoded (${(e as Error).message})`);
  }
  return validatePlaces(
    { schemaVersion: json.schemaVersion, attribution: json.attribution, features },
    'placesTopology',
  );
}

export function validateAssignments(json: unknown): Assignment[] {
  const list = header('assignments', json, 'assignments');
  list.forEach((a, i) => {
    check('assignments', i, isObj(a), 'not an object');
    const o = a as Json;
    for (const f of ['id', 'plan', 'place', 'industry', 'industryZh', 'placeText', 'quote'] as const)
      check('assignments', i, isStr(o[f]), `no ${f}`);
    check('assignments', i, (ROLES as readonly unknown[]).includes(o.role), `unknown role ${String(o.role)}`);
    check('assignments', i, isStrArr(o.products) && isStrArr(o.enterprises), 'products/enterprises not lists');
    const s = o.source as Json;
    check('assignments', i, isObj(s) && isStr(s.file) && Number.isInteger(s.line), 'source has no file/line');
  });
  uniqueIds('assignments', list);
  return list as Assignment[];
}

/** Joins the files and checks that every assignment points at a known plan, place and industry. */
export function assemble(
  plans: Plan[],
  places: { features: PlaceFeature[]; attribution: string },
  industries: Industry[],
  assignments: Assignment[],
): ExplorerData {
  const planById = new Map(plans.map((p) => [p.id, p]));
  const placeById = new Map(places.features.map((p) => [p.id, p]));
  const industryById = new Map(industries.map((p) => [p.id, p]));
  assignments.forEach((a, i) => {
    if (!planById.has(a.plan)) fail('assignments', `item ${i} (${a.id}): unknown plan ${a.plan}`);
    if (!placeById.has(a.place)) fail('assignments', `item ${i} (${a.id}): unknown place ${a.place}`);
    if (!industryById.has(a.industry)) fail('assignments', `item ${i} (${a.id}): unknown industry ${a.industry}`);
  });
  const sortedPlans = [...plans].sort((a, b) => a.year - b.year || a.issued.localeCompare(b.issued));
  return {
    plans: sortedPlans,
    places: places.features,
    industries,
    assignments,
    attribution: places.attribution,
    planById,
    placeById,
    industryById,
    assignmentById: new Map(assignments.map((a) => [a.id, a])),
  };
}

async function getJson(key: DataFileKey, fetchFn: typeof fetch): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(dataUrl(key));
  } catch (e) {
    throw new DataError(DATA_FILES[key], `could not be fetched (${(e as Error).message})`);
  }
  if (!res.ok) throw new DataError(DATA_FILES[key], `missing (HTTP ${res.status})`);
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    // A static host's SPA fallback serves index.html for missing files: say "missing", not "bad JSON".
    if (text.trimStart().startsWith('<'))
      throw new DataError(DATA_FILES[key], 'missing (the server sent an HTML page)');
    throw new DataError(DATA_FILES[key], 'is not valid JSON (truncated or corrupt)');
  }
}

export async function loadData(fetchFn: typeof fetch = fetch): Promise<ExplorerData> {
  const [plans, places, industries, assignments] = await Promise.all([
    getJson('plans', fetchFn).then(validatePlans),
    getJson('placesTopology', fetchFn).then(decodePlacesTopology),
    getJson('industries', fetchFn).then(validateIndustries),
    getJson('assignments', fetchFn).then(validateAssignments),
  ]);
  return assemble(plans, places, industries, assignments);
}

export function validateAudit(json: unknown): AuditFile {
  const list = header('audit', json, 'plans');
  list.forEach((p, i) => {
    check('audit', i, isObj(p) && isStr(p.file) && Array.isArray(p.sentences), 'not a plan with a file and sentences');
  });
  return json as AuditFile;
}

let auditPromise: Promise<AuditFile> | null = null;

/** audit.json (every layout sentence), fetched once and only when the source reader needs it. */
export function loadAudit(fetchFn: typeof fetch = fetch): Promise<AuditFile> {
  if (!auditPromise) {
    auditPromise = getJson('audit', fetchFn).then(validateAudit);
    // A failed load may be retried (e.g. after coming back online).
    auditPromise.catch(() => {
      auditPromise = null;
    });
  }
  return auditPromise;
}

export function validateSearch(json: unknown): SearchEntry[] {
  const list = header('search', json, 'entries');
  list.forEach((e, i) => {
    check('search', i, isObj(e), 'not an object');
    const o = e as Json;
    check('search', i, (SEARCH_KINDS as readonly unknown[]).includes(o.kind), `unknown kind ${String(o.kind)}`);
    for (const f of ['id', 'zh'] as const) check('search', i, isStr(o[f]), `no ${f}`);
    check('search', i, o.en === null || isStr(o.en), 'en is neither null nor a string');
    check('search', i, typeof o.initials === 'string', 'no initials');
    for (const f of ['variants', 'keys', 'places', 'assignments'] as const)
      check('search', i, isStrArr(o[f]), `${f} is not a list of strings`);
  });
  return list as SearchEntry[];
}

let searchPromise: Promise<SearchEntry[]> | null = null;

/**
 * search.json (products, enterprises, and every place and industry with its search keys), fetched once and only when
 * the search box is first used: the first paint never waits for it.
 */
export function loadSearch(fetchFn: typeof fetch = fetch): Promise<SearchEntry[]> {
  if (!searchPromise) {
    searchPromise = getJson('search', fetchFn).then(validateSearch);
    searchPromise.catch(() => {
      searchPromise = null;
    });
  }
  return searchPromise;
}

/** Tests: forget the cached index (each test serves its own). */
export function forgetSearch(): void {
  searchPromise = null;
}
