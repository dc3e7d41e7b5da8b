/**
 * The offline state machine, kept free of `virtual:pwa-register` so it can be tested in node with a fake register.
 *
 * unsupported  no service worker here (old browser, http on a non-localhost host, dev server, tests)
 * registering  the worker is being registered; the first visit stays here until precaching finishes
 * ready        the whole explorer (app shell, data, seeds, label fonts) is cached: it works with the network off
 * update       a newer version is cached and waiting; call update() to switch to it (the page reloads)
 * error        registration failed; the app still works online
 */

export type OfflineStatus = 'unsupported' | 'registering' | 'ready' | 'update' | 'error';

export interface OfflineState {
  status: OfflineStatus;
  /** The registration error, for the console or a tooltip. */
  error?: string;
}

/** The subset of vite-plugin-pwa's RegisterSWOptions used here. */
export interface RegisterOptions {
  immediate?: boolean;
  onNeedRefresh?: () => void;
  onOfflineReady?: () => void;
  onRegisteredSW?: (swUrl: string, registration: ServiceWorkerRegistration | undefined) => void;
  onRegisterError?: (error: unknown) => void;
}

export type RegisterFn = (options: RegisterOptions) => (reloadPage?: boolean) => Promise<void>;

export interface OfflineController {
  getState(): OfflineState;
  /** Activate the waiting version and reload (only meaningful in the 'update' state). */
  update(): Promise<void>;
  /** Stop the periodic update checks. */
  stop(): void;
}

export interface OfflineEnvironment {
  /** Whether service workers can run here (e.g. 'serviceWorker' in navigator && isSecureContext). */
  supported: boolean;
  /** How often to ask the server for a new version while the page stays open; 0 = never. */
  checkEveryMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export function createOffline(
  register: RegisterFn,
  onChange: (state: OfflineState) => void,
  env: OfflineEnvironment,
): OfflineController {
  let state: OfflineState = { status: env.supported ? 'registering' : 'unsupported' };
  let timer: unknown;
  const set = (next: OfflineState) => {
    // An update waiting is never downgraded back to "ready" by a late offline-ready event.
    if (state.status === 'update' && next.status === 'ready') return;
    state = next;
    onChange(state);
  };
  onChange(state);
  if (!env.supported) return { getState: () => state, update: async () => {}, stop: () => {} };

  const updateSW = register({
    immediate: true,
    onOfflineReady: () => set({ status: 'ready' }),
    onNeedRefresh: () => set({ status: 'update' }),
    onRegisterError: (error) => set({ status: 'error', error: error instanceof Error ? error.message : String(error) }),
    onRegisteredSW: (_url, registration) => {
      // On later visits the worker is already active and onOfflineReady does not fire again.
      if (registration?.active && !registration.installing && !registration.waiting) set({ status: 'ready' });
      const every = env.checkEveryMs ?? 60 * 60 * 1000;
      if (registration && every > 0) {
        const start = env.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
        timer = start(() => {
          // Offline or a failed check is not an error worth showing; try again next time.
          registration.update().catch(() => {});
        }, every);
      }
    },
  });
  const stop = () => {
    if (timer !== undefined) (env.clearInterval ?? ((h: unknown) => clearInterval(h as number)))(timer);
    timer = undefined;
  };
  return { getState: () => state, update: () => updateSW(true), stop };
}
