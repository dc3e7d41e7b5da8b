/**
 * The time-aware gazetteer: admin units derived from data/areacodes-jiangxi.csv, parks and macro-regions from the
 * reviewed files in data/places/. See docs/gazetteer.md for the date rule and how to add a place.
 */
import { join } from 'node:path';
import { type CuratedPlaceEntry, loadPlacesInputs, type PlacesInputs, type PlanEntry } from '../inputs/index.ts';
import { readJsonInput } from '../inputs/read.ts';
import { type AdminUnits, adminUnits, type NamedSpan, parseAreaCodes, type YearWindow } from './admin.ts';
import { applyEnglishNames, Romaniser } from './english.ts';
import type { Gazetteer, GazetteerPlace, ResolveContext } from './types.ts';

export type { Gazetteer, GazetteerPlace, ResolveContext } from './types.ts';

/** How a form was made; kept for the docs and for explaining dropped forms. */
export type FormKind = 'name' | 'short' | 'compound' | 'alias';

/** One meaning of a written form, valid for a span of years (a renamed unit's old name has its own span). */
export interface FormRef {
  id: string;
  kind: FormKind;
  from: number | null;
  to: number | null;
  /** Approval month (YYYY-MM) of the change that started / ended this name, when known. */
  startEvent?: string;
  endEvent?: string;
}

export interface DroppedForm {
  form: string;
  reason: string;
}

export interface LoadedGazetteer extends Gazetteer {
  /** Every meaning of every form (for tests, docs and the audit). */
  readonly formIndex: ReadonlyMap<string, readonly FormRef[]>;
  /** Derived short forms that were not kept, with the reason. */
  readonly dropped: readonly DroppedForm[];
}

/** A reviewed entry of data/places/ (parks, macro-regions, new areas), as the input loader validated it. */
type CuratedPlace = CuratedPlaceEntry;

/**
 * The area-code CSV's own naming convention, not extraction vocabulary (kept in code on purpose): every admin unit's
 * official name ends in 省 (province), 市 (city) or 县/市/区 (county level), and its short form drops that character.
 */
const SUFFIXES = ['县', '市', '区'] as const;

/** Month precision of a date ("2014-01-20" → "2014-01"); undefined when only the year is given. */
function monthOf(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  return m ? `${m[1]}-${m[2]}` : undefined;
}

type Status = 'in' | 'transition' | 'out';

/**
 * Whether a form's meaning was in force on `date`. The CSV's years are "as of 31 December": a row starting in year Y
 * first appears in Y's year-end list, so during Y both the old and the new unit are possible. A known approval month
 * decides (the new name from its approval month on); otherwise the reading is a 'transition' and wins only if alone.
 */
export function statusOn(ref: Pick<FormRef, 'from' | 'to' | 'startEvent' | 'endEvent'>, date: string): Status {
  const year = Number(date.slice(0, 4));
  const month = monthOf(date);
  let result: Status = 'in';
  if (ref.from !== null && ref.from > year - 1) {
    if (ref.from > year) return 'out';
    if (ref.startEvent && month) {
      if (month < ref.startEvent) return 'out';
    } else result = 'transition';
  }
  if (ref.to !== null && ref.to <= year) {
    if (ref.to < year) return 'out';
    if (ref.endEvent && month) {
      if (month >= ref.endEvent) return 'out';
    } else result = 'transition';
  }
  return result;
}

function overlaps(a: FormRef, b: FormRef): boolean {
  const aFrom = a.from ?? -Infinity;
  const bFrom = b.from ?? -Infinity;
  const aTo = a.to ?? Infinity;
  const bTo = b.to ?? Infinity;
  return aFrom < bTo && bFrom < aTo;
}

/** The years the plans of data/plans.json span (units valid at any time in them are loaded). */
export function planWindow(plans: readonly Pick<PlanEntry, 'year'>[]): YearWindow {
  const years = plans.map((p) => p.year);
  return { first: Math.min(...years), last: Math.max(...years) };
}

function readPlanWindow(dataDir: string): YearWindow {
  return planWindow(readJsonInput<{ plans: PlanEntry[] }>(join(dataDir, 'plans.json'), 'plans', null).value.plans);
}

/** Every meaning of every form, added once each; the gazetteer's index while it is being built. */
class FormIndexBuilder {
  readonly index = new Map<string, FormRef[]>();
  add(form: string, ref: FormRef): void {
    const refs = this.index.get(form) ?? [];
    if (!refs.some((r) => r.id === ref.id && r.from === ref.from && r.to === ref.to)) refs.push(ref);
    this.index.set(form, refs);
  }
  get(form: string): FormRef[] | undefined {
    return this.index.get(form);
  }
}

