import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  type CreateUploadRequest,
  chunkCountOf,
  chunkRange,
  isBlobHash,
  isBlobType,
  type UploadAnswer,
  type UploadStatus,
} from '../../shared/blobs/protocol';
import { sniffBlobType } from '../../shared/blobs/sniff';
import type { AuthUser } from '../auth/users';
import {
  countOpenUploads,
  deleteUpload,
  expiredUploads,
  findOpenUpload,
  forgetChunk,
  getUpload,
  insertUpload,
  recordChunk,
  type UploadRow,
  updateUploadType,
  uploadChunks,
} from './db';
import {
  chunkHashMismatch,
  chunkOutOfRange,
  chunkSizeMismatch,
  hashMismatch,
  missingChunkHash,
  tooManyUploads,
  unsupportedContent,
  unsupportedDeclaredType,
  uploadIncomplete,
  uploadNotFound,
} from './errors';
import { type BlobService, type DoneAnswer, declaredType } from './service';

/**
 * Resumable uploads: the device announces the blob (size, type), sends chunks in any order, each with
 * its own SHA-256, asks which chunks the server holds after a crash or a restart, and finally asks
 * the server to assemble, verify the whole SHA-256 and publish.
 *
 * Invariants:
 *  - a chunk is recorded only after its bytes matched their announced SHA-256 and exact length and
 *    are durably in the store (a damaged chunk is refused and never stored);
 *  - nothing is published unless the assembled bytes hash to the blob's name;
 *  - an upload belongs to one account; another account (even of the same trip) cannot see or feed it;
 *  - every step is safe to repeat: a repeated chunk is fine, a repeated "complete" answers "done".
 */
export type Answer = { status: number; body: UploadAnswer | { cancelled: boolean } };

export class PartMissing extends Error {
  constructor(readonly index: number) {
    super(`upload part ${index} is missing from the store`);
  }
}

export class Uploads {
  constructor(private readonly blobs: BlobService) {}

  private status(row: UploadRow, chunks: Map<number, string>): UploadStatus {
    const chunkCount = chunkCountOf(row.size, row.chunkSize);
    const all = Array.from({ length: chunkCount }, (_, i) => i);
    return {
      uploadId: row.id,
      tripId: row.tripId,
      hash: row.hash,
      size: row.size,
      type: row.type,
      chunkSize: row.chunkSize,
      chunkCount,
      received: all.filter((i) => chunks.has(i)),
      missing: all.filter((i) => !chunks.has(i)),
      expiresAt: row.updatedMs + this.blobs.settings.uploadTtlMs,
    };
  }

  private async uploading(row: UploadRow): Promise<UploadAnswer> {
    return { state: 'uploading', upload: this.status(row, await uploadChunks(this.blobs.db, row.id)) };
  }

  /**
   * The caller's own upload for this trip and blob; when there is none but the trip has the blob
   * (the upload completed, maybe answered to a lost connection), "done" instead.
   */
  private async own(
    user: AuthUser,
    tripId: string,
    hash: string,
    uploadId: string,
  ): Promise<UploadRow | DoneAnswer> {
    const row = await getUpload(this.blobs.db, uploadId);
    if (row && row.userId === user.id && row.tripId === tripId && row.hash === hash) return row;
    const blob = await this.blobs.storedForTrip(tripId, hash);
    if (blob) return { state: 'done', blob, created: false };
    throw uploadNotFound();
  }

  async create(user: AuthUser, tripId: string, hash: string, request: CreateUploadRequest): Promise<Answer> {
    const type = declaredType(request.type);
    if (!isBlobType(type)) throw unsupportedDeclaredType(type);
    this.blobs.checkSize(request.size);
    const blob = await this.blobs.storedForTrip(tripId, hash);
    if (blob) return { status: 200, body: { state: 'done', blob, created: false } };
    const { db, settings, now } = this.blobs;
    const open = await findOpenUpload(db, hash, tripId, user.id);
    if (open && open.size === request.size) {
      // A device resuming after a crash: the same upload, with what the server already holds.
      if (open.type !== type) await updateUploadType(db, open.id, type, now());
      return { status: 200, body: await this.uploading({ ...open, type }) };
    }
    // The same hash with another size: the earlier announcement was wrong; start afresh.
    if (open) await this.discard(open);
    if ((await countOpenUploads(db, user.id)) >= settings.maxOpenUploadsPerUser) {
      throw tooManyUploads(settings.maxOpenUploadsPerUser);
    }
    const row = await insertUpload(
      db,
      {
        id: randomUUID(),
        hash,
        tripId,
        userId: user.id,
        size: request.size,
        type,
        chunkSize: settings.chunkBytes,
      },
      now(),
    );
    return { status: 201, body: await this.uploading(row) };
  }

