/**
 * The data contract shared by the build (scripts/) and the app (src/).
 * Every published file in public/data/ is described here and by a JSON Schema in ./schemas.
 * Bump SCHEMA_VERSION when a published shape changes incompatibly.
 */
import type { MultiPolygon, Point, Polygon } from 'geojson';

export const SCHEMA_VERSION = 1;

/** Strongest first: the order used to pick "the strongest role" of a place. */
export const ROLES = ['core', 'focus', 'supporting'] as const;
export type Role = (typeof ROLES)[number];

export const PLACE_LEVELS = ['province', 'macro', 'city', 'county', 'park', 'newarea'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** One source document (a row of plans.json). */
export interface Plan {
  /** Stable slug, e.g. "2012-it-12th-fyp". */
  id: string;
  /** File name inside seeds/. */
  file: string;
  titleZh: string;
  titleEn: string;
  issuerZh: string;
  issuerEn: string;
  /** ISO date (YYYY-MM-DD, or YYYY-MM when only the month is known). */
  issued: string;
  /** The year the year filter uses. Several plans may share a year. */
  year: number;
  /** Target years the plan names (e.g. [2015, 2017]). */
  horizon: number[];
}

export interface PlaceProperties {
  /** Full official name as meant by the plans (e.g. 南康市 for the 2012 plan's 南康). */
  zh: string;
  en: string;
  level: PlaceLevel;
  /** 6-digit GB/T 2260 code for cities and counties (and the province); null otherwise. */
  adminCode: string | null;
  /** Code of the prefecture-level city containing the place; null for the province and macro-regions. */
  city: string | null;
  /** Host county code for parks; the county's own code for counties; null otherwise. */
  county: string | null;
  /** Every form the texts (or users) use for the place, including zh. */
  aliases: string[];
  /** Toneless pinyin of zh, lower case, for search (e.g. "nan chang shi"). */
  pinyin: string;
  /** Macro-regions and new areas: ids of the member places. */
  members?: string[];
  /** True when the geometry is a stand-in (a park's point: never its footprint). */
  approximate?: boolean;
  /**
   * Parks only: how precise the point is. zone = the zone's own NBS statistical unit; township = its host township;
   * county = only "somewhere in the host county" (data/places/park-positions.json).
   */
  positionPrecision?: PositionPrecision;
  /** Parks only: why the park is drawn there (the unit, its source, and how the point was derived). */
  positionSource?: string;
  /** Years the unit existed under this name: valid from `validFrom` (inclusive) to `validTo` (exclusive; null = still). */
  validFrom?: number | null;
  validTo?: number | null;
  /** Why this place exists in the gazetteer when it is a human decision (parks, macro-regions, corrections). */
  note?: string;
}

export type PositionPrecision = 'zone' | 'township' | 'county';

export type PlaceGeometry = Polygon | MultiPolygon | Point;

export interface PlaceFeature {
  type: 'Feature';
  /** Place id: the adminCode for cities and counties ("360100"); "park-…", "macro-…", "newarea-…" otherwise. */
  id: string;
  properties: PlaceProperties;
  geometry: PlaceGeometry | null;
}

export interface PlacesCollection {
  type: 'FeatureCollection';
  schemaVersion: number;
  /** Provenance of the boundaries (source, licence, vintage, datum). */
  attribution: string;
  features: PlaceFeature[];
}

/**
 * places.topo.json: the same places as places.geojson as a TopoJSON topology, which the app reads (about a quarter of
 * the bytes: every border is stored once, as an arc shared by the counties, cities, regions and province it bounds).
 * Coordinates are integers on the 0.0001° grid of places.geojson (`transform`), arcs delta-encoded (TopoJSON 1.0);
 * decoded and rounded to 4 decimals they are exactly the GeoJSON's coordinates (checked by the build).
 */
export interface PlacesTopology {
  type: 'Topology';
  schemaVersion: number;
  attribution: string;
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: {
    places: {
      type: 'GeometryCollection';
      geometries: {
        type: 'Polygon' | 'MultiPolygon' | 'Point' | null;
        id: string;
        properties: PlaceProperties;
        arcs?: number[][] | number[][][];
        coordinates?: [number, number];
      }[];
    };
  };
}

export interface Industry {
  /** Stable English slug, e.g. "pharma", "pharma-tcm". */
  id: string;
  zh: string;
  en: string;
  /** Parent industry id; null for a top-level industry. */
  parent: string | null;
  /** Other forms the texts use (e.g. 光伏 for 光伏产业). */
  aliases: string[];
  /** Toneless pinyin of zh, space-separated ("guang fu"), written by the build so the app needs no pinyin library. */
  pinyin: string;
}

/** Where a quote sits in its seed: 1-based line, character offsets (UTF-16 = code points here) within that line. */
export interface SourceRef {
  file: string;
  line: number;
  start: number;
  end: number;
}

/** One (plan, sentence, place, industry) claim, as the extraction finds it (the Chinese half of an Assignment). */
export interface ExtractedAssignment {
  id: string;
  plan: string;
  place: string;
  industry: string;
  /** The industry as the text writes it (may be a sub-industry or product family). */
  industryZh: string;
  /** The place as the text writes it (e.g. 南昌高新区), for highlighting inside the quote. */
  placeText: string;
  role: Role;
  products: string[];
  enterprises: string[];
  /** Verbatim text of the sentence: exactly line[start..end) of source.file. */
  quote: string;
  source: SourceRef;
}

/**
 * The English the build attaches to an assignment (scripts/english): the project's own, unofficial translation
 * (data/translations/) and reviewed glossary (data/glossary/). A gap never drops a row: it publishes null or the
 * Chinese text and the build warns (an error with --strict).
 */
export interface AssignmentEnglish {
  /** English of `quote` (the team's translation of that seed sentence); null only when it has none (the build warns). */
  quoteEn: string | null;
  /** The industry as written, in English: the glossary's entry for `industryZh`, else the industry list's `en`. */
  industryTextEn: string;
  /** Parallel to `products` (same length, same order); a term missing from the glossary keeps its Chinese text. */
  productsEn: string[];
  /** Parallel to `enterprises`; companies under their own English name where they have one, else pinyin. */
  enterprisesEn: string[];
}

/** One (plan, sentence, place, industry) claim, as published in assignments.json. */
export interface Assignment extends ExtractedAssignment, AssignmentEnglish {}

export type SentenceStatus =
  /** Produced at least one assignment. */
  | 'assigned'
  /** Describes the present state (◆产业现状, "2010年…已形成"), not a plan. */
  | 'status'
  /** A layout sentence that names no place (a general principle). */
  | 'no-place'
  /** Names places but no industry can be attached. */
  | 'no-industry'
  /** Anything else, explained by `reason`. */
  | 'other';

/** One audited sentence as the extraction finds it. */
export interface ExtractedAuditSentence {
  line: number;
  start: number;
  end: number;
  text: string;
  /** What kind of passage the sentence belongs to (e.g. "layout", "layout-column", "inline-directive"). */
  passage: string;
  /** The industry the surrounding section is about, if any. */
  sectionIndustry: string | null;
  status: SentenceStatus;
  assignments: string[];
  reason: string | null;
}

/** One audited sentence as published in audit.json. */
export interface AuditSentence extends ExtractedAuditSentence {
  /** The team's English translation of `text` (unofficial); null when it has none (the build warns). */
  en: string | null;
}

export interface AuditWarning {
  file: string;
  line: number;
  message: string;
}

/** The sentence type is a parameter so the extraction can return its plans before the English stage runs. */
export interface AuditPlan<Sentence extends ExtractedAuditSentence = AuditSentence> {
  plan: string;
  file: string;
  sentences: Sentence[];
  counts: { sentences: number; assigned: number; assignments: number; places: number; unresolved: number };
}

export interface AuditFile {
  schemaVersion: number;
  plans: AuditPlan[];
  warnings: AuditWarning[];
}

export interface PlansFile {
  schemaVersion: number;
  plans: Plan[];
}
export interface IndustriesFile {
  schemaVersion: number;
  industries: Industry[];
}
export interface AssignmentsFile {
  schemaVersion: number;
  assignments: Assignment[];
}

/** What a search entry finds: products and enterprises are terms of the assignments (see ./terms.ts). */
export const SEARCH_KINDS = ['place', 'industry', 'product', 'enterprise'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One thing the header search can find (search.json, written by scripts/search so the app needs no pinyin library). */
export interface SearchEntry {
  kind: SearchKind;
  /**
   * Place id, industry id, or for products and enterprises the term key (`termKey` in ./terms.ts: the name without
   * spaces or a company's legal-form suffix), which the app resolves against assignments.json itself.
   */
  id: string;
  /** The name to show: the place's or industry's zh, or the shortest form the plans write for a term. */
  zh: string;
  /** English name; null for a term without one in the data (the app then shows pinyin). */
  en: string | null;
  /** Toneless pinyin of zh, space-separated ("jiang ling ji tuan"). */
  pinyin: string;
  /** Other forms as written (a term's variants, a place's or industry's aliases), without zh. */
  variants: string[];
  /**
   * Normalised match keys (`searchKey` in ./terms.ts): zh, the variants, the term key, pinyin joined, English.
   * The app matches a query in the same form by prefix (ranked first) or substring.
   */
  keys: string[];
  /** Pinyin initials ("jljt"), matched by prefix only (as initials inside a long name would match almost anything). */
  initials: string;
  /** Places the entry leads to (a place: itself; an industry or term: the places assigned it, most claims first). */
  places: string[];
  /** Products and enterprises: the assignments that name the term. */
  assignments: string[];
}

export interface SearchFile {
  schemaVersion: number;
  entries: SearchEntry[];
}

/** File names under public/data/, the only place both halves agree on them. */
export const DATA_FILES = {
  plans: 'plans.json',
  places: 'places.geojson',
  placesTopology: 'places.topo.json',
  industries: 'industries.json',
  assignments: 'assignments.json',
  audit: 'audit.json',
  search: 'search.json',
} as const;
export type DataFileKey = keyof typeof DATA_FILES;
