import { create } from 'zustand';

/**
 * Asks the browser to keep our IndexedDB even under storage pressure. Without it, Chromium may evict
 * the origin's data when the disk fills up, and an expert would lose a day's records. (Usage and quota
 * are shown from renderer/attachments/storage.ts, which rereads them as files are stored.)
 */
type StorageState = { persisted: boolean | null };

export const useStorageStatus = create<StorageState>(() => ({ persisted: null }));

export async function requestPersistentStorage(): Promise<void> {
  const storage = globalThis.navigator?.storage;
  if (!storage) return;
  try {
    let persisted = (await storage.persisted?.()) ?? false;
    if (!persisted && storage.persist) persisted = await storage.persist();
    useStorageStatus.setState({ persisted });
  } catch {
    useStorageStatus.setState({ persisted: false });
  }
}
