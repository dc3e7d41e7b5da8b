/**
 * The service worker's state for the UI (a badge), kept apart from the explorer state: it describes this browser,
 * not the view, so it is never in the URL. main.tsx feeds it from registerOffline; tests set it directly.
 */
import { createStore } from 'zustand/vanilla';
import type { OfflineState } from './state.ts';

export interface OfflineStatusState extends OfflineState {
  /** Switch to the waiting version (set once registered). */
  update?: () => Promise<void>;
}

export const offlineStatus = createStore<OfflineStatusState>()(() => ({ status: 'unsupported' }));
