import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_BLOB_CHUNK_BYTES, DEFAULT_BLOB_MAX_BYTES } from '../../shared/blobs/protocol';
import type { StoreOptions } from '../db/index';
import { DiskBlobStore } from './diskStore';
import type { S3Options } from './s3/client';
import { S3BlobStore } from './s3/s3Store';
import type { BlobStore } from './store';

/**
 * Blob settings (server/config.ts reads them from the environment; tests pass them directly).
 *
 * `dir` is a local folder in every case: the disk store keeps its objects there, and every store uses
 * its tmp/ subfolder as the scratch area where arriving bytes are verified before publishing.
 */
export type BlobBackend = { kind: 'disk' } | { kind: 's3'; s3: S3Options };

export type BlobOptions = {
  dir: string;
  backend?: BlobBackend;
  /** Largest blob accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Chunk size handed out to new resumable uploads (default 1 MB). */
  chunkBytes?: number;
  /** An upload untouched for this long is discarded with its parts (default 7 days). */
  uploadTtlMs?: number;
  /** Unfinished uploads one account may have at a time (default 50). */
  maxOpenUploadsPerUser?: number;
};

export type BlobSettings = Required<Omit<BlobOptions, 'backend'>> & {
  backend: BlobBackend;
  /** The folder is this server's own temporary one, removed when it closes (in-memory databases). */
  temporary: boolean;
};

export const DEFAULT_UPLOAD_TTL_MS = 7 * 24 * 3600 * 1000;
export const DEFAULT_MAX_OPEN_UPLOADS = 50;

/**
 * Without explicit settings the blobs follow the database: next to PGlite's files in its data folder,
 * in ./server-data/blobs for PostgreSQL (the DATA_DIR default), and in a temporary folder, removed
 * on close, for an in-memory or borrowed test database.
 */
function defaultDir(store: StoreOptions): { dir: string; temporary: boolean } {
  if ('dataDir' in store && store.dataDir !== null)
    return { dir: path.join(store.dataDir, 'blobs'), temporary: false };
  if ('databaseUrl' in store) return { dir: path.join('server-data', 'blobs'), temporary: false };
  return { dir: path.join(tmpdir(), `expert-trips-blobs-${randomUUID()}`), temporary: true };
}

export function resolveBlobSettings(store: StoreOptions, options?: BlobOptions): BlobSettings {
  const fallback = defaultDir(store);
  const settings: BlobSettings = {
    dir: options?.dir ?? fallback.dir,
    temporary: options ? false : fallback.temporary,
    backend: options?.backend ?? { kind: 'disk' },
    maxBytes: options?.maxBytes ?? DEFAULT_BLOB_MAX_BYTES,
    chunkBytes: options?.chunkBytes ?? DEFAULT_BLOB_CHUNK_BYTES,
    uploadTtlMs: options?.uploadTtlMs ?? DEFAULT_UPLOAD_TTL_MS,
    maxOpenUploadsPerUser: options?.maxOpenUploadsPerUser ?? DEFAULT_MAX_OPEN_UPLOADS,
  };
  if (!Number.isInteger(settings.maxBytes) || settings.maxBytes < 1) {
    throw new Error(`blob settings: maxBytes must be a positive whole number, not ${settings.maxBytes}`);
  }
  if (!Number.isInteger(settings.chunkBytes) || settings.chunkBytes < 1024) {
    throw new Error(
      `blob settings: chunkBytes must be a whole number of at least 1024, not ${settings.chunkBytes}`,
    );
  }
  return settings;
}

export function createBlobStore(settings: BlobSettings): BlobStore {
  return settings.backend.kind === 's3'
    ? new S3BlobStore(settings.backend.s3)
    : new DiskBlobStore(settings.dir);
}

export const scratchDir = (settings: BlobSettings): string => path.join(settings.dir, 'tmp');
