import { SINGLE_REQUEST_MAX_BYTES } from '../../../shared/blobs/protocol';
import type { AppDatabase } from '../../db/database';
import { backoffDelay } from '../../sync/backoff';
import { problemOf, SyncError } from '../../sync/errors';
import { type OnlineSignal, realTimers, type Timers } from '../../sync/signals';
import { sendInChunks } from './chunked';
import type { BlobClient } from './client';
import { markFailed, pendingUploads, saveProgress, type UploadRow } from './uploadRows';

/**
 * Drains `blobUploads`: one file at a time, in the background, while signed in and online.
 *
 *  - A file waits until its trip's own record has been acknowledged by the server (no outbox entry
 *    left for it); should the server still not know the trip (`409 trip_not_synced`), it waits again.
 *  - Small files go in one PUT; larger ones in chunks whose upload id and progress are kept in the row,
 *    so a crash or a lost connection resumes with the chunks still missing.
 *  - A file the server will never take (too large, wrong type, not a member…) is marked failed with the
 *    server's code and details, and left for the person to see — never retried in a loop.
 *  - Network and server trouble stops the pass and retries after a growing, jittered pause.
 *  - Record sync never waits for any of this.
 */
export type Outcome = 'uploaded' | 'waiting' | 'failed' | 'gone';
export type PassResult = {
  uploaded: string[];
  waiting: string[];
  failed: string[];
  /** Why the pass stopped early (network, server, unauthorized…), or null if it went through. */
  stoppedBy: string | null;
};

