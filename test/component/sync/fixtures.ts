import { AppDatabase, setDb } from '../../../renderer/db/database';
import { setPlatformForTesting } from '../../../renderer/platform';
import { createWebPlatform } from '../../../renderer/platform/webPlatform';
import { useSettings } from '../../../renderer/state/settings';
import { initialSyncStatus, useSyncStatus } from '../../../renderer/sync/status';
import { newId } from '../../../shared/ids';

/** A fresh database and status store per test, in Chinese (the app's first language). */
export function freshSyncTest(): AppDatabase {
  const db = new AppDatabase(`test-${newId()}`);
  setDb(db);
  useSettings.setState({ lang: 'zh-CN', currentTripId: null });
  useSyncStatus.setState(initialSyncStatus());
  return db;
}

/** The web platform over an in-memory token store (no sessionStorage needed). */
export function memoryPlatform() {
  const tokens = new Map<string, string>();
  const platform = createWebPlatform({
    storage: {
      getItem: (k) => tokens.get(k) ?? null,
      setItem: (k, v) => void tokens.set(k, v),
      removeItem: (k) => void tokens.delete(k),
    },
  });
  setPlatformForTesting(platform);
  return { platform, tokens };
}

/**
 * jsdom has no layout, so a virtualised list would render no rows: give elements a size while a test
 * runs. Returns the function that restores jsdom's getters.
 */
export function stubLayout(): () => void {
  const proto = HTMLElement.prototype;
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 1200 });
  return () => {
    Reflect.deleteProperty(proto, 'clientHeight');
    Reflect.deleteProperty(proto, 'clientWidth');
  };
}
