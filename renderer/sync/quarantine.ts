import { newId } from '../../shared/ids';
import type { RecordTable } from '../../shared/schemas';
import type { RefusalReason } from '../../shared/sync/protocol';
import { isSearchType } from '../data/searchIndex';
import type { AppDatabase } from '../db/database';
import type { OutboxEntry, QuarantineEntry } from '../db/types';
import { heldKey, pendingFields, releaseHeld } from './held';
import { rowToState, stateToRow, syncTables } from './localRows';
import { readCursors, SYNC_META } from './syncMeta';

/**
 * What the user can do with changes the server refused. The screen shows them per record (several
 * refused edits of one record are one problem to fix), so both actions work on a record's entries.
 *
 *  - retry: after the user fixed the record, or an organiser granted access. One new outbox entry is
 *    built from the record's CURRENT values and stamps for every field the refused entries touched —
 *    re-sending the old values would only repeat the refusal, and a refused creation needs all its
 *    fields again, not just the corrected one. A new mutation id, because the server remembers its
 *    verdict on the old one.
 *  - discard: a refused creation never reached anyone else, so the record is removed from this device.
 *    A refused edit is undone: its fields lose their stamps and the scope is pulled again from the
 *    start, so the server's value comes back and wins.
 */
export type QuarantineGroup = {
  key: string;
  table: RecordTable;
  recordId: string;
  scope: string;
  entries: QuarantineEntry[];
  reasons: RefusalReason[];
  /** The latest refusal of the group. */
  refusedAt: string;
};

export function groupQuarantine(entries: readonly QuarantineEntry[]): QuarantineGroup[] {
  const groups = new Map<string, QuarantineGroup>();
  for (const e of entries) {
    const key = heldKey(e.table, e.recordId);
    const group = groups.get(key) ?? {
      key,
      table: e.table,
      recordId: e.recordId,
      scope: e.scope,
      entries: [],
      reasons: [],
      refusedAt: e.refusedAt,
    };
    group.entries.push(e);
    if (!group.reasons.includes(e.reason)) group.reasons.push(e.reason);
    if (e.refusedAt > group.refusedAt) group.refusedAt = e.refusedAt;
    groups.set(key, group);
  }
  for (const g of groups.values()) g.entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return [...groups.values()].sort((a, b) => b.refusedAt.localeCompare(a.refusedAt));
}

/** The record's creation is among the refused changes (creation is the only write of `_deleted: false`). */
export function isRefusedCreation(entries: readonly Pick<QuarantineEntry, 'changes'>[]): boolean {
  return entries.some((e) => e.changes._deleted === false);
}

async function entriesOf(db: AppDatabase, table: RecordTable, recordId: string) {
  return db.quarantine
    .where('recordId')
    .equals(recordId)
    .filter((e) => e.table === table)
    .toArray();
}

export async function retryQuarantined(
  db: AppDatabase,
  table: RecordTable,
  recordId: string,
  now: () => Date = () => new Date(),
): Promise<'queued' | 'gone'> {
  return db.transaction('rw', syncTables(db), async () => {
    const entries = (await entriesOf(db, table, recordId)).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
    if (entries.length === 0) return 'gone';
    await db.quarantine.bulkDelete(entries.map((e) => e.mutationId));
    const row = await db.table(table).get(recordId);
    if (!row) return 'gone';
    const state = rowToState(row);
    const changes: Record<string, unknown> = {};
    const stamps: Record<string, string> = {};
    const baseStamps: Record<string, string | null> = {};
    for (const entry of entries) {
      for (const field of Object.keys(entry.changes)) {
        const stamp = state.stamps[field];
        if (stamp === undefined || field in changes) continue;
        changes[field] = state.data[field];
        stamps[field] = stamp;
        // What the device had seen before its first refused change of the field.
        baseStamps[field] = entry.baseStamps?.[field] ?? null;
      }
    }
    if (Object.keys(changes).length === 0) return 'gone';
    const latest = entries[entries.length - 1] as QuarantineEntry;
    const entry: OutboxEntry = {
      mutationId: newId(),
      table,
      recordId,
      scope: latest.scope,
      changes,
      stamps,
      baseStamps,
      createdAt: now().toISOString(),
    };
    await db.outbox.add(entry);
    return 'queued';
  });
}

export async function discardQuarantined(
  db: AppDatabase,
  table: RecordTable,
  recordId: string,
): Promise<'removed' | 'reverted' | 'gone'> {
  return db.transaction('rw', syncTables(db), async () => {
    const entries = await entriesOf(db, table, recordId);
    if (entries.length === 0) return 'gone';
    await db.quarantine.bulkDelete(entries.map((e) => e.mutationId));
    const records = db.table(table);
    const row = await records.get(recordId);
    if (!row) return 'gone';
    if (isRefusedCreation(entries)) {
      // Never accepted by the server, so no one else has it: later queued edits could only fail too.
      await db.outbox
        .where('recordId')
        .equals(recordId)
        .filter((e) => e.table === table)
        .delete();
      await db.held.delete(heldKey(table, recordId));
      await records.delete(recordId);
      if (isSearchType(table)) await db.search.delete(`${table}:${recordId}`);
      return 'removed';
    }
    const pending = (await pendingFields(db, [recordId])).get(heldKey(table, recordId));
    const state = rowToState(row);
    let undone = false;
    for (const entry of entries) {
      for (const [field, stamp] of Object.entries(entry.stamps)) {
        // Only while the refused value is still the one shown, and no newer local change is queued.
        if (state.stamps[field] !== stamp || pending?.has(field)) continue;
        delete state.stamps[field];
        undone = true;
      }
    }
    if (undone) {
      await records.put(stateToRow(recordId, state));
      const cursors = await readCursors(db);
      for (const scope of new Set(entries.map((e) => e.scope))) delete cursors[scope];
      await db.meta.put({ key: SYNC_META.cursors, value: cursors });
    }
    await releaseHeld(db, [recordId]);
    return 'reverted';
  });
}
