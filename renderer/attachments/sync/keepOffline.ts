import { useLiveQuery } from 'dexie-react-hooks';
import { isBlobHash } from '../../../shared/blobs/protocol';
import type { AppDatabase } from '../../db/database';
import { getDb } from '../../db/database';

/**
 * "Keep offline" for a trip: every file its attachments name is downloaded after each sync, so the
 * photos and scans are there in a village without a network. Without it, files come when shown.
 * A per-device choice (db.meta, not synced): one person's laptop may keep a trip the tablet does not.
 */
const PREFIX = 'keepOffline:';
const keyOf = (tripId: string) => `${PREFIX}${tripId}`;

type Listener = (tripId: string, on: boolean) => void;
const listeners = new Set<Listener>();

/** Called when a trip is switched on, so the files start coming without waiting for the next sync. */
export function onKeepOfflineChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function setKeepOffline(tripId: string, on: boolean, db: AppDatabase = getDb()): Promise<void> {
  if (on) await db.meta.put({ key: keyOf(tripId), value: true });
  else await db.meta.delete(keyOf(tripId));
  for (const listener of listeners) listener(tripId, on);
}

export async function isKeptOffline(tripId: string, db: AppDatabase = getDb()): Promise<boolean> {
  return (await db.meta.get(keyOf(tripId)))?.value === true;
}

/** Live: whether this device keeps the trip's files; false while loading. */
export function useKeepOffline(tripId: string): boolean {
  return useLiveQuery(() => isKeptOffline(tripId), [tripId]) ?? false;
}

export async function keptTrips(db: AppDatabase): Promise<string[]> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return rows.filter((row) => row.value === true).map((row) => row.key.slice(PREFIX.length));
}

/** Hashes the trip's live attachments name (the photo and, if kept, its original) not on this device. */
export async function missingBlobsOf(db: AppDatabase, tripId: string): Promise<string[]> {
  const records = await db.attachments.where('tripId').equals(tripId).toArray();
  const named = new Set<string>();
  for (const record of records) {
    if (record._deleted === 1) continue;
    for (const hash of [record.hash, record.originalHash]) if (isBlobHash(hash)) named.add(hash);
  }
  const hashes = [...named];
  // Keys only: which files are here, without reading their rows (this runs live on every blob change).
  const present = new Set(await db.blobs.where('hash').anyOf(hashes).primaryKeys());
  return hashes.filter((hash) => !present.has(hash));
}

/**
 * Downloads, one after the other, what the kept trips are missing. A file that does not come (not on
 * the server yet, offline) is tried again after the next sync. Returns how many arrived.
 */
export async function fetchKeptTrips(
  db: AppDatabase,
  ensureBlob: (hash: string, tripId: string) => Promise<boolean>,
  signal?: AbortSignal,
): Promise<number> {
  let fetched = 0;
  for (const tripId of await keptTrips(db)) {
    for (const hash of await missingBlobsOf(db, tripId)) {
      if (signal?.aborted) return fetched;
      // A file not on the server yet (its device has not uploaded it) must not hold up the others.
      if (await ensureBlob(hash, tripId)) fetched += 1;
    }
  }
  return fetched;
}
