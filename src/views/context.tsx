/** What every view shares: the loaded data, the store, derived data for the current filters, and map commands. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ChangeRow } from '../analysis/changes.ts';
import type { Matrix } from '../analysis/matrix.ts';
import type { ExplorerData } from '../data/load.ts';
import type { Assignment } from '../domain/types.ts';
import type { SnapshotOverlay } from '../map/snapshot.ts';
import type { ColorMode } from '../state/colors.ts';
import type { PlaceSummary } from '../state/selectors.ts';
import type { ExplorerActions, ExplorerState, ExplorerStore } from '../state/store.ts';

export type { SnapshotOverlay };

export interface Derived {
  visible: Assignment[];
  summary: Map<string, PlaceSummary>;
  mode: ColorMode;
  fills: Map<string, string>;
  /** Change view only: the change rows between the two compared plans, and each place's kind (map feature-state). */
  changes: ChangeRow[] | null;
  kinds: Map<string, string>;
  /** Matrix view only: the matrix under the current filters. */
  matrix: Matrix | null;
}

/** Camera commands views may give the map (a narrow handle: only the map module changes the style). */
export interface MapCommands {
  focusPlace(id: string): void;
  resetCamera(): void;
  /** Re-measure the container (after the map was hidden behind another view). */
  resize(): void;
  /** A PNG of the map with a title, legend and source line drawn around it; null when the map is not ready. */
  snapshot(overlay: SnapshotOverlay): Promise<Blob | null>;
}

export interface ExplorerContextValue {
  data: ExplorerData;
  store: ExplorerStore;
  derived: Derived;
  mapCommands: { current: MapCommands | null };
}

export const ExplorerContext = createContext<ExplorerContextValue | null>(null);

export function useExplorer(): ExplorerContextValue {
  const v = useContext(ExplorerContext);
  if (!v) throw new Error('useExplorer outside ExplorerContext');
  return v;
}

export function useExplorerState<T>(selector: (s: ExplorerState & ExplorerActions) => T): T {
  return useStore(useExplorer().store, selector);
}
