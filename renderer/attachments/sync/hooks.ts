import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { isFailed, type UploadRow } from './uploadRows';

/**
 * A trip's files still to upload, live: how many wait, and those the server refused (with the reason,
 * see failureText.ts) so a screen can say so and offer "Try again" (retryFailedUpload).
 */
export type UploadQueue = { waiting: number; failed: UploadRow[] };

const EMPTY: UploadQueue = { waiting: 0, failed: [] };

export function useUploadQueue(tripId: string): UploadQueue {
  return (
    useLiveQuery(async () => {
      const rows = (await getDb().blobUploads.where('tripId').equals(tripId).toArray()) as UploadRow[];
      const failed = rows.filter(isFailed);
      return { waiting: rows.length - failed.length, failed };
    }, [tripId]) ?? EMPTY
  );
}

/** Whether a row still has to be sent for `tripId` (its own trip, or one waiting after it). */
const waitsFor = (row: UploadRow, tripId: string): boolean =>
  row.tripId === tripId || (row.moreTripIds ?? []).includes(tripId);

/** Hashes of the trip's files not uploaded yet (waiting or refused), live: the "not uploaded" marks. */
export function useUnsentHashes(tripId: string): ReadonlySet<string> {
  return (
    useLiveQuery(async () => {
      const rows = (await getDb().blobUploads.toArray()) as UploadRow[];
      return new Set(rows.filter((row) => waitsFor(row, tripId)).map((row) => row.hash));
    }, [tripId]) ?? NONE
  );
}
const NONE: ReadonlySet<string> = new Set();

/** One trip's part of the upload queue, for the sync screen. */
export type TripUploads = {
  tripId: string;
  /** The trip's title, or undefined when the trip is not on this device any more. */
  title: string | undefined;
  waiting: number;
  /** The trip's own record has not reached the server yet: its files wait for it. */
  waitingForTrip: boolean;
  failed: UploadRow[];
  /** File names by hash, from the trip's attachments (a refused file is named, not hashed). */
  names: Record<string, string>;
};

/** Every trip's files still to upload, live, trips with refusals first; undefined while loading. */
export function useUploadsOverview(): TripUploads[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const rows = (await db.blobUploads.toArray()) as UploadRow[];
    const byTrip = new Map<string, UploadRow[]>();
    for (const row of rows) byTrip.set(row.tripId, [...(byTrip.get(row.tripId) ?? []), row]);
    const trips: TripUploads[] = [];
    for (const [tripId, tripRows] of byTrip) {
      const failed = tripRows.filter(isFailed);
      const [trip, tripOutbox, records] = await Promise.all([
        db.trips.get(tripId),
        db.outbox.where('recordId').equals(tripId).toArray(),
        failed.length > 0
          ? db.attachments
              .where('hash')
              .anyOf(failed.map((row) => row.hash))
              .toArray()
          : Promise.resolve([]),
      ]);
      const names: Record<string, string> = {};
      for (const record of records)
        if (!names[record.hash]) names[record.hash] = record.name || record.caption;
      trips.push({
        tripId,
        title: trip?.title,
        waiting: tripRows.length - failed.length,
        // The same test as the uploader's: the trip's record still sits in the outbox.
        waitingForTrip: tripOutbox.some((entry) => entry.table === 'trips'),
        failed,
        names,
      });
    }
    return trips.sort(
      (a, b) => b.failed.length - a.failed.length || (a.title ?? '').localeCompare(b.title ?? ''),
    );
  }, []);
}
