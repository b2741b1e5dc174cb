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
