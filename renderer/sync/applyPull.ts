import { ClockDriftError, compareHlc, type HybridClock } from '../../shared/hlc';
import { type RecordTable, recordTables } from '../../shared/schemas';
import { type IncomingWrite, maxStamp, mergeWrite } from '../../shared/sync/merge';
import type { PullResponse } from '../../shared/sync/protocol';
import { indexRecord, isSearchType, writeSearchRows } from '../data/searchIndex';
import { queueSearchRows } from '../data/searchQueue';
import type { AppDatabase } from '../db/database';
import { heldKey, hold, pendingFields, splitByPending } from './held';
import { cleanIncoming, rowToState, stateToRow, syncTables } from './localRows';
import { type Cursors, readCursors, SYNC_META } from './syncMeta';

/**
 * Applies one pulled page.
 *
 * Invariants:
 *  - the whole page — every record, its search row, held values and the new cursors — is written in ONE
 *    transaction: after a crash the device either has the page and its cursors or neither, so a page
 *    is never skipped and re-applying one changes nothing (the merge is idempotent);
 *  - the merge is per field by stamp (shared/sync/merge.ts), with the local row as current state;
 *  - a field with a pending local change keeps the local value; the pulled value is held (held.ts);
 *  - nothing here touches the outbox: pulled writes are never queued for upload again;
 *  - scopes the server no longer lists lose their cursor (if access returns, they are pulled from the
 *    start again), but their local rows are kept: deleting them could destroy work not yet uploaded.
 */
const isRecordTable = (table: string): table is RecordTable =>
  (recordTables as readonly string[]).includes(table);

export type ApplyResult = {
  /** Records whose local state changed. */
  changed: number;
  /** A stamp was too far ahead of this device's clock; the page was applied, the stamp not adopted. */
  clockDrift: boolean;
};

export async function applyPulledPage(
  db: AppDatabase,
  page: PullResponse,
  clock: HybridClock,
): Promise<ApplyResult> {
  let pageMax: string | undefined;
  const writes: { table: RecordTable; recordId: string; incoming: IncomingWrite }[] = [];
  for (const change of page.changes.slice().sort((a, b) => a.seq - b.seq)) {
    // The protocol's table enum already holds; the check narrows the type.
    if (!isRecordTable(change.table)) continue;
    const incoming = cleanIncoming(change.data, change.stamps);
    const top = maxStamp(incoming.stamps);
    if (top && (pageMax === undefined || compareHlc(top, pageMax) > 0)) pageMax = top;
    writes.push({ table: change.table, recordId: change.recordId, incoming });
  }

  let adopted: string | undefined;
  let clockDrift = false;
  if (pageMax) {
    try {
      // Later local edits must sort after what this device has now seen.
      clock.receive(pageMax);
      adopted = pageMax;
    } catch (error) {
      if (!(error instanceof ClockDriftError)) throw error;
      clockDrift = true;
    }
  }

  let changed = 0;
  await db.transaction('rw', syncTables(db), async () => {
    const pending = await pendingFields(
      db,
      writes.map((w) => w.recordId),
    );
    changed = await mergePage(db, writes, pending);
    const stored = await readCursors(db);
    const next: Cursors = {};
    for (const scope of page.scopes) {
      const seq = page.cursors[scope] ?? stored[scope];
      if (seq !== undefined) next[scope] = seq;
    }
    await db.meta.bulkPut([
      { key: SYNC_META.cursors, value: next },
      { key: SYNC_META.scopes, value: page.scopes },
    ]);
    if (adopted) {
      const last = (await db.meta.get('lastHlc'))?.value;
      if (typeof last !== 'string' || compareHlc(adopted, last) > 0)
        await db.meta.put({ key: 'lastHlc', value: adopted });
    }
  });
  return { changed, clockDrift };
}

/** Above this many records of one kind in a page, search rows are queued (see searchQueue.ts). */
const INLINE_INDEX_LIMIT = 200;

type Write = { table: RecordTable; recordId: string; incoming: IncomingWrite };
type Row = Parameters<typeof rowToState>[0];

/**
 * Merges a page into the local tables in bulk: one bulkGet and one bulkPut per table, one bulkPut of
 * search rows. A fresh device pulls its whole directory this way, so per-record round trips to
 * IndexedDB would dominate (see `npm run bench:sync`). Runs inside the page's transaction.
 */
async function mergePage(
  db: AppDatabase,
  writes: Write[],
  pending: Map<string, Set<string>>,
): Promise<number> {
  let changed = 0;
  const byTable = new Map<RecordTable, Write[]>();
  for (const w of writes) {
    const list = byTable.get(w.table);
    if (list) list.push(w);
    else byTable.set(w.table, [w]);
  }
  // Hosts first: visits, problems and agreements of the same page show their host's name.
  const order = [...byTable.keys()].sort((a, b) => (a === 'hosts' ? -1 : b === 'hosts' ? 1 : 0));
  for (const table of order) {
    const list = byTable.get(table) ?? [];
    const records = db.table<Row, string>(table);
    // Which of the page's records this device has already, by key only: on a fresh device that is
    // none, and one key cursor is far cheaper than a get per record.
    const known = await records
      .where(':id')
      .anyOf(list.map((w) => w.recordId))
      .primaryKeys();
    const current = new Map<string, Row>();
    if (known.length > 0) {
      const rows = await records.bulkGet(known);
      for (const row of rows) if (row) current.set(row.id, row);
    }
    const next: Row[] = [];
    const renamedHosts: Row[] = [];
    for (const { recordId, incoming } of list) {
      const { now, later } = splitByPending(incoming, pending.get(heldKey(table, recordId)));
      // Only awaited when there is something to hold: see makeSearchRow on long await runs.
      if (Object.keys(later.stamps).length > 0) await hold(db, table, recordId, later);
      if (Object.keys(now.stamps).length === 0) continue;
      const row = current.get(recordId);
      const result = mergeWrite(row ? rowToState(row) : undefined, now);
      if (row && result.changed.length === 0) continue;
      const merged = stateToRow(recordId, result.state);
      current.set(recordId, merged);
      next.push(merged);
      if (table === 'hosts' && row && result.changed.includes('name')) renamedHosts.push(merged);
    }
    if (next.length === 0) continue;
    changed += next.length;
    await records.bulkPut(next);
    if (!isSearchType(table)) continue;
    if (next.length > INLINE_INDEX_LIMIT) {
      await queueSearchRows(
        db,
        table,
        next.map((r) => r.id),
      );
      continue;
    }
    await writeSearchRows(
      db,
      table,
      next.map((r) => r.id),
      next,
    );
    // A renamed host: the rows that show its name are re-indexed too.
    for (const host of renamedHosts) await indexRecord(db, 'hosts', host as never);
  }
  return changed;
}
