import { DEFAULT_MAX_DRIFT_MS } from '../../shared/hlc';
import { DEFAULT_PULL_LIMIT, PROTOCOL_VERSION, type PullResponse } from '../../shared/sync/protocol';
import { getClock } from '../data/clock';
import type { AppDatabase } from '../db/database';
import { applyPulledPage } from './applyPull';
import { SyncError } from './errors';
import { pushOutbox } from './push';
import { type Cursors, readCursors, SYNC_META } from './syncMeta';
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

/** How many pulled pages may be fetched ahead of the one being written. */
const PULL_AHEAD = 2;

/** The cursors a device holds after applying `page` (mirrors applyPulledPage). */
function nextCursors(current: Cursors, page: PullResponse): Cursors {
  const out: Cursors = {};
  for (const scope of page.scopes) {
    const seq = page.cursors[scope] ?? current[scope];
    if (seq !== undefined) out[scope] = seq;
  }
  return out;
}

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
  const request = (cursors: Cursors) =>
    transport.pull({
      protocolVersion: PROTOCOL_VERSION,
      cursors,
      limit: options.pullLimit ?? DEFAULT_PULL_LIMIT,
    });
  // Pages are requested ahead of writing them: each page's answer carries the cursors it will store
  // (the same rule as applyPulledPage), so the next request leaves as soon as it arrives, without
  // waiting for IndexedDB, and the server works on the next page while this device writes the last.
  // At most AHEAD pages wait; if a write fails, the pages fetched ahead are dropped with the cycle.
  type Fetched = { page: PullResponse; from: Cursors; after: Cursors | null; chained: boolean };
  const queue: Promise<Fetched>[] = [];
  const fetchPage = (from: Cursors): Promise<Fetched> => {
    const fetched = request(from).then((page) => {
      const item: Fetched = {
        page,
        from,
        after: page.hasMore ? nextCursors(from, page) : null,
        chained: false,
      };
      if (item.after && queue.length < PULL_AHEAD) {
        item.chained = true;
        queue.push(fetchPage(item.after));
      }
      return item;
    });
    fetched.catch(() => undefined);
    return fetched;
  };
  queue.push(fetchPage(await readCursors(db)));
  while (result.pages < maxPages) {
    const next = queue.shift();
    if (!next) break;
    const { page, from, after, chained } = await next;
    if (after && !chained) queue.push(fetchPage(after));
    const applied = await applyPulledPage(db, page, clock);
    result.pages += 1;
    result.pulledChanges += page.changes.length;
    if (applied.clockDrift || Math.abs(page.serverTime - now()) > DEFAULT_MAX_DRIFT_MS)
      result.clockDrift = true;
    if (!after) break;
    // "More" without any progress would loop forever; better to say so and retry later.
    if (page.changes.length === 0 && sameCursors(from, after))
      throw new SyncError('server', 'The server reported more changes but sent none');
  }
  await db.meta.put({ key: SYNC_META.lastSyncAt, value: now() });
  return result;
}
