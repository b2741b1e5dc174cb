import type { BlobType } from '../../shared/blobs';
import { type AppDatabase, getDb } from '../db/database';
import type { BlobRow, BlobUploadRow } from './types';

/** Bytes about to be stored: the blob, its name (SHA-256) and, for photos, a thumbnail. */
export type BlobCandidate = { hash: string; blob: Blob; type: BlobType; size: number; thumb?: Blob };

/**
 * Every table a write of attachments touches, for one outer transaction: the bytes, the pending
 * uploads and what createRecord/updateRecord/deleteRecord write (record, outbox, clock in meta, search
 * index and the tables the search index reads). Dexie nests the repository's transactions in it.
 */
export function attachmentWriteTables(db: AppDatabase) {
  return [
    db.blobs,
    db.blobUploads,
    db.attachments,
    db.outbox,
    db.meta,
    db.search,
    db.hosts,
    db.visits,
    db.problems,
    db.agreements,
  ];
}

/**
 * Bytes newly needed on the device for these candidates: those neither stored already nor in
 * `planned` (the hashes an earlier file of the same batch will store; they are added to it).
 */
export async function bytesToStore(
  db: AppDatabase,
  candidates: readonly BlobCandidate[],
  planned: Set<string>,
): Promise<number> {
  let total = 0;
  for (const c of candidates) {
    if (planned.has(c.hash) || (await db.blobs.get(c.hash))) continue;
    planned.add(c.hash);
    total += c.size + (c.thumb?.size ?? 0);
  }
  return total;
}

/**
 * Store the bytes unless they are there already (the same photo attached twice is stored once). Call
 * inside a transaction over attachmentWriteTables. An existing row is only touched: it is in use again.
 */
export async function putBlobIfAbsent(db: AppDatabase, c: BlobCandidate, now: number): Promise<void> {
  const existing = await db.blobs.get(c.hash);
  if (existing) {
    // A blob that arrived without a thumbnail (downloaded bytes) gains the one just made.
    await db.blobs.update(
      c.hash,
      c.thumb && !existing.thumb ? { lastUsed: now, thumb: c.thumb } : { lastUsed: now },
    );
    return;
  }
  const row: BlobRow = {
    hash: c.hash,
    blob: c.blob,
    type: c.type,
    size: c.size,
    createdAt: now,
    lastUsed: now,
  };
  if (c.thumb) row.thumb = c.thumb;
  await db.blobs.add(row);
}

/**
 * Queue the upload of a blob for a trip (the server keeps blobs per trip: a second trip gains a blob
 * only by uploading the bytes for it too). Nothing is queued when a record of this trip already names
 * the hash: it was queued then, or the bytes came from this trip's server copy.
 */
export async function queueUpload(
  db: AppDatabase,
  c: Pick<BlobCandidate, 'hash' | 'type' | 'size'>,
  tripId: string,
  now: number,
): Promise<void> {
  if (await db.blobUploads.get(c.hash)) return enqueueUpload(db, c, tripId, now);
  const named = await db.attachments
    .where('tripId')
    .equals(tripId)
    .filter((a) => a.hash === c.hash || a.originalHash === c.hash)
    .count();
  if (named > 0) return;
  await enqueueUpload(db, c, tripId, now);
}

/**
 * Queue the upload unconditionally (a restored backup: its records name every hash, yet the bytes may
 * exist nowhere else). `blobUploads` is keyed by hash alone, so one row can name one trip: when another
 * trip's upload of the same bytes is still pending, this trip is added to that row's `moreTripIds`,
 * which the upload helper uploads for after `tripId` (see BlobUploadRow); a pending row of this trip
 * keeps its progress.
 */
export async function enqueueUpload(
  db: AppDatabase,
  c: Pick<BlobCandidate, 'hash' | 'type' | 'size'>,
  tripId: string,
  now: number,
): Promise<void> {
  const pending = await db.blobUploads.get(c.hash);
  if (!pending) {
    const row: BlobUploadRow = { hash: c.hash, tripId, size: c.size, type: c.type, createdAt: now };
    await db.blobUploads.add(row);
    return;
  }
  const more = pending.moreTripIds ?? [];
  if (pending.tripId !== tripId && !more.includes(tripId)) {
    await db.blobUploads.update(c.hash, { moreTripIds: [...more, tripId] });
  }
}

/**
 * The bytes of a blob (`full`) or its thumbnail (`thumb`; the full bytes stand in when there is none,
 * e.g. a signature or a downloaded photo). Undefined when the blob is not on this device (yet).
 * Reading marks the blob as used, which keeps the collector away from what people are looking at.
 */
export async function getBlob(
  hash: string,
  variant: 'full' | 'thumb',
  db: AppDatabase = getDb(),
): Promise<Blob | undefined> {
  const row = await db.blobs.get(hash);
  if (!row) return undefined;
  const now = Date.now();
  // Touch at most once a minute: a list of 200 thumbnails should not mean 200 writes per render.
  if (now - row.lastUsed > 60_000) await db.blobs.update(hash, { lastUsed: now });
  return variant === 'thumb' ? (row.thumb ?? row.blob) : row.blob;
}
