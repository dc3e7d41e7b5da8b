/** What every view shares: the loaded data, the store, derived data for the current filters, and map commands. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ExplorerData } from '../data/load.ts';
import type { Assignment } from '../domain/types.ts';
import type { ColorMode } from '../state/colors.ts';
import type { PlaceSummary } from '../state/selectors.ts';
import type { ExplorerActions, ExplorerState, ExplorerStore } from '../state/store.ts';

export interface Derived {
  visible: Assignment[];
  summary: Map<string, PlaceSummary>;
  mode: ColorMode;
  fills: Map<string, string>;
}

/** Camera commands views may give the map (a narrow handle: only the map module changes the style). */
export interface MapCommands {
  focusPlace(id: string): void;
  resetCamera(): void;
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
