/**
 * The explorer's one serialisable state (what a link reproduces) and the events that change it.
 * Data (plans, places …) is not state: it is loaded once and passed to selectors beside the state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Camera, sameCamera } from '../domain/camera.ts';
import type { TermRef } from '../domain/terms.ts';
import { ROLES, type Role } from '../domain/types.ts';

export const LANGUAGES = ['zh', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A line of a seed document opened in the source view. */
export interface SourceTarget {
  file: string;
  line: number;
}

/** The explorer's views (tabs). */
export const VIEWS = ['map', 'changes', 'matrix', 'overlap'] as const;
export type ViewName = (typeof VIEWS)[number];

/** How industries are compared in the change view and grouped in the matrix (see src/analysis/changes.ts). */
export const LEVELS = ['top', 'exact'] as const;
export type Level = (typeof LEVELS)[number];

/** Matrix row order: by place (grouped by city), by number of industries, or by the role in one industry column. */
export type MatrixSortKey = 'place' | 'count' | { industry: string };

/** Matrix and overlap rows: every place, or only the prefecture-level cities (the planner's quick choice). */
export const ROW_SCOPES = ['all', 'cities'] as const;
export type RowScope = (typeof ROW_SCOPES)[number];

export interface ExplorerState {
  /** 'all' or a plan id. */
  plan: string;
  /** An industry id (includes its sub-industries) or null for all industries. */
  industry: string | null;
  /** Roles shown, always in ROLES order; never empty. */
  roles: Role[];
  /** Selected place id. */
  place: string | null;
  /** A product or enterprise chosen in the search: the panel lists the places the plans give it (URL `term=`). */
  term: TermRef | null;
  lang: Lang;
  /** The source view over the map, or null. */
  source: SourceTarget | null;
  /** The active view (tab). */
  view: ViewName;
  /** Change view: the earlier and later plan; null = the default (earliest / latest plan). */
  from: string | null;
  to: string | null;
  /** Change view and matrix: compare at top-level industries or exactly as written. */
  level: Level;
  /** Matrix row order. */
  sort: MatrixSortKey;
  /** Matrix: only places in this city (a city place id), or null for the whole province. */
  city: string | null;
  /** Matrix: every place or only cities (URL `rows=cities`). */
  rows: RowScope;
  /** Matrix: the cell whose sentences are open in the panel. */
  cell: MatrixCellRef | null;
  /** The map's centre and zoom, or null for the default fit (URL `at=lat,lon,zoom`). */
  camera: Camera | null;
}

/** The camera type and its "same camera" rule live in src/domain/camera.ts (the map uses them too). */
export type { Camera };

export interface MatrixCellRef {
  place: string;
  industry: string;
}

export const DEFAULT_STATE: ExplorerState = {
  plan: 'all',
  industry: null,
  roles: [...ROLES],
  place: null,
  term: null,
  lang: 'zh',
  source: null,
  view: 'map',
  from: null,
  to: null,
  level: 'top',
  sort: 'place',
  city: null,
  rows: 'all',
  cell: null,
  camera: null,
};

export interface ExplorerActions {
  planChosen(plan: string): void;
  industryChosen(industry: string | null): void;
  roleToggled(role: Role): void;
  /** A click on the map or a list entry; null = click on empty map (clears the selection). */
  placeClicked(place: string | null): void;
  /** A product or enterprise was chosen (its places and sentences shown; the selected place let go), or closed. */
  termChosen(term: TermRef | null): void;
  languageChosen(lang: Lang): void;
  sourceOpened(target: SourceTarget): void;
  sourceClosed(): void;
  viewChosen(view: ViewName): void;
  /** The two plans of the change view (null = default for that side). */
  comparisonChosen(from: string | null, to: string | null): void;
  levelChosen(level: Level): void;
  matrixSorted(sort: MatrixSortKey): void;
  cityChosen(city: string | null): void;
  /** Matrix rows: every place or only cities. */
  rowScopeChosen(rows: RowScope): void;
  /** A matrix cell was opened (its sentences shown) or closed (null). */
  cellOpened(cell: MatrixCellRef | null): void;
  /** The user moved the map (debounced, on moveend); null = back at the default fit. */
  cameraMoved(camera: Camera | null): void;
  /** Back to the default view, keeping the language (a reader's preference, not part of the view). */
  resetRequested(): void;
  /** The URL changed (back/forward) or was read on start. */
  urlRestored(state: ExplorerState): void;
}

export type ExplorerStore = StoreApi<ExplorerState & ExplorerActions>;

export function createExplorerStore(initial: Partial<ExplorerState> = {}): ExplorerStore {
  return createStore<ExplorerState & ExplorerActions>()((set, get) => ({
    ...DEFAULT_STATE,
    ...initial,
    planChosen: (plan) => set({ plan }),
    // The industry filter and a chosen product or company both say what the map shows: the newer choice wins.
    industryChosen: (industry) => set(get().term ? { industry, term: null } : { industry }),
    roleToggled: (role) => {
      const has = get().roles.includes(role);
      const roles = ROLES.filter((r) => (r === role ? !has : get().roles.includes(r)));
      // An empty role set shows nothing and looks broken: toggling the last role off selects all again.
      set({ roles: roles.length ? roles : [...ROLES] });
    },
    placeClicked: (place) => set({ place }),
    termChosen: (term) => set(term ? { term, place: null } : { term: null }),
    languageChosen: (lang) => set({ lang }),
    sourceOpened: (source) => set({ source }),
    sourceClosed: () => set({ source: null }),
    viewChosen: (view) => set({ view }),
    comparisonChosen: (from, to) => set({ from, to }),
    levelChosen: (level) => set({ level }),
    matrixSorted: (sort) => set({ sort }),
    cityChosen: (city) => set({ city, cell: null }),
    rowScopeChosen: (rows) => set({ rows, cell: null }),
    cellOpened: (cell) => set({ cell }),
    cameraMoved: (camera) => {
      const prev = get().camera;
      if (camera === prev || (camera && prev && sameCamera(camera, prev))) return;
      set({ camera });
    },
    resetRequested: () => set({ ...DEFAULT_STATE, lang: get().lang }),
    urlRestored: (state) => set(state),
  }));
}

/**
 * The keys of the serialisable state: DEFAULT_STATE must name every key of ExplorerState (tsc), so this is all of
 * them. (The URL table in params.ts is checked against the same interface; it cannot be the source here, as it
 * imports this module.)
 */
const STATE_KEYS = Object.keys(DEFAULT_STATE) as (keyof ExplorerState)[];

/** Only the serialisable part of the store. */
export function pickState(s: ExplorerState): ExplorerState {
  const out: Partial<Record<keyof ExplorerState, unknown>> = {};
  for (const k of STATE_KEYS) out[k] = s[k];
  return out as ExplorerState;
}