  async get(user: AuthUser, tripId: string, hash: string, uploadId: string): Promise<Answer> {
    const row = await this.own(user, tripId, hash, uploadId);
    return { status: 200, body: 'state' in row ? row : await this.uploading(row) };
  }

  async putChunk(
    user: AuthUser,
    tripId: string,
    hash: string,
    uploadId: string,
    index: number,
    announced: string | undefined,
    contentLength: number | undefined,
    body: Readable | undefined,
    header: string,
  ): Promise<Answer> {
    const row = await this.own(user, tripId, hash, uploadId);
    if ('state' in row) return { status: 200, body: row };
    const chunkCount = chunkCountOf(row.size, row.chunkSize);
    if (index >= chunkCount) throw chunkOutOfRange(index, chunkCount);
    if (!isBlobHash(announced)) throw missingChunkHash(header);
    const { start, end } = chunkRange(index, row.size, row.chunkSize);
    const expected = end - start;
    if (contentLength !== undefined && contentLength !== expected) {
      throw chunkSizeMismatch(index, expected, contentLength);
    }
    const { db, scratch, store, now } = this.blobs;
    // The same chunk again (a retry after a lost answer): already verified and stored.
    if ((await uploadChunks(db, row.id)).get(index) === announced)
      return { status: 200, body: await this.uploading(row) };
    const received = await this.blobs.receive(body, expected);
    try {
      if (received.overLimit || received.size !== expected)
        throw chunkSizeMismatch(index, expected, received.size);
      if (received.sha256 !== announced) throw chunkHashMismatch(index, announced, received.sha256);
      if (index === 0) {
        // The first chunk holds the magic numbers: refuse a program before the rest is even sent.
        const detected = sniffBlobType(received.head);
        if (!isBlobType(detected)) throw unsupportedContent(row.type, detected);
      }
      await store.putPart(row.id, index, received);
    } finally {
      await scratch.remove(received);
    }
    await recordChunk(db, row.id, index, announced, now());
    return { status: 200, body: await this.uploading(row) };
  }

  async complete(user: AuthUser, tripId: string, hash: string, uploadId: string): Promise<Answer> {
    const row = await this.own(user, tripId, hash, uploadId);
    if ('state' in row) return { status: 200, body: row };
    const { db, scratch, store } = this.blobs;
    const status = this.status(row, await uploadChunks(db, row.id));
    if (status.missing.length > 0) throw uploadIncomplete(status.missing);
    let received: Awaited<ReturnType<typeof scratch.concat>>;
    try {
      received = await scratch.concat(status.chunkCount, async (i) => {
        const part = await store.getPart(row.id, i);
        if (!part) throw new PartMissing(i);
        return part.stream;
      });
    } catch (error) {
      if (!(error instanceof PartMissing)) throw error;
      // The store lost a part the database had recorded (a disk restored from backup, say): ask for it again.
      this.blobs.log.warn(
        { event: 'blob_part_missing', uploadId: row.id, index: error.index },
        'upload part missing',
      );
      await forgetChunk(db, row.id, error.index);
      throw uploadIncomplete([error.index]);
    }
    if (received.sha256 !== hash || received.size !== row.size) {
      // Every chunk matched its own hash, so the device's file is not the one it named: start over.
      await scratch.remove(received);
      await this.discard(row);
      throw hashMismatch(hash, received.sha256, true);
    }
    const answer = await this.blobs.publish(received, hash, row.type, tripId, user);
    await this.discard(row).catch((error: unknown) => {
      // Published already; the sweep removes the leftovers later.
      this.blobs.log.warn({ err: error, uploadId: row.id }, 'could not remove a finished upload');
    });
    return { status: answer.created ? 201 : 200, body: answer };
  }

  async cancel(user: AuthUser, tripId: string, hash: string, uploadId: string): Promise<Answer> {
    const row = await getUpload(this.blobs.db, uploadId);
    if (!row || row.userId !== user.id || row.tripId !== tripId || row.hash !== hash) {
      return { status: 200, body: { cancelled: false } };
    }
    await this.discard(row);
    return { status: 200, body: { cancelled: true } };
  }

  /** Parts first, then the row: if removing parts fails, the row stays and the sweep tries again. */
  private async discard(row: UploadRow): Promise<void> {
    await this.blobs.store.deleteParts(row.id, chunkCountOf(row.size, row.chunkSize));
    await deleteUpload(this.blobs.db, row.id);
  }

  /** Discards uploads untouched for longer than the time-to-live; returns how many. */
  async sweep(): Promise<number> {
    const cutoff = this.blobs.now() - this.blobs.settings.uploadTtlMs;
    let removed = 0;
    for (const row of await expiredUploads(this.blobs.db, cutoff)) {
      await this.discard(row);
      removed++;
    }
    return removed;
  }
}