export type UploaderOptions = {
  db: AppDatabase;
  client: BlobClient;
  online?: OnlineSignal;
  timers?: Timers;
  random?: () => number;
  now?: () => number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Up to this size a file goes in one request (the protocol's 1 MB unless a test says otherwise). */
  singleRequestMaxBytes?: number;
};

/** Codes that mean "not yet", not "never". */
const LATER = new Set(['trip_not_synced']);
/** Codes that mean "busy or broken for now": retried with backoff. */
const TRANSIENT = new Set(['too_many_uploads', 'upload_interrupted', 'blob_missing']);

export class BlobUploader {
  private readonly db: AppDatabase;
  private readonly client: BlobClient;
  private readonly timers: Timers;
  private readonly now: () => number;
  private started = false;
  private running: Promise<PassResult> | null = null;
  private followUp = false;
  private retryTimer: unknown = null;
  private failures = 0;
  private stopListening: (() => void)[] = [];

  constructor(private readonly options: UploaderOptions) {
    this.db = options.db;
    this.client = options.client;
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
  }

  /** Consecutive failed passes (the backoff is based on them). */
  get failureCount(): number {
    return this.failures;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const onCreating = (_k: unknown, _row: unknown, tx: { on(e: 'complete', fn: () => void): void }) =>
      tx.on('complete', () => this.kick());
    this.db.blobUploads.hook('creating', onCreating);
    this.stopListening.push(() => this.db.blobUploads.hook('creating').unsubscribe(onCreating));
    const online = this.options.online;
    if (online) this.stopListening.push(online.subscribe((on) => on && this.kick()));
    this.kick();
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const off of this.stopListening.splice(0)) off();
    this.clearRetry();
    this.followUp = false;
    await this.running?.catch(() => undefined);
  }

  /** Asks for a pass soon (a sync cycle succeeded, a file was added, the network came back). */
  kick(): void {
    if (!this.started) return;
    if (this.options.online && !this.options.online.isOnline()) return;
    // The server has just been reached (or a new file waits): no reason to sit out the backoff.
    this.clearRetry();
    if (this.running) {
      this.followUp = true;
      return;
    }
    void this.runOnce();
  }

  /** One pass over the pending files (tests call it directly); never two at once. */
  async runOnce(): Promise<PassResult> {
    while (this.running) await this.running.catch(() => undefined);
    const pass = this.pass();
    this.running = pass;
    try {
      const result = await pass;
      this.afterPass(result);
      return result;
    } finally {
      this.running = null;
      if (this.followUp && this.started) {
        this.followUp = false;
        this.kick();
      }
    }
  }

  private async pass(): Promise<PassResult> {
    const result: PassResult = { uploaded: [], waiting: [], failed: [], stoppedBy: null };
    for (const row of await pendingUploads(this.db)) {
      if (this.options.online && !this.options.online.isOnline()) {
        result.stoppedBy = 'network';
        break;
      }
      try {
        const outcome = await this.uploadOne(row);
        if (outcome === 'uploaded') result.uploaded.push(row.hash);
        else if (outcome === 'waiting') result.waiting.push(row.hash);
        else if (outcome === 'failed') result.failed.push(row.hash);
      } catch (error) {
        result.stoppedBy = problemOf(error);
        break;
      }
    }
    return result;
  }

  private afterPass(result: PassResult): void {
    if (result.stoppedBy === null) {
      this.failures = 0;
      return;
    }
    // Signed out or an outdated app: the sync engine says so; a new session starts a new uploader.
    if (!this.started || result.stoppedBy === 'unauthorized' || result.stoppedBy === 'outdated') return;
    this.failures += 1;
    const delay = backoffDelay(this.failures, this.options.random ?? Math.random, {
      baseMs: this.options.backoffBaseMs ?? 2_000,
      capMs: this.options.backoffCapMs ?? 5 * 60_000,
    });
    this.clearRetry();
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /**
   * Uploads one file for each trip that waits for it (the row's trip, then its `moreTripIds`); throws
   * (a SyncError) only for trouble that should stop the pass.
   */
  async uploadOne(first: UploadRow): Promise<Outcome> {
    let row: UploadRow | undefined = first;
    let outcome: Outcome = 'gone';
    while (row) {
      outcome = await this.uploadForTrip(row);
      if (outcome !== 'uploaded') return outcome;
      row = await this.finishTrip(row.hash, row.tripId);
    }
    return outcome;
  }

  private async uploadForTrip(row: UploadRow): Promise<Outcome> {
    if (await this.tripUnacknowledged(row.tripId)) return 'waiting';
    const stored = await this.db.blobs.get(row.hash);
    if (!stored) {
      // The bytes were freed (their last attachment removed): nothing left to send.
      await this.db.blobUploads.delete(row.hash);
      return 'gone';
    }
    try {
      const limit = this.options.singleRequestMaxBytes ?? SINGLE_REQUEST_MAX_BYTES;
      if (stored.blob.size <= limit && !row.uploadId) {
        await this.client.putWhole(row.tripId, row.hash, stored.blob, row.type);
      } else {
        await sendInChunks(this.db, this.client, row, stored.blob);
      }
      return 'uploaded';
    } catch (error) {
      if (!(error instanceof SyncError) || error.kind !== 'request') throw error;
      if (LATER.has(error.code ?? '')) return 'waiting';
      if (error.code === 'upload_not_found') {
        // The server discarded the upload under way (expired): the next pass starts it afresh.
        await saveProgress(this.db, row.hash, { uploadId: undefined, received: [] });
        return 'waiting';
      }
      if (TRANSIENT.has(error.code ?? '') || error.status === 429) throw error;
      await markFailed(this.db, row.hash, {
        code: error.code ?? `http_${error.status ?? 0}`,
        message: error.message,
        ...(error.status !== undefined ? { status: error.status } : {}),
        ...(error.details !== undefined ? { details: error.details } : {}),
        failedAt: this.now(),
      });
      return 'failed';
    }
  }

  /**
   * The server has the bytes for `tripId`: the row moves on to the next trip that waits for them, or
   * goes. In one transaction, so a trip the core adds meanwhile (moreTripIds) is not lost.
   */
  private finishTrip(hash: string, tripId: string): Promise<UploadRow | undefined> {
    return this.db.transaction('rw', this.db.blobUploads, async () => {
      const row = (await this.db.blobUploads.get(hash)) as UploadRow | undefined;
      if (!row) return undefined;
      const [next, ...rest] = (row.moreTripIds ?? []).filter((id) => id !== tripId);
      if (!next) {
        await this.db.blobUploads.delete(hash);
        return undefined;
      }
      const following: UploadRow = {
        hash,
        tripId: next,
        size: row.size,
        type: row.type,
        createdAt: row.createdAt,
        ...(rest.length > 0 ? { moreTripIds: rest } : {}),
      };
      await this.db.blobUploads.put(following);
      return following;
    });
  }

  /** The trip's record still waits in the outbox: the server would answer `trip_not_synced`. */
  private async tripUnacknowledged(tripId: string): Promise<boolean> {
    const entries = await this.db.outbox.where('recordId').equals(tripId).toArray();
    return entries.some((entry) => entry.table === 'trips');
  }
}
