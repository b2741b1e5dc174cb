import { ClockDriftError, compareHlc, type HybridClock } from '../../shared/hlc';
import { type RecordTable, recordTables } from '../../shared/schemas';
import { type IncomingWrite, maxStamp } from '../../shared/sync/merge';
import type { PullResponse } from '../../shared/sync/protocol';
import type { AppDatabase } from '../db/database';
import { heldKey, hold, pendingFields, splitByPending } from './held';
import { cleanIncoming, mergeIntoLocal, syncTables } from './localRows';
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
    for (const { table, recordId, incoming } of writes) {
      const { now, later } = splitByPending(incoming, pending.get(heldKey(table, recordId)));
      if (await mergeIntoLocal(db, table, recordId, now)) changed += 1;
      await hold(db, table, recordId, later);
    }
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
