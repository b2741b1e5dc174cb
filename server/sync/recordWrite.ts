import { type RecordTable, recordSchemas } from '../../shared/schemas';
import { type IncomingWrite, type MergeResult, mergeWrite } from '../../shared/sync/merge';
import type { Refusal } from '../../shared/sync/protocol';
import { repointFields } from '../../shared/sync/references';
import { scopeOf } from '../../shared/sync/scope';
import type { Queryable } from '../db/index';
import { type ConflictSource, keepConflict } from './conflictRecords';
import { competeWithRepoints, type MergeMaps, repointWrite } from './merges';
import { stampAfter } from './serverClock';
import { type ChangeLog, type StoredRecord, saveRecord } from './store';

/**
 * One device write to one stored record, in two steps so that every check that can refuse runs before
 * anything is written (a mutation may write two records: a merged-away one and its survivor):
 *  1. planWrite: re-point references to merged-away ids, weigh the write against server re-points,
 *     merge field by field with the shared `mergeWrite`, validate the merged record (not the write)
 *     with the shared schema unless it is a tombstone;
 *  2. commitPlan: stamp what the server changed on the device's behalf (re-pointed values that won, and
 *     stale references the record still held) with a server stamp, so the writing device takes them on
 *     its next pull; record who wrote each field; store under a new seq; keep every conflict.
 */
export type WritePlan = {
  table: RecordTable;
  id: string;
  scope: string;
  before: StoredRecord | undefined;
  merged: MergeResult;
  /** Fields the server re-pointed in the write → the device's stamp of that field. */
  repointed: Record<string, string>;
};

type Issues = NonNullable<Refusal['issues']>;
export type PlanRefusal = { message: string; issues: Issues };

export function planWrite(
  target: { table: RecordTable; id: string; scope: string },
  incoming: IncomingWrite,
  before: StoredRecord | undefined,
  maps: MergeMaps,
): WritePlan | PlanRefusal {
  const { table, scope } = target;
  const { write, repointed } = repointWrite(table, incoming, before, maps);
  const merged = mergeWrite(
    before ? { data: before.data, stamps: before.stamps } : undefined,
    competeWithRepoints(write, before),
  );
  const data = merged.state.data;
  if (data._deleted !== true) {
    const check = recordSchemas[table].safeParse(data);
    if (!check.success) {
      const issues = check.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
      const missing = before ? '' : ' A new record must carry all its required fields.';
      const where = issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
        .join('; ');
      return {
        message: `The ${table} record would be invalid after this change: ${where}.${missing}`,
        issues,
      };
    }
    // The schema has the trip id; it must name the scope the record lives in.
    if (scopeOf(table, data) !== scope) {
      return {
        message: `The ${table} record's trip does not match its scope ${scope}.`,
        issues: [{ path: ['tripId'], message: 'v.scopeMismatch' }],
      };
    }
  }
  return { ...target, before, merged, repointed };
}

export const isPlanRefusal = (p: WritePlan | PlanRefusal): p is PlanRefusal => 'issues' in p;

/** Stores the planned write (if it changes anything) and keeps its conflicts; returns the stored state. */
export async function commitPlan(
  tx: Queryable,
  log: ChangeLog,
  plan: WritePlan,
  maps: MergeMaps,
  source: ConflictSource,
  options: { keepConflicts: boolean },
): Promise<StoredRecord | undefined> {
  const { merged, before } = plan;
  const data = { ...merged.state.data };
  const stamps = { ...merged.state.stamps };
  const writers = { ...(before?.writers ?? {}) };
  const repointed = { ...(before?.repointed ?? {}) };
  for (const field of merged.changed) {
    writers[field] = source.user.id;
    delete repointed[field];
  }
  const restamp = merged.changed.filter((f) => f in plan.repointed);
  // References the record already held that name a merged-away id (e.g. a follow-up whose type now
  // makes its relatedId a host): re-pointed now, on behalf of whoever wrote them.
  const stale = data._deleted === true ? {} : repointFields(plan.table, data, data, maps);
  if (restamp.length > 0 || Object.keys(stale).length > 0) {
    const stamp = stampAfter(Object.values(stamps), Object.values(before?.stamps ?? {}));
    for (const field of restamp) {
      repointed[field] = plan.repointed[field] as string;
      stamps[field] = stamp;
    }
    for (const [field, value] of Object.entries(stale)) {
      repointed[field] = repointed[field] ?? (stamps[field] as string);
      data[field] = value;
      stamps[field] = stamp;
    }
  }
  let stored = before;
  if (merged.changed.length > 0 || Object.keys(stale).length > 0) {
    stored = { tbl: plan.table, id: plan.id, scope: plan.scope, data, stamps, writers, repointed };
    await saveRecord(tx, log, stored);
  }
  if (!options.keepConflicts) return stored;
  for (const c of merged.conflicts) {
    // The winner's stamp as stored (the server may have re-stamped it above).
    const winner = { ...c.winner, stamp: stamps[c.field] ?? c.winner.stamp };
    await keepConflict(tx, log, { tbl: plan.table, id: plan.id, scope: plan.scope }, before, source, {
      ...c,
      winner,
    });
  }
  return stored;
}
