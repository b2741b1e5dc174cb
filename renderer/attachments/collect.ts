import { deletedTripIds } from '../data/repository';
import { type AppDatabase, getDb } from '../db/database';

export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;

export type CollectResult = { freed: number; freedBytes: number; kept: number };

/**
 * Free the bytes no live attachment names any more — eventually and safely. A blob is deleted only
 * when ALL hold:
 *  - no live (not tombstoned) attachments record of a live trip names it, as `hash` or as
 *    `originalHash` (a deleted trip's records stay on the device, but its photos should not hold space);
 *  - no upload of it is pending (the server may still need these bytes from us);
 *  - it was neither stored nor shown within `graceMs` (default one day). Bytes can arrive before the
 *    record that names them (a ZIP import, a download racing a pull, another device's record still on
 *    its way), and a removal can be undone by a sync that revives the record: a young blob is kept.
 *
 * The check and the deletes run in one transaction, so a record written meanwhile cannot lose its
 * bytes. Not called anywhere by this module: the app calls it when idle (e.g. after a sync, or at
 * start-up), see the integration notes in renderer/attachments/README.md.
 */
export async function collectUnreferencedBlobs(
  db: AppDatabase = getDb(),
  { graceMs = DEFAULT_GRACE_MS, now = Date.now() }: { graceMs?: number; now?: number } = {},
): Promise<CollectResult> {
  return db.transaction('rw', [db.blobs, db.blobUploads, db.attachments, db.trips], async () => {
    const cutoff = now - graceMs;
    const old = await db.blobs.where('lastUsed').below(cutoff).toArray();
    if (old.length === 0) return { freed: 0, freedBytes: 0, kept: 0 };
    const deletedTrips = await deletedTripIds(db);
    const named = new Set<string>();
    await db.attachments.each((a) => {
      if (a._deleted !== 0 || deletedTrips.has(a.tripId)) return;
      named.add(a.hash);
      if (a.originalHash) named.add(a.originalHash);
    });
    const pending = new Set((await db.blobUploads.toCollection().primaryKeys()) as string[]);
    const free = old.filter((b) => b.createdAt < cutoff && !named.has(b.hash) && !pending.has(b.hash));
    await db.blobs.bulkDelete(free.map((b) => b.hash));
    return {
      freed: free.length,
      freedBytes: free.reduce((sum, b) => sum + b.size + (b.thumb?.size ?? 0), 0),
      kept: old.length - free.length,
    };
  });
}
