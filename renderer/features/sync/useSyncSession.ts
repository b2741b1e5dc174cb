import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { readLastSyncAt, readLastUsername, readServerUrl, readUser } from '../../sync/syncMeta';
import type { SyncUser } from '../../sync/transport';

export type SyncSession = {
  serverUrl: string | null;
  user: SyncUser | null;
  lastUsername: string;
  lastSyncAt: number | null;
};

/** The session as stored on the device (server address, user), live. */
export function useSyncSession(): SyncSession | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [serverUrl, user, lastUsername, lastSyncAt] = await Promise.all([
      readServerUrl(db),
      readUser(db),
      readLastUsername(db),
      readLastSyncAt(db),
    ]);
    return { serverUrl, user, lastUsername, lastSyncAt };
  }, []);
}
