import type { AppDatabase } from '../db/database';
import { type CollectResult, collectUnreferencedBlobs } from './collect';

/**
 * When the app frees the bytes nothing names any more (collect.ts): once shortly after start and after
 * a successful sync (the moment records that still name a blob have arrived), but at most once an hour
 * — walking every attachment on each 30-second sync would cost more than the space it saves.
 * Freeing space is housekeeping: a failure is logged for support and never shown to the user.
 */
export const COLLECT_INTERVAL_MS = 60 * 60 * 1000;

type State = { lastRun: number; running: Promise<CollectResult | null> | null };
/** Per database, so tests with a fresh database each are not throttled by each other. */
const states = new WeakMap<AppDatabase, State>();

export async function collectIfDue(
  db: AppDatabase,
  { now = Date.now(), intervalMs = COLLECT_INTERVAL_MS }: { now?: number; intervalMs?: number } = {},
): Promise<CollectResult | null> {
  let state = states.get(db);
  if (!state) {
    state = { lastRun: Number.NEGATIVE_INFINITY, running: null };
    states.set(db, state);
  }
  if (state.running) return state.running;
  if (now - state.lastRun < intervalMs) return null;
  state.lastRun = now;
  const own = state;
  own.running = collectUnreferencedBlobs(db, { now })
    .catch((error: unknown) => {
      console.warn('Freeing unused attachment files failed; tried again later.', error);
      return null;
    })
    .finally(() => {
      own.running = null;
    });
  return own.running;
}
