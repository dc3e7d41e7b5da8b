/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { createOffline, type OfflineController, type OfflineState } from './state';

export type { OfflineController, OfflineState, OfflineStatus } from './state';

/**
 * Register the service worker built by vite-plugin-pwa (registerType 'prompt') and report its state.
 * Call once at start-up; show a badge from `onChange` ('ready' → "可离线使用 / Offline ready",
 * 'update' → a button calling controller.update()). Under `vite` dev there is no worker: the state is 'unsupported'.
 */
export function registerOffline(onChange: (state: OfflineState) => void): OfflineController {
  const supported =
    import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator && window.isSecureContext;
  return createOffline(registerSW, onChange, { supported });
}
