import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import { setBlobFetcher } from '../attachments/fetcher';
import { type BlobSync, startBlobSync } from '../attachments/sync/service';
import type { AppDatabase } from '../db/database';
import { getDb } from '../db/database';
import { getPlatform } from '../platform';
import { SyncEngine } from './engine';
import { forgetSession, type SessionDeps, signIn, signOut } from './session';
import { browserOnlineSignal } from './signals';
import { applyEngineStatus, setSyncCounts, setSyncProblem, setSyncSession } from './status';
import { readLastSyncAt, readServerUrl, readUser } from './syncMeta';
import { createHttpTransport } from './transport';

/**
 * The app's one sync engine: started when a server address, a user and a token exist, restarted after
 * sign-in, stopped at sign-out and when the token is refused. Screens call these functions; the Shell
 * calls `useSyncEngine()` once.
 */
let engine: SyncEngine | null = null;
/** Attachment uploads and downloads of the same session (renderer/attachments/sync/). */
let blobSync: BlobSync | null = null;
/** Bumped by every start/stop, so a slow start that was overtaken does not start a stale engine. */
let generation = 0;

export function getSyncEngine(): SyncEngine | null {
  return engine;
}

async function stopEngine(): Promise<void> {
  const running = engine;
  const files = blobSync;
  engine = null;
  blobSync = null;
  await Promise.all([running?.stop(), files?.stop()]);
}

export async function startSync(
  db: AppDatabase = getDb(),
  deps: SessionDeps = {},
): Promise<SyncEngine | null> {
  const mine = ++generation;
  await stopEngine();
  const [serverUrl, user, lastSyncAt] = await Promise.all([
    readServerUrl(db),
    readUser(db),
    readLastSyncAt(db),
  ]);
  setSyncSession({ serverUrl, user, lastSyncAt });
  if (mine !== generation || !serverUrl || !user) return null;
  const tokens = deps.tokens ?? getPlatform();
  let token: string | null = null;
  try {
    token = await tokens.getToken(serverUrl);
  } catch (error) {
    setSyncProblem('unknown', error instanceof Error ? error.message : String(error));
    return null;
  }
  if (mine !== generation) return null;
  if (!token) {
    // E.g. the browser tab that held it was closed: ask for the password again, keep everything else.
    await forgetSession({ db, tokens });
    setSyncSession({ user: null });
    setSyncProblem('unauthorized');
    return null;
  }
  const created = new SyncEngine({
    db,
    transport: (deps.createTransport ?? createHttpTransport)({
      baseUrl: serverUrl,
      getToken: () => tokens.getToken(serverUrl),
    }),
    onStatus: applyEngineStatus,
    onUnauthorized: () => {
      void (async () => {
        await forgetSession({ db, tokens });
        setSyncSession({ user: null });
        if (engine === created) await stopSync();
        setSyncProblem('unauthorized');
      })();
    },
  });
  engine = created;
  blobSync = startBlobSync({
    db,
    baseUrl: serverUrl,
    getToken: () => tokens.getToken(serverUrl),
    engine: created,
    online: browserOnlineSignal(),
    // The screens' placeholders ask this session's downloader for missing files.
    registerFetcher: setBlobFetcher,
  });
  created.start();
  return created;
}

export async function stopSync(): Promise<void> {
  generation += 1;
  await stopEngine();
}

/** Signs in, then starts syncing: whatever was recorded offline goes up with the first cycle. */
export async function signInAndSync(
  input: { serverUrl: string; username: string; password: string },
  deps: SessionDeps = {},
) {
  const user = await signIn(input, deps);
  setSyncProblem(null);
  await startSync(deps.db ?? getDb(), deps);
  return user;
}

export async function signOutAndStop(deps: SessionDeps = {}) {
  await stopSync();
  const result = await signOut(deps);
  setSyncSession({ user: null });
  applyEngineStatus({
    started: false,
    syncing: false,
    online: typeof navigator === 'undefined' || navigator.onLine !== false,
    lastSyncAt: null,
    lastError: null,
    lastErrorDetail: null,
    nextRetryAt: null,
    clockDrift: false,
  });
  return result;
}

/** "Sync now": errors show in the status, so the button never throws. */
export async function syncNow(): Promise<void> {
  await engine?.syncNow().catch(() => undefined);
}

/** Keeps the unsent and refused counts in the status store, live. Returns the unsubscribe. */
export function watchSyncCounts(db: AppDatabase): () => void {
  const subscription = liveQuery(() => Promise.all([db.outbox.count(), db.quarantine.count()])).subscribe({
    next: ([unsent, quarantined]) => setSyncCounts(unsent, quarantined),
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/** Started once by the Shell: counts always, the engine when signed in. */
export function useSyncEngine(): void {
  useEffect(() => {
    const db = getDb();
    const stopCounts = watchSyncCounts(db);
    void startSync(db);
    return () => {
      stopCounts();
      void stopSync();
    };
  }, []);
}
