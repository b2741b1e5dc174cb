import type { AppDatabase } from '../db/database';
import type { SearchQueueRow, SearchType } from '../db/types';
import { writeSearchRows } from './searchIndex';

/**
 * Deferred search indexing for bulk pulls.
 *
 * Tokenising and writing the multi-entry search rows costs more than storing the records themselves,
 * so a fresh device pulling its whole directory would wait several times longer than necessary. A
 * large pulled page therefore only queues the record keys (in the page's own transaction, so nothing
 * is forgotten after a crash) and this pass writes the rows afterwards, a chunk per transaction, while
 * the person can already work. Small pages and every local write still index inline.
 */
const CHUNK = 2000;
const draining = new WeakMap<AppDatabase, Promise<number>>();

/** One queue row per pulled batch (not per record): queuing must cost next to nothing in the pull. */
export function queueSearchRows(db: AppDatabase, type: SearchType, ids: readonly string[]): Promise<unknown> {
  const row: SearchQueueRow = { key: `${type}:${ids[0] ?? ''}:${ids.length}`, type, ids: [...ids] };
  return db.searchQueue.put(row);
}

/** How many records still wait for their search rows. */
export async function queuedSearchCount(db: AppDatabase): Promise<number> {
  let n = 0;
  await db.searchQueue.each((row) => {
    n += row.ids.length;
  });
  return n;
}

async function drainChunk(db: AppDatabase): Promise<number> {
  return db.transaction(
    'rw',
    [db.searchQueue, db.search, db.hosts, db.visits, db.problems, db.agreements],
    async () => {
      const batch = await db.searchQueue.limit(1).first();
      if (!batch) return 0;
      const ids = batch.ids.slice(0, CHUNK);
      const records = (await db.table(batch.type).bulkGet(ids)) as (Record<string, unknown> | undefined)[];
      await writeSearchRows(db, batch.type, ids, records);
      const rest = batch.ids.slice(CHUNK);
      if (rest.length > 0) await db.searchQueue.put({ ...batch, ids: rest });
      else await db.searchQueue.delete(batch.key);
      return ids.length;
    },
  );
}

/** Writes every queued search row; concurrent calls share one pass. Resolves with how many were done. */
export function drainSearchQueue(db: AppDatabase): Promise<number> {
  const running = draining.get(db);
  if (running) return running;
  const pass = (async () => {
    let done = 0;
    try {
      for (;;) {
        const n = await drainChunk(db);
        if (n === 0) return done;
        done += n;
        // Let the UI breathe between chunks.
        await new Promise((r) => setTimeout(r, 0));
      }
    } finally {
      draining.delete(db);
    }
  })();
  draining.set(db, pass);
  return pass;
}
