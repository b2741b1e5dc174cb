import { z } from 'zod';
import { UUID_PATTERN } from '../ids';

/**
 * The attachments (blob) protocol between devices and the server, documented in
 * docs/attachments-server.md. Shared so the client builds the same URLs, slices files into the same
 * chunks and reads the same answers the server sends.
 *
 * Invariants:
 *  - a blob is named by the SHA-256 of its bytes, written as 64 lowercase hex digits; the server never
 *    stores bytes under a name they do not hash to;
 *  - every upload names the trip it is for; a blob may be fetched only by people who may read a trip it
 *    was uploaded for;
 *  - uploads are idempotent: the same bytes for the same trip again change nothing; a chunk sent twice
 *    is fine; a retried "complete" after a lost answer answers "done".
 */
export const BLOB_HASH_ALGORITHM = 'sha256';
export const BLOB_HASH_PATTERN = /^[0-9a-f]{64}$/;
export const isBlobHash = (value: unknown): value is string =>
  typeof value === 'string' && BLOB_HASH_PATTERN.test(value);

const MIB = 1024 * 1024;
/** Default upper limit of one blob; servers may configure another (GET /blobs/limits tells). */
export const DEFAULT_BLOB_MAX_BYTES = 50 * MIB;
/**
 * Default chunk size of resumable uploads. Small enough that a dropped 4G connection in a factory
 * costs little, large enough that a 50 MB scan is 50 requests. The server names the chunk size of each
 * upload in its answer; clients slice by that number, not by this constant.
 */
export const DEFAULT_BLOB_CHUNK_BYTES = MIB;
/** Clients send files up to this size in one request and larger ones in chunks. */
export const SINGLE_REQUEST_MAX_BYTES = MIB;

/** The SHA-256 (lowercase hex) of a chunk's bytes travels in this request header. */
export const CHUNK_SHA256_HEADER = 'x-chunk-sha256';

/**
 * What the server stores: photos and signatures (JPEG, PNG, WebP) and scanned documents (PDF).
 * Not HEIC (most iPhone photos): the desktop app's Chromium cannot show it, so it would be a file
 * nobody can look at; the client converts or asks the person to export as JPEG. Not SVG: it can carry
 * scripts. Not GIF, BMP, TIFF: nobody needs them for trips, and each type accepted is a decoder exposed.
 */
export const blobTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type BlobType = (typeof blobTypes)[number];
export const isBlobType = (value: unknown): value is BlobType =>
  typeof value === 'string' && (blobTypes as readonly string[]).includes(value);

/** Error codes of the blob endpoints (the body is errorBodySchema; the client translates by code). */
export const blobErrorCodes = [
  'invalid_hash',
  'hash_mismatch',
  'empty_blob',
  'blob_too_large',
  'unsupported_blob_type',
  'heic_not_supported',
  'missing_chunk_hash',
  'chunk_hash_mismatch',
  'chunk_size_mismatch',
  'chunk_out_of_range',
  'upload_incomplete',
  'upload_interrupted',
  'upload_not_found',
  'too_many_uploads',
  'blob_not_found',
  'blob_missing',
  'not_trip_member',
  'trip_not_synced',
] as const;
export type BlobErrorCode = (typeof blobErrorCodes)[number];

// ---- chunk arithmetic (the client slices, the server checks, with the same numbers) ------------------

export function chunkCountOf(size: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(size / chunkSize));
}

/** Byte range [start, end) of chunk `index`; every chunk is `chunkSize` long except the last. */
export function chunkRange(index: number, size: number, chunkSize: number): { start: number; end: number } {
  const start = index * chunkSize;
  return { start, end: Math.min(size, start + chunkSize) };
}

// ---- URLs -------------------------------------------------------------------------------------------

export const blobPaths = {
  limits: () => '/blobs/limits',
  /** GET/HEAD the bytes (any trip the reader may read that references the blob). */
  blob: (hash: string) => `/blobs/${hash}`,
  /** PUT the whole blob in one request, for this trip. */
  tripBlob: (tripId: string, hash: string) => `/trips/${tripId}/blobs/${hash}`,
  /** POST {hashes} → which of them this trip already has. */
  present: (tripId: string) => `/trips/${tripId}/blobs/present`,
  /** POST {size, type} → a resumable upload (or the open one of this person for the same blob). */
  uploads: (tripId: string, hash: string) => `/trips/${tripId}/blobs/${hash}/uploads`,
  /** GET status, DELETE cancels. */
  upload: (tripId: string, hash: string, uploadId: string) =>
    `/trips/${tripId}/blobs/${hash}/uploads/${uploadId}`,
  /** PUT the bytes of one chunk, with CHUNK_SHA256_HEADER. */
  chunk: (tripId: string, hash: string, uploadId: string, index: number) =>
    `/trips/${tripId}/blobs/${hash}/uploads/${uploadId}/chunks/${index}`,
  /** POST → the server assembles, checks the whole hash and publishes. */
  complete: (tripId: string, hash: string, uploadId: string) =>
    `/trips/${tripId}/blobs/${hash}/uploads/${uploadId}/complete`,
};

// ---- bodies -----------------------------------------------------------------------------------------

const hash = z.string().regex(BLOB_HASH_PATTERN, {
  message: 'must be a SHA-256 written as 64 lowercase hexadecimal digits',
});

export const blobInfoSchema = z.object({
  hash,
  size: z.number().int().min(1),
  /** The type the server found in the bytes (it wins over the declared one). */
  type: z.enum(blobTypes),
});
export type BlobInfo = z.infer<typeof blobInfoSchema>;

export const limitsResponseSchema = z.object({
  hashAlgorithm: z.literal(BLOB_HASH_ALGORITHM),
  maxBytes: z.number().int(),
  chunkBytes: z.number().int(),
  singleRequestMaxBytes: z.number().int(),
  types: z.array(z.enum(blobTypes)),
});
export type LimitsResponse = z.infer<typeof limitsResponseSchema>;

export const createUploadRequestSchema = z.strictObject({
  size: z.number().int().min(1, { message: 'a file has at least one byte' }),
  type: z.string().trim().min(1).max(100),
});
export type CreateUploadRequest = z.infer<typeof createUploadRequestSchema>;

export const uploadStatusSchema = z.object({
  uploadId: z.string().regex(UUID_PATTERN),
  tripId: z.string(),
  hash,
  size: z.number().int(),
  type: z.enum(blobTypes),
  chunkSize: z.number().int(),
  chunkCount: z.number().int(),
  /** Chunk indices the server holds, ascending. */
  received: z.array(z.number().int()),
  /** Chunk indices still to send, ascending. */
  missing: z.array(z.number().int()),
  /** Milliseconds since the epoch after which an untouched upload is discarded. */
  expiresAt: z.number(),
});
export type UploadStatus = z.infer<typeof uploadStatusSchema>;

/**
 * The answer of every upload step: either still uploading (with what is missing) or done. `created`:
 * this request added the blob to the trip (false: the trip had it already).
 */
export const uploadAnswerSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('uploading'), upload: uploadStatusSchema }),
  z.object({ state: z.literal('done'), blob: blobInfoSchema, created: z.boolean() }),
]);
export type UploadAnswer = z.infer<typeof uploadAnswerSchema>;

export const MAX_PRESENT_HASHES = 500;
export const presentRequestSchema = z.strictObject({
  hashes: z.array(hash).max(MAX_PRESENT_HASHES),
});
export const presentResponseSchema = z.object({ present: z.array(hash) });
export type PresentResponse = z.infer<typeof presentResponseSchema>;
