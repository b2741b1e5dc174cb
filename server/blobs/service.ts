import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import {
  type BlobInfo,
  blobTypes,
  isBlobType,
  type LimitsResponse,
  SINGLE_REQUEST_MAX_BYTES,
  type UploadAnswer,
} from '../../shared/blobs/protocol';
import { sniffBlobType } from '../../shared/blobs/sniff';
import type { AuthUser } from '../auth/users';
import type { Db } from '../db/index';
import { findReadableBlob, findTripBlob, presentInTrip, recordBlob } from './db';
import {
  blobMissing,
  blobNotFound,
  emptyBlob,
  hashMismatch,
  tooLarge,
  unsupportedContent,
  unsupportedDeclaredType,
  uploadInterrupted,
} from './errors';
import type { BlobSettings } from './options';
import { type Received, ReceiveInterrupted, type Scratch } from './scratch';
import type { BlobStore, StoredBytes } from './store';

/**
 * Blob operations behind the routes: receive, verify, publish, read. Resumable uploads are in
 * uploads.ts on top of the same pieces.
 *
 * Publishing order (crash-safe): bytes verified in scratch → stored (atomically) → database rows. A
 * crash after the store write leaves an object without rows: harmless, and the next upload of the same
 * bytes finds it and only adds the rows. Rows never point at bytes that were not stored.
 */
export type DoneAnswer = Extract<UploadAnswer, { state: 'done' }>;

export class BlobService {
  constructor(
    readonly db: Db,
    readonly store: BlobStore,
    readonly scratch: Scratch,
    readonly settings: BlobSettings,
    readonly now: () => number,
    readonly log: FastifyBaseLogger,
  ) {}

  limits(): LimitsResponse {
    return {
      hashAlgorithm: 'sha256',
      maxBytes: this.settings.maxBytes,
      chunkBytes: this.settings.chunkBytes,
      singleRequestMaxBytes: Math.min(SINGLE_REQUEST_MAX_BYTES, this.settings.maxBytes),
      types: [...blobTypes],
    };
  }

  /** The blob when this trip already has it and its bytes are really in the store. */
  async storedForTrip(tripId: string, hash: string): Promise<BlobInfo | undefined> {
    const blob = await findTripBlob(this.db, tripId, hash);
    return blob && (await this.store.has(hash)) ? blob : undefined;
  }

  checkSize(size: number): void {
    if (size > this.settings.maxBytes) throw tooLarge(size, this.settings.maxBytes);
    if (size === 0) throw emptyBlob();
  }

  /** Streams a request body into scratch, at most `maxBytes`; an interrupted body is a 400. */
  async receive(body: Readable | undefined, maxBytes: number): Promise<Received> {
    try {
      return await this.scratch.receive(body ?? emptyBody, maxBytes);
    } catch (error) {
      if (error instanceof ReceiveInterrupted) throw uploadInterrupted();
      throw error;
    }
  }

  /**
   * Checks the received bytes (hash, type by content), stores them and records the trip's reference.
   * Consumes `received` whatever happens.
   */
  async publish(
    received: Received,
    hash: string,
    declared: string,
    tripId: string,
    user: AuthUser,
    discardedUpload = false,
  ): Promise<DoneAnswer> {
    try {
      if (received.sha256 !== hash) throw hashMismatch(hash, received.sha256, discardedUpload);
      const detected = sniffBlobType(received.head);
      if (!isBlobType(detected)) throw unsupportedContent(declared, detected);
      await this.store.put(hash, received);
      const blob: BlobInfo = { hash, size: received.size, type: detected };
      const created = await this.db.transaction((tx) => recordBlob(tx, blob, tripId, user.id, this.now()));
      this.log.info(
        { event: 'blob_stored', hash, tripId, size: blob.size, type: blob.type, created },
        'blob stored',
      );
      return { state: 'done', blob, created };
    } finally {
      await this.scratch.remove(received);
    }
  }

  /** PUT of a whole blob in one request. */
  async putWhole(
    user: AuthUser,
    tripId: string,
    hash: string,
    contentType: string | undefined,
    contentLength: number | undefined,
    body: Readable | undefined,
  ): Promise<DoneAnswer> {
    const declared = declaredType(contentType);
    if (!isBlobType(declared)) throw unsupportedDeclaredType(declared);
    if (contentLength !== undefined) this.checkSize(contentLength);
    // Already there for this trip: answer at once without reading (or rewriting) the bytes. Bytes
    // stored for *another* trip are not enough: the device must prove it has them by sending them, or
    // knowing a hash would be enough to reach another trip's photo.
    const existing = await this.storedForTrip(tripId, hash);
    if (existing) return { state: 'done', blob: existing, created: false };
    const received = await this.receive(body, this.settings.maxBytes);
    if (received.overLimit) throw tooLarge(received.size, this.settings.maxBytes);
    if (received.size === 0) {
      await this.scratch.remove(received);
      throw emptyBlob();
    }
    return this.publish(received, hash, declared, tripId, user);
  }

  present(tripId: string, hashes: readonly string[]): Promise<string[]> {
    return presentInTrip(this.db, tripId, hashes);
  }

  /** The bytes of a blob this user may read (else 404, the same whether it exists or not). */
  async read(
    user: AuthUser,
    hash: string,
    withBytes: boolean,
  ): Promise<{ blob: BlobInfo; bytes?: StoredBytes }> {
    const blob = await findReadableBlob(this.db, user, hash);
    if (!blob) throw blobNotFound();
    if (!withBytes) {
      if (!(await this.store.has(hash))) throw this.missing(hash);
      return { blob };
    }
    const bytes = await this.store.get(hash);
    if (!bytes) throw this.missing(hash);
    return { blob, bytes };
  }

  private missing(hash: string) {
    this.log.error({ event: 'blob_missing', hash }, 'a recorded blob is missing from the store');
    return blobMissing();
  }
}

/** "image/JPEG; charset=binary" → "image/jpeg"; the common misspelling image/jpg counts as JPEG. */
export function declaredType(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type;
}

async function* emptyBody(): AsyncGenerator<Buffer> {}
