import type { Readable } from 'node:stream';

/**
 * Where blob bytes live, behind one interface: a folder on disk (the default) or S3-compatible object
 * storage (production). The same contract test runs against both (test/server/blobsStore.test.ts).
 *
 * Contract:
 *  - `put` publishes atomically: a reader sees either no object or all of its bytes, never a part;
 *  - `put` of a hash that is already stored succeeds and leaves the stored object as it was;
 *  - the caller verified that the file's bytes hash to `hash` (LocalFile carries the SHA-256 the
 *    receiver computed; `put` refuses a file whose recorded hash differs) — the store never holds bytes
 *    under a name they do not hash to;
 *  - `put`/`putPart` consume the local file (it is moved or deleted);
 *  - parts (the chunks of a resumable upload) live in the store too, not in one server's memory or temp
 *    folder, so any instance behind a load balancer can take the next chunk or the "complete";
 *  - `get` of an unknown hash is `undefined`, never an error; `delete` of one is a no-op.
 */
export type LocalFile = {
  /** A file in the scratch folder (server/blobs/scratch.ts). */
  path: string;
  size: number;
  /** SHA-256 of the file's bytes, lowercase hex, computed while it was written. */
  sha256: string;
};

export type StoredBytes = { size: number; stream: Readable };

export interface BlobStore {
  /** For the start-up log; never contains a secret. */
  readonly description: string;
  has(hash: string): Promise<boolean>;
  size(hash: string): Promise<number | undefined>;
  put(hash: string, file: LocalFile): Promise<void>;
  get(hash: string): Promise<StoredBytes | undefined>;
  delete(hash: string): Promise<void>;
  putPart(uploadId: string, index: number, file: LocalFile): Promise<void>;
  getPart(uploadId: string, index: number): Promise<StoredBytes | undefined>;
  /** Removes every part of an upload with `count` chunks (absent parts are fine). */
  deleteParts(uploadId: string, count: number): Promise<void>;
}

/** A programming error, not a client's: the service hands the store only verified files. */
export function assertVerified(hash: string, file: LocalFile): void {
  if (file.sha256 !== hash) {
    throw new Error(`blob store: refusing to store bytes with SHA-256 ${file.sha256} under ${hash}`);
  }
}
