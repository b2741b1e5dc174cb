import {
  MAX_PUSH_MUTATIONS,
  type Mutation,
  PROTOCOL_VERSION,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { AppDatabase } from '../db/database';
import type { OutboxEntry } from '../db/types';
import { releaseHeld } from './held';
import { syncTables } from './localRows';
import type { SyncTransport } from './transport';

/**
 * Pushes the outbox, oldest first, in batches.
 *
 * Invariants:
 *  - an entry leaves the outbox only after the server's verdict on it: `applied` deletes it, `refused`
 *    moves it to the quarantine; an entry without a verdict (or whose answer was lost) stays and is
 *    sent again next time — the server answers a repeated mutation id with the same result;
 *  - a crash between the server's commit and the local delete therefore only causes a harmless resend;
 *  - a refused entry never blocks the others: later entries are still pushed;
 *  - entries added while a push runs wait for the next cycle, so a busy user cannot keep a push going.
 */
export type PushResult = { applied: number; refused: number };

/**
 * The wire form of an outbox entry. A creation (the only write of `_deleted: false`) also carries the
 * record's `id`, stamped like its other fields: the server validates the merged record, id included,
 * and other devices receive the id as data. Local rows keep the id as their key, unstamped.
 */
export function toMutation(entry: OutboxEntry): Mutation {
  const creationStamp = entry.changes._deleted === false ? entry.stamps._deleted : undefined;
  const withId = creationStamp !== undefined && !('id' in entry.changes);
  return {
    mutationId: entry.mutationId,
    table: entry.table,
    recordId: entry.recordId,
    scope: entry.scope,
    changes: withId ? { id: entry.recordId, ...entry.changes } : entry.changes,
    stamps: withId ? { id: creationStamp, ...entry.stamps } : entry.stamps,
    ...(entry.baseStamps
      ? { baseStamps: withId ? { id: null, ...entry.baseStamps } : entry.baseStamps }
      : {}),
  };
}

export async function pushOutbox(
  db: AppDatabase,
  transport: SyncTransport,
  deviceId: string,
  options: { batchSize?: number; now?: () => number } = {},
): Promise<PushResult> {
  const batchSize = Math.min(options.batchSize ?? MAX_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS);
  const now = options.now ?? Date.now;
  const last = await db.outbox.orderBy(':id').last();
  const result: PushResult = { applied: 0, refused: 0 };
  if (last?.seq === undefined) return result;
  const upTo = last.seq;
  let after = -Infinity;
  for (;;) {
    const batch = await db.outbox.where(':id').between(after, upTo, false, true).limit(batchSize).toArray();
    const tail = batch[batch.length - 1];
    if (!tail || tail.seq === undefined) break;
    const response = await transport.push({
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      mutations: batch.map(toMutation),
    });
    const done = await acknowledge(db, batch, response, new Date(now()).toISOString());
    result.applied += done.applied;
    result.refused += done.refused;
    after = tail.seq;
  }
  return result;
}

/** Records the server's verdicts for one batch, in one transaction. */
export async function acknowledge(
  db: AppDatabase,
  batch: readonly OutboxEntry[],
  response: PushResponse,
  refusedAt: string,
): Promise<PushResult> {
  const sent = new Map(batch.map((e) => [e.mutationId, e]));
  const applied = new Set(response.applied.filter((id) => sent.has(id)));
  const refusals = response.refused.filter((r) => sent.has(r.mutationId) && !applied.has(r.mutationId));
  const touched: string[] = [];
  await db.transaction('rw', syncTables(db), async () => {
    if (applied.size > 0)
      await db.outbox
        .where('mutationId')
        .anyOf([...applied])
        .delete();
    for (const refusal of refusals) {
      const entry = sent.get(refusal.mutationId);
      if (!entry) continue;
      const { seq: _seq, ...kept } = entry;
      await db.quarantine.put({
        ...kept,
        reason: refusal.reason,
        message: refusal.message,
        ...(refusal.issues ? { issues: refusal.issues } : {}),
        refusedAt,
      });
      await db.outbox.where('mutationId').equals(refusal.mutationId).delete();
    }
    for (const id of [...applied, ...refusals.map((r) => r.mutationId)]) {
      const entry = sent.get(id);
      if (entry) touched.push(entry.recordId);
    }
    await releaseHeld(db, touched);
  });
  return { applied: applied.size, refused: refusals.length };
}
