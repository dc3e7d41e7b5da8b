import { describe, expect, it, vi } from 'vitest';
import { createOffline, type OfflineState, type RegisterOptions } from './state';

function setup(supported = true) {
  const states: OfflineState['status'][] = [];
  let options: RegisterOptions = {};
  const updateSW = vi.fn(async () => {});
  const intervals: (() => void)[] = [];
  const controller = createOffline(
    (o) => {
      options = o;
      return updateSW;
    },
    (s) => states.push(s.status),
    { supported, setInterval: (fn) => intervals.push(fn), clearInterval: () => {} },
  );
  return { states, options: () => options, updateSW, controller, intervals };
}

const registration = (r: Partial<ServiceWorkerRegistration>) => r as ServiceWorkerRegistration;

describe('createOffline', () => {
  it('says "unsupported" and registers nothing without service workers', () => {
    const { states, options } = setup(false);
    expect(states).toEqual(['unsupported']);
    expect(options().onOfflineReady).toBeUndefined();
  });

  it('goes from registering to ready on the first visit, then to update when a new version waits', async () => {
    const { states, options, updateSW, controller } = setup();
    options().onRegisteredSW?.('./sw.js', registration({ active: null, installing: {} as ServiceWorker }));
    options().onOfflineReady?.();
    options().onNeedRefresh?.();
    expect(states).toEqual(['registering', 'ready', 'update']);
    await controller.update();
    expect(updateSW).toHaveBeenCalledWith(true);
  });

  it('is ready at once on a later visit, when the worker is already active', () => {
    const { states, options } = setup();
    options().onRegisteredSW?.('./sw.js', registration({ active: {} as ServiceWorker }));
    expect(states).toEqual(['registering', 'ready']);
  });

  it('does not hide a waiting update behind a late offline-ready', () => {
    const { states, options, controller } = setup();
    options().onNeedRefresh?.();
    options().onOfflineReady?.();
    expect(controller.getState().status).toBe('update');
    expect(states).toEqual(['registering', 'update']);
  });

  it('reports a registration error with its message', () => {
    const { options, controller } = setup();
    options().onRegisterError?.(new Error('SecurityError'));
    expect(controller.getState()).toEqual({ status: 'error', error: 'SecurityError' });
  });

  it('checks for a new version periodically and ignores a failed (offline) check', async () => {
    const update = vi.fn(() => Promise.reject(new Error('offline')));
    const { options, intervals } = setup();
    options().onRegisteredSW?.('./sw.js', registration({ active: {} as ServiceWorker, update }));
    expect(intervals).toHaveLength(1);
    intervals[0]?.();
    expect(update).toHaveBeenCalledTimes(1);
  });
});
