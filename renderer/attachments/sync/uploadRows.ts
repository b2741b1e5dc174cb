import { type AppDatabase, getDb } from '../../db/database';
import type { BlobUploadRow } from '../types';

/**
 * What the uploader adds to a `blobUploads` row (renderer/attachments/types.ts lets it): how far a
 * chunked upload got, so a crash, a restart or a lost connection resumes where it stopped, and, for a
 * file the server will never take, why — kept for the screens instead of retrying it forever.
 */
export type UploadFailure = {
  /** The server's code (blob_too_large, unsupported_blob_type, heic_not_supported, not_trip_member…). */
  code: string;
  /** The server's own words (English); screens show their translation by code. */
  message: string;
  status?: number;
  /** e.g. `{size, maxBytes}` or `{declared, detected}`. */
  details?: unknown;
  failedAt: number;
};

export type UploadProgress = {
  /** Absent or 'pending': waiting or being sent; 'failed': refused for good, see `failure`. */
  state?: 'pending' | 'failed';
  uploadId?: string;
  chunkSize?: number;
  chunkCount?: number;
  /** Chunk indices the server holds, as of the last answer (for progress; the server's list wins). */
  received?: number[];
  failure?: UploadFailure;
};

export type UploadRow = BlobUploadRow & UploadProgress;

export const isFailed = (row: UploadRow): boolean => row.state === 'failed';

/** Pending uploads, oldest first (the table has no createdAt index; it is small). */
export async function pendingUploads(db: AppDatabase): Promise<UploadRow[]> {
  const rows = (await db.blobUploads.toArray()) as UploadRow[];
  return rows.filter((row) => !isFailed(row)).sort((a, b) => a.createdAt - b.createdAt);
}

export async function failedUploads(db: AppDatabase, tripId?: string): Promise<UploadRow[]> {
  const rows = (
    tripId ? await db.blobUploads.where('tripId').equals(tripId).toArray() : await db.blobUploads.toArray()
  ) as UploadRow[];
  return rows.filter(isFailed);
}

/** Writes progress only while the row exists (it may have been removed with its last attachment). */
export async function saveProgress(db: AppDatabase, hash: string, patch: UploadProgress): Promise<void> {
  await db.blobUploads.update(hash, patch);
}

export async function markFailed(db: AppDatabase, hash: string, failure: UploadFailure): Promise<void> {
  await db.blobUploads.update(hash, { state: 'failed', failure });
}

/**
 * "Try again" for a refused file (e.g. after the administrator raised the limit, or the person was
 * added to the trip): back to pending, from the start.
 */
export async function retryFailedUpload(hash: string, db: AppDatabase = getDb()): Promise<void> {
  await db.blobUploads
    .where('hash')
    .equals(hash)
    .modify((row: Record<string, unknown>) => {
      row.state = 'pending';
      delete row.failure;
      delete row.uploadId;
      delete row.received;
    });
}
