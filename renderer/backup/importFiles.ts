import type { TripBackup } from '../../shared/backup/format';
import { type BackupFiles, namedBlobHashes } from '../../shared/backup/zip';
import { isBlobType } from '../../shared/blobs';
import { type BlobCandidate, enqueueUpload, putBlobIfAbsent } from '../attachments/blobStore';
import type { BlobUploadRow } from '../attachments/types';
import type { AppDatabase } from '../db/database';

/**
 * The files of a ZIP backup on this device: what the import stored and what is still absent.
 *  - `added`: stored now (they were not on this device);
 *  - `present`: already here, left as they are (same hash = same bytes);
 *  - `missing`: named by the backup's attachments but neither in the ZIP nor on this device — shown as
 *    placeholders until another device uploads them, and listed on the import's result.
 */
export type FilesOutcome = { added: number; present: number; missing: number };

/**
 * Stores a ZIP backup's verified files as blobs. Runs INSIDE the import's transaction (which must
 * include db.blobs and db.blobUploads), so records and files land together or not at all.
 *
 * Only files the backup's live attachments name are stored: anything else would be an orphan the
 * collector frees again. Every blob new on this device also gets an upload row for the backup's trip: a
 * restored device may hold the only copy left, and the uploader first asks the server which hashes it
 * has, so one it already holds costs a single request (blobStore's enqueueUpload, not queueUpload: that
 * one skips a hash a record of the trip already names — true after attaching, but here the records were
 * just restored and their bytes may exist nowhere else).
 */
export async function writeBackupFiles(
  db: AppDatabase,
  backup: TripBackup,
  files: BackupFiles,
  now: number,
): Promise<FilesOutcome> {
  const named = namedBlobHashes(backup);
  const byHash = new Map(files.files.map((f) => [f.hash, f]));
  const current = await db.blobs.bulkGet(named);
  const added: BlobCandidate[] = [];
  const uploads: BlobUploadRow[] = [];
  const outcome: FilesOutcome = { added: 0, present: 0, missing: 0 };
  named.forEach((hash, i) => {
    if (current[i]) {
      outcome.present += 1;
      return;
    }
    const file = byHash.get(hash);
    if (!file || !isBlobType(file.type)) {
      outcome.missing += 1;
      return;
    }
    const size = file.bytes.byteLength;
    added.push({ hash, blob: new Blob([file.bytes], { type: file.type }), type: file.type, size });
    uploads.push({ hash, tripId: backup.trip.id, size, type: file.type, createdAt: now });
    outcome.added += 1;
  });
  // Thumbnails are left out: the list shows the full image until the attachments core makes one.
  for (const candidate of added) await putBlobIfAbsent(db, candidate, now);
  for (const upload of uploads) await enqueueUpload(db, upload, upload.tripId, upload.createdAt);
  return outcome;
}
