import { DEFAULT_MAX_DRIFT_MS } from '../../shared/hlc';
import { DEFAULT_PULL_LIMIT, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { getClock } from '../data/clock';
import type { AppDatabase } from '../db/database';
import { applyPulledPage } from './applyPull';
import { SyncError } from './errors';
import { pushOutbox } from './push';
import { readCursors, SYNC_META } from './syncMeta';
import type { SyncTransport } from './transport';

/**
 * One sync cycle: push the whole outbox, then pull until the server has nothing more. Holds no state
 * between calls — everything it needs is read from the database — so it can be re-run after any
 * failure or restart, and two devices' tests can drive it directly.
 */
export type CycleOptions = {
  db: AppDatabase;
  transport: SyncTransport;
  now?: () => number;
  pullLimit?: number;
  pushBatchSize?: number;
  /** Safety stop for one cycle; the rest comes with the next cycle. */
  maxPullPages?: number;
};

export type CycleResult = {
  pushed: number;
  refused: number;
  pulledChanges: number;
  pages: number;
  /** The device's clock disagrees with the server's by more than the allowed drift. */
  clockDrift: boolean;
};

const sameCursors = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

export async function runSyncCycle(options: CycleOptions): Promise<CycleResult> {
  const { db, transport } = options;
  const now = options.now ?? Date.now;
  const clock = await getClock(db);
  const pushed = await pushOutbox(db, transport, clock.node, {
    ...(options.pushBatchSize ? { batchSize: options.pushBatchSize } : {}),
    now,
  });
  const result: CycleResult = {
    pushed: pushed.applied,
    refused: pushed.refused,
    pulledChanges: 0,
    pages: 0,
    clockDrift: false,
  };
  const maxPages = options.maxPullPages ?? 1_000;
  while (result.pages < maxPages) {
    const cursors = await readCursors(db);
    const page = await transport.pull({
      protocolVersion: PROTOCOL_VERSION,
      cursors,
      limit: options.pullLimit ?? DEFAULT_PULL_LIMIT,
    });
    const applied = await applyPulledPage(db, page, clock);
    result.pages += 1;
    result.pulledChanges += page.changes.length;
    if (applied.clockDrift || Math.abs(page.serverTime - now()) > DEFAULT_MAX_DRIFT_MS)
      result.clockDrift = true;
    if (!page.hasMore) break;
    // "More" without any progress would loop forever; better to say so and retry later.
    if (page.changes.length === 0 && sameCursors(cursors, await readCursors(db)))
      throw new SyncError('server', 'The server reported more changes but sent none');
  }
  await db.meta.put({ key: SYNC_META.lastSyncAt, value: now() });
  return result;
}
