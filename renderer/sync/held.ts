import type { RecordTable } from '../../shared/schemas';
import { type IncomingWrite, mergeWrite } from '../../shared/sync/merge';
import type { AppDatabase } from '../db/database';
import { mergeIntoLocal } from './localRows';

/**
 * Fields with a pending local change keep the local value until that change is acknowledged.
 *
 * Why hold the pulled value instead of dropping it: the pull cursor moves past the change, so if the
 * server's value is newer (another device wrote later) nothing would ever deliver it again and this
 * device would diverge. The held value is merged in by stamp the moment the local change is
 * acknowledged, so the device ends where every replica ends.
 *
 * All functions run inside a transaction over `syncTables(db)`.
 */
export const heldKey = (table: string, recordId: string) => `${table}:${recordId}`;

/** Changed fields per `table:recordId` among the outbox entries of the given records. */
export async function pendingFields(
  db: AppDatabase,
  recordIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  // Nothing unsent (a fresh device pulling everything): no need to look 2,000 ids up in the outbox.
  if (recordIds.length === 0 || (await db.outbox.count()) === 0) return out;
  const entries = await db.outbox
    .where('recordId')
    .anyOf([...new Set(recordIds)])
    .toArray();
  for (const e of entries) {
    const key = heldKey(e.table, e.recordId);
    const fields = out.get(key) ?? new Set<string>();
    for (const f of Object.keys(e.changes)) fields.add(f);
    out.set(key, fields);
  }
  return out;
}

/** Splits a write into the fields that may be applied now and those that must wait. */
export function splitByPending(
  incoming: IncomingWrite,
  pending: Set<string> | undefined,
): { now: IncomingWrite; later: IncomingWrite } {
  const now: IncomingWrite = { changes: {}, stamps: {} };
  const later: IncomingWrite = { changes: {}, stamps: {} };
  for (const [field, stamp] of Object.entries(incoming.stamps)) {
    const side = pending?.has(field) ? later : now;
    side.changes[field] = incoming.changes[field];
    side.stamps[field] = stamp;
  }
  return { now, later };
}

export async function hold(
  db: AppDatabase,
  table: RecordTable,
  recordId: string,
  write: IncomingWrite,
): Promise<void> {
  if (Object.keys(write.stamps).length === 0) return;
  const key = heldKey(table, recordId);
  const existing = await db.held.get(key);
  const merged = mergeWrite(existing ? { data: existing.data, stamps: existing.stamps } : undefined, write);
  await db.held.put({ key, table, recordId, data: merged.state.data, stamps: merged.state.stamps });
}

/**
 * Applies held values of the given records whose fields no longer have a pending change (called after
 * outbox entries were acknowledged or given up); fields still pending stay held.
 */
export async function releaseHeld(db: AppDatabase, recordIds: readonly string[]): Promise<void> {
  const ids = [...new Set(recordIds)];
  if (ids.length === 0) return;
  const rows = await db.held.where('recordId').anyOf(ids).toArray();
  if (rows.length === 0) return;
  const pending = await pendingFields(db, ids);
  for (const row of rows) {
    const { now, later } = splitByPending({ changes: row.data, stamps: row.stamps }, pending.get(row.key));
    await mergeIntoLocal(db, row.table, row.recordId, now);
    if (Object.keys(later.stamps).length === 0) await db.held.delete(row.key);
    else await db.held.put({ ...row, data: later.changes, stamps: later.stamps });
  }
}
