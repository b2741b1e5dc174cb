import { isBlobHash, isBlobType } from '../../../shared/blobs/protocol';
import type { AppDatabase } from '../../db/database';
import { sha256Hex } from '../hash';
import type { BlobRow } from '../types';
import type { BlobClient } from './client';

/**
 * Fetches blobs this device does not have (another device's photo), checks them and keeps them.
 *
 *  - The bytes must hash to the name asked for, or they are thrown away: a cut connection or a broken
 *    proxy never leaves a wrong picture behind.
 *  - Several screens asking for the same hash at once share one download.
 *  - Any failure answers false and the placeholder stays: not on the server yet (404), this account
 *    may not read it (the server answers 404 alike), offline. Asking again later is cheap.
 */
export type DownloaderOptions = { db: AppDatabase; client: BlobClient; now?: () => number };

export class BlobDownloader {
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly now: () => number;

  constructor(private readonly options: DownloaderOptions) {
    this.now = options.now ?? Date.now;
  }

  /** True once the blob is on this device (already, or downloaded and verified now). */
  ensureBlob(hash: string, _tripId?: string): Promise<boolean> {
    if (!isBlobHash(hash)) return Promise.resolve(false);
    const running = this.inFlight.get(hash);
    if (running) return running;
    const download = this.fetchAndStore(hash).finally(() => this.inFlight.delete(hash));
    this.inFlight.set(hash, download);
    return download;
  }

  private async fetchAndStore(hash: string): Promise<boolean> {
    const { db, client } = this.options;
    if (await db.blobs.get(hash)) return true;
    let download: Awaited<ReturnType<BlobClient['download']>>;
    try {
      download = await client.download(hash);
    } catch {
      return false;
    }
    if (!download) return false;
    if ((await sha256Hex(download.bytes)) !== hash) return false;
    // The server names the type it found in the bytes; it is one of ours unless the server is odd.
    if (!isBlobType(download.type)) return false;
    const at = this.now();
    const row: BlobRow = {
      hash,
      blob: new Blob([download.bytes as BlobPart], { type: download.type }),
      type: download.type,
      size: download.bytes.byteLength,
      createdAt: at,
      lastUsed: at,
    };
    await db.transaction('rw', db.blobs, async () => {
      // Added locally meanwhile (the same photo attached here): keep that row and its thumbnail.
      if (!(await db.blobs.get(hash))) await db.blobs.add(row);
    });
    return true;
  }
}
