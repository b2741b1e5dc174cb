/**
 * What the engine needs from its surroundings, injectable so tests can drive time and the network by
 * hand: timers, and whether the device has a network.
 */
export type Timers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type OnlineSignal = {
  isOnline(): boolean;
  /** Calls back with true/false when the device's network comes and goes. Returns the unsubscribe. */
  subscribe(listener: (online: boolean) => void): () => void;
};

export const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** navigator.onLine and the window's online/offline events; always online where there is no window (Node). */
export function browserOnlineSignal(): OnlineSignal {
  if (typeof window === 'undefined' || typeof navigator === 'undefined')
    return { isOnline: () => true, subscribe: () => () => undefined };
  return {
    isOnline: () => navigator.onLine !== false,
    subscribe(listener) {
      const on = () => listener(true);
      const off = () => listener(false);
      window.addEventListener('online', on);
      window.addEventListener('offline', off);
      return () => {
        window.removeEventListener('online', on);
        window.removeEventListener('offline', off);
      };
    },
  };
}

/** Waits `ms` on the given timers; resolves early when `signal` aborts. */
export function sleep(timers: Timers, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const handle = timers.setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        timers.clearTimeout(handle);
        resolve();
      },
      { once: true },
    );
  });
}
