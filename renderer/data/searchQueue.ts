import type { AppDatabase } from '../db/database';
import type { SearchQueueRow, SearchRow, SearchType } from '../db/types';
import { makeSearchRow } from './searchIndex';

/**
 * Deferred search indexing for bulk pulls.
 *
 * Tokenising and writing the multi-entry search rows costs more than storing the records themselves,
 * so a fresh device pulling its whole directory would wait several times longer than necessary. A
 * large pulled page therefore only queues the record keys (in the page's own transaction, so nothing
 * is forgotten after a crash) and this pass writes the rows afterwards, a chunk per transaction, while
 * the person can already work. Small pages and every local write still index inline.
 */
const CHUNK = 500;
const draining = new WeakMap<AppDatabase, Promise<number>>();

export function queueSearchRows(db: AppDatabase, type: SearchType, ids: readonly string[]): Promise<unknown> {
  const rows: SearchQueueRow[] = ids.map((id) => ({ key: `${type}:${id}`, type, id }));
  return db.searchQueue.bulkPut(rows);
}

async function drainChunk(db: AppDatabase): Promise<number> {
  return db.transaction(
    'rw',
    [db.searchQueue, db.search, db.hosts, db.visits, db.problems, db.agreements],
    async () => {
      const queued = await db.searchQueue.limit(CHUNK).toArray();
      if (queued.length === 0) return 0;
      const byType = new Map<SearchType, string[]>();
      for (const q of queued) byType.set(q.type, [...(byType.get(q.type) ?? []), q.id]);
      const rows: SearchRow[] = [];
      const gone: string[] = [];
      for (const [type, ids] of byType) {
        const records = (await db.table(type).bulkGet(ids)) as (Record<string, unknown> | undefined)[];
        const hostIds = type === 'hosts' ? [] : [...new Set(records.map((r) => String(r?.hostId ?? '')))];
        const hosts = await db.hosts.bulkGet(hostIds);
        const names = new Map(hostIds.map((id, i) => [id, hosts[i]?.name ?? '']));
        ids.forEach((id, i) => {
          const record = records[i];
          const row = record
            ? makeSearchRow(type, record as never, names.get(String(record.hostId ?? '')) ?? '')
            : null;
          if (row) rows.push(row);
          else gone.push(`${type}:${id}`);
        });
      }
      await db.search.bulkPut(rows);
      if (gone.length > 0) await db.search.bulkDelete(gone);
      await db.searchQueue.bulkDelete(queued.map((q) => q.key));
      return queued.length;
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
