/** What every view shares: the loaded data, the store, derived data for the current filters, and map commands. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ExplorerData } from '../data/load.ts';
import type { SnapshotOverlay } from '../map/snapshot.ts';
import type { Derived, Deriver } from '../state/derived.ts';
import type { ExplorerActions, ExplorerState, ExplorerStore } from '../state/store.ts';

export type { Derived, SnapshotOverlay };

/** Camera commands views may give the map (a narrow handle: only the map module changes the style). */
export interface MapCommands {
  focusPlace(id: string): void;
  /** Shows these places (e.g. where the chosen industry is); no-op for an empty list. */
  fitPlaces(ids: readonly string[]): void;
  resetCamera(): void;
  /** Re-measure the container (after the map was hidden behind another view). */
  resize(): void;
  /** A PNG of the map with a title, legend and source line drawn around it; null when the map is not ready. */
  snapshot(overlay: SnapshotOverlay): Promise<Blob | null>;
}

export interface ExplorerContextValue {
  data: ExplorerData;
  store: ExplorerStore;
  /**
   * The state React renders: it lags the store until the map has drawn a change (useStateAfterMapFrame), so a filter change reaches the map
   * (which subscribes to the store itself) before the panels re-render.
   */
  state: ExplorerState & ExplorerActions;
  derived: Derived;
  /** The memoised derivation shared with the map. */
  derive: Deriver;
  mapCommands: { current: MapCommands | null };
  /**
   * The element that opened the source reader, to take focus back when it closes; and whether the page has settled
   * (a place picked after that moves focus to the panel's heading; one restored from a link on load does not).
   */
  focusReturn: { current: HTMLElement | null };
  settled: { current: boolean };
}

export const ExplorerContext = createContext<ExplorerContextValue | null>(null);

export function useExplorer(): ExplorerContextValue {
  const v = useContext(ExplorerContext);
  if (!v) throw new Error('useExplorer outside ExplorerContext');
  return v;
}

/** Reads the rendered state (it follows the store once the map has drawn a change). */
export function useExplorerState<T>(selector: (s: ExplorerState & ExplorerActions) => T): T {
  return selector(useExplorer().state);
}

/**
 * Reads the store's latest state, re-rendering at once: for controlled form inputs (checkboxes, radios, selects),
 * which React would otherwise reset to the rendered value after the event.
 */
export function useUrgentState<T>(selector: (s: ExplorerState & ExplorerActions) => T): T {
  return useStore(useExplorer().store, selector);
}