/** The approval months of data/places/change-events.json, looked up by "code:name" or code. */
function eventLookup(events: PlacesInputs['changeEvents']['value']['events']) {
  const startEvent = new Map<string, string>();
  const endEvent = new Map<string, string>();
  for (const e of events) {
    for (const k of e.from) endEvent.set(k, e.approved);
    for (const k of e.to) startEvent.set(k, e.approved);
  }
  return (s: NamedSpan): Pick<FormRef, 'startEvent' | 'endEvent'> => ({
    startEvent: startEvent.get(`${s.code}:${s.name}`) ?? startEvent.get(s.code),
    endEvent: endEvent.get(`${s.code}:${s.name}`) ?? endEvent.get(s.code),
  });
}

/** What the stages share while the gazetteer is built. */
interface Build {
  units: AdminUnits;
  romaniser: Romaniser;
  generic: PlacesInputs['genericTerms']['value'];
  places: GazetteerPlace[];
  forms: FormIndexBuilder;
  dropped: DroppedForm[];
}

/** The province and the prefecture-level cities, each with its full and short name; returns short form → city code. */
function addProvinceAndCities({ units, romaniser, places, forms }: Build): Map<string, string> {
  const p = units.province;
  places.push({
    id: p.code,
    zh: p.name,
    en: romaniser.word(p.name.replace(/省$/, '')),
    level: 'province',
    adminCode: p.code,
    city: null,
    county: null,
    aliases: [],
    pinyin: romaniser.pinyin(p.name),
    validFrom: p.from,
    validTo: p.to,
  });
  forms.add(p.name, { id: p.code, kind: 'name', from: null, to: null });
  forms.add(p.name.replace(/省$/, ''), { id: p.code, kind: 'short', from: null, to: null });
  const cityShort = new Map<string, string>();
  for (const c of units.cities) {
    const short = c.name.replace(/市$/, '');
    cityShort.set(short, c.code);
    places.push({
      id: c.code,
      zh: c.name,
      en: romaniser.word(short),
      level: 'city',
      adminCode: c.code,
      city: c.code,
      county: null,
      aliases: [],
      pinyin: romaniser.pinyin(c.name),
      validFrom: c.from,
      validTo: c.to,
    });
    forms.add(c.name, { id: c.code, kind: 'name', from: null, to: null });
    forms.add(short, { id: c.code, kind: 'short', from: null, to: null });
  }
  return cityShort;
}

interface CountyForms {
  /** Every county form (full names now, kept short forms later) with its city, for the compounds. */
  countyForms: { city: string; form: string; ref: FormRef }[];
  /** Short forms (湖口 for 湖口县) before the clash check. */
  shortCandidates: Map<string, FormRef[]>;
  /** Romanised names of the admin units, for the English names of parks. */
  knownNames: Map<string, string>;
}

/** Counties: each name a code carried gets its own span; short forms are collected for the clash check. */
function addCounties(
  build: Build,
  cityShort: Map<string, string>,
  eventsFor: ReturnType<typeof eventLookup>,
): CountyForms {
  const { units, romaniser, generic, places, forms } = build;
  const shortCandidates = new Map<string, FormRef[]>();
  const countyForms: CountyForms['countyForms'] = [];
  const knownNames = new Map<string, string>([...cityShort.keys()].map((k) => [k, romaniser.word(k)]));
  for (const county of units.counties) {
    const latest = county.names[county.names.length - 1] as NamedSpan;
    const suffix = SUFFIXES.find((s) => latest.name.endsWith(s)) ?? '县';
    const stem = latest.name.slice(0, -1);
    const suffixTerm = generic.suffixes.find((t) => t.zh === suffix);
    const earlier = county.names.slice(0, -1).map((n) => n.name);
    places.push({
      id: county.code,
      zh: latest.name,
      en: `${romaniser.word(stem)} ${suffixTerm?.en ?? 'County'}`,
      level: 'county',
      adminCode: county.code,
      city: county.city,
      county: county.code,
      aliases: [],
      pinyin: romaniser.pinyin(latest.name),
      validFrom: county.names[0]?.from ?? null,
      validTo: latest.to,
      ...(earlier.length > 0
        ? {
            note: `Named ${earlier.join('、')} earlier under the same code (area-code CSV); the old name resolves by date.`,
          }
        : {}),
    });
    for (const span of county.names) {
      const ref: FormRef = { id: county.code, kind: 'name', from: span.from, to: span.to, ...eventsFor(span) };
      forms.add(span.name, ref);
      countyForms.push({ city: county.city, form: span.name, ref });
      const rest = span.name.slice(0, -1);
      if (SUFFIXES.some((s) => span.name.endsWith(s)) && rest.length >= 2) {
        const shortRef: FormRef = { ...ref, kind: 'short' };
        shortCandidates.set(rest, [...(shortCandidates.get(rest) ?? []), shortRef]);
        knownNames.set(rest, romaniser.word(rest));
      }
      knownNames.set(span.name, `${romaniser.word(span.name.slice(0, -1))} ${suffixTerm?.en ?? 'County'}`);
    }
  }
  return { countyForms, shortCandidates, knownNames };
}

