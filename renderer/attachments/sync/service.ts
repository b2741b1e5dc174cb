import type { AppDatabase } from '../../db/database';
import type { SyncEngine } from '../../sync/engine';
import type { OnlineSignal, Timers } from '../../sync/signals';
import type { TokenGetter } from '../../sync/transport';
import { collectIfDue } from '../collectSchedule';
import type { BlobFetcher } from '../fetcher';
import { createBlobClient } from './client';
import { BlobDownloader } from './downloader';
import { fetchKeptTrips, onKeepOfflineChange } from './keepOffline';
import { BlobUploader } from './uploader';

/**
 * Moves attachment bytes while a session runs: started next to the sync engine (renderer/sync/
 * runtime.ts) with the same server and token, stopped with it.
 *
 * After every successful record sync (the server is reachable, new attachment records may have
 * arrived, the trips made offline are now known to the server) it asks the uploader for a pass and
 * downloads what kept-offline trips miss, and (at most hourly) frees unnamed bytes. None is
 * awaited: record sync never waits on files, and a file's failure never reaches it.
 */
export type BlobSyncOptions = {
  db: AppDatabase;
  baseUrl: string;
  getToken: TokenGetter;
  engine: Pick<SyncEngine, 'onCycle'>;
  fetch?: typeof fetch;
  online?: OnlineSignal;
  timers?: Timers;
  random?: () => number;
  /** Where the screens' lazy downloads are registered (the core's setBlobFetcher). */
  registerFetcher?: (fetcher: BlobFetcher | undefined) => void;
};

export type BlobSync = {
  uploader: BlobUploader;
  ensureBlob: BlobFetcher;
  /** Downloads what the kept-offline trips miss now (also runs after every sync). */
  fetchKept(): Promise<number>;
  stop(): Promise<void>;
};

export function startBlobSync(options: BlobSyncOptions): BlobSync {
  const { db } = options;
  const session = new AbortController();
  const client = createBlobClient({
    baseUrl: options.baseUrl,
    getToken: options.getToken,
    signal: session.signal,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const uploader = new BlobUploader({
    db,
    client,
    ...(options.online ? { online: options.online } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  const downloader = new BlobDownloader({ db, client });
  const ensureBlob: BlobFetcher = (hash, tripId) => downloader.ensureBlob(hash, tripId);

  // Single flight: a sync every 30 s must not start a second walk over the kept trips.
  let keeping: Promise<number> | null = null;
  let keepAgain = false;
  const fetchKept = (): Promise<number> => {
    if (keeping) {
      keepAgain = true;
      return keeping;
    }
    keeping = fetchKeptTrips(db, ensureBlob, session.signal)
      .catch(() => 0)
      .finally(() => {
        keeping = null;
        if (keepAgain && !session.signal.aborted) {
          keepAgain = false;
          void fetchKept();
        }
      });
    return keeping;
  };

  const offCycle = options.engine.onCycle(() => {
    uploader.kick();
    void fetchKept();
    // After a pull, records that still name a blob are here: the safest moment to free the others.
    void collectIfDue(db);
  });
  const offKeep = onKeepOfflineChange((_tripId, on) => {
    if (on) void fetchKept();
  });
  options.registerFetcher?.(ensureBlob);
  uploader.start();

  return {
    uploader,
    ensureBlob,
    fetchKept,
    async stop() {
      offCycle();
      offKeep();
      options.registerFetcher?.(undefined);
      session.abort();
      await Promise.all([uploader.stop(), keeping]);
    },
  };
}
