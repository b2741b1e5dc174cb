import { chunkRange, type UploadAnswer } from '../../../shared/blobs/protocol';
import type { AppDatabase } from '../../db/database';
import { SyncError } from '../../sync/errors';
import { sha256Hex } from '../hash';
import type { BlobClient } from './client';
import { saveProgress, type UploadRow } from './uploadRows';

/**
 * The resumable upload of one file for one trip (docs/attachments-server.md, "Resumable uploads"):
 * resume the upload named in the row or start one, send the chunks the server says are missing (each
 * with its SHA-256), complete. Progress is written to the row after every chunk, so whatever stops it
 * — a crash, a lost connection — the next attempt sends only what is still missing.
 */

/** A damaged chunk is sent again this often within one pass before the pass gives up for a while. */
const CHUNK_ATTEMPTS = 3;

export async function sendInChunks(
  db: AppDatabase,
  client: BlobClient,
  row: UploadRow,
  blob: Blob,
): Promise<void> {
  let answer = await resumeOrStart(client, row, blob);
  // Each round sends what the server says is missing; a part the server lost is asked for again.
  for (let round = 0; round < 3; round++) {
    if (answer.state === 'done') return;
    const upload = answer.upload;
    await saveProgress(db, row.hash, {
      state: 'pending',
      uploadId: upload.uploadId,
      chunkSize: upload.chunkSize,
      chunkCount: upload.chunkCount,
      received: upload.received,
    });
    for (const index of upload.missing) {
      const sent = await sendChunk(client, row, blob, upload.uploadId, upload.chunkSize, index);
      if (sent.state === 'done') return;
      await saveProgress(db, row.hash, { received: sent.upload.received });
    }
    try {
      answer = await client.complete(row.tripId, row.hash, upload.uploadId);
    } catch (error) {
      if (!(error instanceof SyncError) || error.code !== 'upload_incomplete') throw error;
      answer = await client.uploadStatus(row.tripId, row.hash, upload.uploadId);
    }
  }
  if (answer.state !== 'done') throw new SyncError('server', 'The upload did not complete; trying later');
}

/** The open upload named in the row (after a crash or a lost connection), else a new one. */
async function resumeOrStart(client: BlobClient, row: UploadRow, blob: Blob): Promise<UploadAnswer> {
  if (row.uploadId) {
    try {
      return await client.uploadStatus(row.tripId, row.hash, row.uploadId);
    } catch (error) {
      // Expired (7 days untouched) or discarded: start again from zero.
      if (!(error instanceof SyncError) || error.code !== 'upload_not_found') throw error;
    }
  }
  return client.startUpload(row.tripId, row.hash, blob.size, row.type);
}

async function sendChunk(
  client: BlobClient,
  row: UploadRow,
  blob: Blob,
  uploadId: string,
  chunkSize: number,
  index: number,
): Promise<UploadAnswer> {
  const { start, end } = chunkRange(index, blob.size, chunkSize);
  const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
  const digest = await sha256Hex(bytes);
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.putChunk(row.tripId, row.hash, uploadId, index, bytes, digest);
    } catch (error) {
      // Damaged on the way: the server kept nothing; the same bytes again usually arrive whole.
      const damaged = error instanceof SyncError && error.code === 'chunk_hash_mismatch';
      if (!damaged) throw error;
      if (attempt >= CHUNK_ATTEMPTS)
        throw new SyncError('network', `Chunk ${index} kept arriving damaged; trying later`);
    }
  }
}