/** Keeps a county's short form unless it is a city's short name or shared by two units at once (then dropped, with why). */
function keepShortForms(build: Build, cityShort: Map<string, string>, county: CountyForms): void {
  const { places, forms, dropped } = build;
  for (const [form, refs] of county.shortCandidates) {
    if (cityShort.has(form)) {
      dropped.push({ form, reason: `bare ${form} means the prefecture-level city ${form}市, not the county` });
      continue;
    }
    const fullNameClash = (forms.get(form) ?? []).filter((r) => refs.some((s) => s.id !== r.id && overlaps(r, s)));
    const shortClash = refs.some((a, i) => refs.some((b, j) => i < j && a.id !== b.id && overlaps(a, b)));
    if (fullNameClash.length > 0 || shortClash) {
      dropped.push({ form, reason: `ambiguous: shared by ${[...new Set(refs.map((r) => r.id))].join(', ')}` });
      continue;
    }
    const city = places.find((pl) => pl.id === refs[0]?.id)?.city as string;
    for (const ref of refs) {
      forms.add(form, ref);
      county.countyForms.push({ city, form, ref });
    }
  }
}

/** Compounds a text uses to name a county inside its city: 九江湖口, 赣州南康, 南昌青山湖区, 九江市湖口县. */
function addCompounds({ units, forms }: Build, countyForms: CountyForms['countyForms']): void {
  const cityCodeToForms = new Map<string, string[]>();
  for (const c of units.cities) cityCodeToForms.set(c.code, [c.name, c.name.replace(/市$/, '')]);
  for (const { city, form, ref } of countyForms) {
    for (const cf of cityCodeToForms.get(city) ?? []) {
      if (form.startsWith(cf.replace(/市$/, ''))) continue; // 南昌县 is not written 南昌南昌县
      forms.add(`${cf}${form}`, { ...ref, kind: 'compound' });
    }
  }
}

/** Where each reviewed place with members is written, to name the line of an unknown member. */
type Written = Map<string, { file: PlacesInputs['parks']; index: number }>;

/** The host county and city of a park (checked against the area-code counties), or none for other levels. */
function parkHost(e: CuratedPlace, i: number, file: PlacesInputs['parks'], countyCity: Map<string, string | null>) {
  if (e.level !== 'park') return { city: null, county: null };
  if (!e.county || !countyCity.has(e.county))
    throw file.error(`/places/${i}/county`, `${e.zh}: unknown county ${e.county} (not a county of the area-code list)`);
  return { county: e.county, city: countyCity.get(e.county) ?? null };
}

/**
 * Reviewed places: parks and macro-regions of data/places/. Slugs, reasons and sources are checked by the schemas
 * (src/domain/schemas/input/); references here, with the line.
 */
function addCuratedPlaces(build: Build, inputs: PlacesInputs, knownNames: Map<string, string>): Written {
  const { romaniser, places, forms } = build;
  const countyCity = new Map(places.filter((pl) => pl.level === 'county').map((pl) => [pl.id, pl.city]));
  const written: Written = new Map();
  for (const file of [inputs.parks, inputs.macroRegions]) {
    const entries: CuratedPlace[] = file.value.places;
    for (const [i, e] of entries.entries()) {
      const prefix = e.level === 'park' ? 'park' : e.level === 'newarea' ? 'newarea' : 'macro';
      const id = `${prefix}-${e.slug}`;
      const { city, county } = parkHost(e, i, file, countyCity);
      const notes = [e.reason, e.countySource && `Host county: ${e.countySource}`, e.membersSource, e.note, e.enReason]
        .filter(Boolean)
        .join(' ');
      places.push({
        id,
        zh: e.zh,
        en: e.en ?? romaniser.english(e.zh, knownNames),
        level: e.level,
        adminCode: null,
        city,
        county,
        aliases: [],
        pinyin: romaniser.pinyin(e.zh),
        ...(e.members ? { members: e.members } : {}),
        ...(e.level === 'park' ? { approximate: true } : {}),
        validFrom: e.validFrom ?? null,
        validTo: e.validTo ?? null,
        note: notes,
      });
      const ref: FormRef = {
        id,
        kind: 'alias',
        from: e.validFrom ?? null,
        to: e.validTo ?? null,
        ...(e.approved ? { startEvent: e.approved } : {}),
      };
      for (const form of new Set([e.zh, ...e.aliases])) {
        const clash = (forms.get(form) ?? []).find((r) => r.id !== id && overlaps(r, ref));
        if (clash) throw file.error(`/places/${i}/aliases`, `${e.zh}: form ${form} already means ${clash.id}`);
        forms.add(form, ref);
      }
      written.set(id, { file, index: i });
    }
  }
  return written;
}

