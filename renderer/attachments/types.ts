import type { BlobType } from '../../shared/blobs';
import type { AttachmentMessageKey } from '../../shared/i18n/messages/attachmentsCore';

/** The record a file is attached to. */
export type AttachTarget = { tripId: string; recordTable: 'visits' | 'agreements'; recordId: string };

/**
 * One stored blob: the bytes by their SHA-256 (64 lowercase hex digits). Not a synced record: the
 * bytes travel through the blob endpoints (renderer/attachments/sync/), the records that name them
 * through record sync. `lastUsed` (ms since epoch) protects young or recently shown blobs from the
 * collector, see collect.ts.
 */
export type BlobRow = {
  hash: string;
  blob: Blob;
  type: BlobType;
  size: number;
  /** A small JPEG for lists (photos only; scans/PDFs and signatures have none). */
  thumb?: Blob;
  createdAt: number;
  lastUsed: number;
};

/**
 * A blob still to upload for a trip. The upload helper drains this table and may add its own progress
 * fields (upload id, chunk state); the device-side core only creates rows and never reads those fields.
 */
export type BlobUploadRow = {
  hash: string;
  tripId: string;
  size: number;
  type: BlobType;
  createdAt: number;
  /**
   * Further trips to upload the same bytes for, after `tripId` (the table is keyed by hash alone, so
   * one row serves every trip that still waits for these bytes).
   */
  moreTripIds?: string[];
  [progress: string]: unknown;
};

export type RefusalReason = 'type' | 'size' | 'unreadable' | 'quota';

/** A file addFiles did not store, with the words to show (message key + params for t()). */
export type Refused = {
  name: string;
  reason: RefusalReason;
  message: AttachmentMessageKey;
  params?: Record<string, string | number>;
};

export type AddFilesOptions = { kind: 'photo' | 'scan'; keepOriginal?: boolean };