/** Each place's aliases (every form that can mean it, longest first); members must be known places. */
function finishPlaces(build: Build, written: Written): Map<string, GazetteerPlace> {
  const { places, forms } = build;
  const byId = new Map(places.map((pl) => [pl.id, pl]));
  for (const [form, refs] of forms.index) {
    for (const r of refs) {
      const pl = byId.get(r.id);
      if (pl && !pl.aliases.includes(form)) pl.aliases.push(form);
    }
  }
  for (const pl of places) pl.aliases.sort((a, b) => b.length - a.length || a.localeCompare(b, 'zh'));
  for (const pl of places) {
    for (const [j, m] of (pl.members ?? []).entries()) {
      const at = written.get(pl.id);
      if (!byId.has(m) && at) throw at.file.error(`/places/${at.index}/members/${j}`, `${pl.zh}: unknown member ${m}`);
    }
  }
  return byId;
}

/** The date rule: the one meaning in force on the date (else the one in transition), narrowed by the context city. */
function resolver(index: ReadonlyMap<string, readonly FormRef[]>, byId: ReadonlyMap<string, GazetteerPlace>) {
  const pick = (ids: Set<string>, context?: ResolveContext): GazetteerPlace | undefined => {
    if (ids.size === 1) return byId.get([...ids][0] as string);
    if (ids.size > 1 && context?.city) {
      const inCity = [...ids].filter((id) => byId.get(id)?.city === context.city);
      if (inCity.length === 1) return byId.get(inCity[0] as string);
    }
    return undefined;
  };
  return (form: string, date: string, context?: ResolveContext): GazetteerPlace | undefined => {
    const refs = index.get(form.trim());
    if (!refs) return undefined;
    const inForce = new Set<string>();
    const transition = new Set<string>();
    for (const r of refs) {
      const s = statusOn(r, date);
      if (s === 'in') inForce.add(r.id);
      else if (s === 'transition') transition.add(r.id);
    }
    if (inForce.size > 0) return pick(inForce, context);
    return pick(transition, context);
  };
}

/**
 * `inputs` are the files of data/places/ as read and validated by scripts/inputs (the build passes the ones it read);
 * without them the gazetteer reads `dataDir` through the same loader. `window` is the span of years the plans cover
 * (the build passes it from the plans it read; by default from `dataDir`/plans.json).
 */
export function loadGazetteer(
  dataDir = 'data',
  inputs: PlacesInputs = loadPlacesInputs(dataDir, null),
  window: YearWindow = readPlanWindow(dataDir),
): LoadedGazetteer {
  const csvFile = inputs.areaCodes.path;
  const generic = inputs.genericTerms.value;
  const build: Build = {
    units: adminUnits(parseAreaCodes(inputs.areaCodes.text, csvFile), csvFile, window),
    romaniser: new Romaniser(inputs.pinyinOverrides.value.overrides, generic.suffixes, generic.words),
    generic,
    places: [],
    forms: new FormIndexBuilder(),
    dropped: [],
  };
  const cityShort = addProvinceAndCities(build);
  const county = addCounties(build, cityShort, eventLookup(inputs.changeEvents.value.events));
  keepShortForms(build, cityShort, county);
  addCompounds(build, county.countyForms);
  const written = addCuratedPlaces(build, inputs, county.knownNames);
  applyEnglishNames(build.places, join(dataDir, 'places', 'english-names.json'));
  const byId = finishPlaces(build, written);
  const index = build.forms.index;
  return {
    places: build.places,
    byId: (id) => byId.get(id),
    resolve: resolver(index, byId),
    forms: [...index.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b, 'zh')),
    formIndex: index,
    dropped: build.dropped,
  };
}
