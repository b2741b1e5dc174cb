import type { MergeableTable, RecordOf } from '../../shared/schemas';
import { sameValue } from '../../shared/sync/merge';
import { emptyMergeMaps, REFERENCES, repointFields } from '../../shared/sync/references';
import { createRecord, deleteRecord, updateRecord } from '../data/repository';
import { type AppDatabase, getDb } from '../db/database';
import { domainFields } from '../db/rows';
import type { Stored } from '../db/types';
import { syncTables } from '../sync/localRows';
import { referencingRows } from './references';
import { whoAmI } from './whoAmI';

/**
 * Merging two records the organiser has recognised as one (a host entered twice, a visit logged by two
 * experts). Invariants:
 *  - ONE Dexie transaction: the merge trail, every re-pointed reference, the survivor's filled fields and
 *    the tombstone of the merged-away record are written together or not at all;
 *  - every write goes through the repository, so each is stamped, queued and synced like any edit, and
 *    other devices converge by the ordinary merge;
 *  - references are re-pointed with the same map the server uses (shared/sync/references.ts); writes
 *    other devices make offline to the old id are re-pointed by the server when they arrive, following
 *    the `merges` record;
 *  - nothing of the merged-away record is lost silently: empty fields of the survivor are filled from it,
 *    a visit's experts and needs are united and differing notes appended.
 */

export type MergeInfo = {
  /** The trip where the organiser merged: the merge trail lives in its scope. */
  tripId: string;
  fromLabel: string;
  intoLabel: string;
  reason?: string;
  /** Who merged; the signed-in account when omitted. */
  mergedBy?: string;
};

export type MergeProblem = 'missing' | 'same' | 'otherTrip';

export class MergeError extends Error {
  constructor(
    readonly problem: MergeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MergeError';
  }
}

/** Host fields a survivor takes from the merged-away host when it has none of its own. */
const HOST_FILL = ['creditCode', 'district', 'industry', 'contactName', 'contactPhone', 'address'] as const;

function hostPatch(into: RecordOf<'hosts'>, from: RecordOf<'hosts'>): Partial<RecordOf<'hosts'>> {
  const patch: Partial<RecordOf<'hosts'>> = {};
  for (const field of HOST_FILL) if (into[field] === '' && from[field] !== '') patch[field] = from[field];
  return patch;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * The same visit entered twice: the survivor keeps its own activities and figures (adding both would
 * count the visit twice), gains the other's experts and needs, and the other's notes when they differ.
 */
function visitPatch(into: RecordOf<'visits'>, from: RecordOf<'visits'>): Partial<RecordOf<'visits'>> {
  const patch: Partial<RecordOf<'visits'>> = {};
  const experts = union(into.expertIds, from.expertIds);
  if (!sameValue(experts, into.expertIds)) patch.expertIds = experts;
  const needs = union(into.needIds, from.needIds);
  if (!sameValue(needs, into.needIds)) patch.needIds = needs;
  const otherNotes = from.notes.trim();
  if (otherNotes !== '' && !into.notes.includes(otherNotes)) {
    patch.notes = into.notes.trim() === '' ? otherNotes : `${into.notes.trim()}\n\n${otherNotes}`;
  }
  if (into.location === '' && from.location !== '') patch.location = from.location;
  return patch;
}

/**
 * What merging `from` into `into` changes on the survivor (also shown to the organiser before merging).
 */
export function mergePatch<T extends MergeableTable>(
  table: T,
  into: RecordOf<T>,
  from: RecordOf<T>,
): Partial<RecordOf<T>> {
  return (
    table === 'hosts'
      ? hostPatch(into as RecordOf<'hosts'>, from as RecordOf<'hosts'>)
      : visitPatch(into as RecordOf<'visits'>, from as RecordOf<'visits'>)
  ) as Partial<RecordOf<T>>;
}

async function liveRow<T extends MergeableTable>(db: AppDatabase, table: T, id: string): Promise<Stored<T>> {
  const row = await db.records(table).get(id);
  if (!row || row._deleted === 1) throw new MergeError('missing', `No live ${table} record ${id}`);
  return row;
}

/**
 * Merges `fromId` into `intoId` (see the header). Returns the merge trail record. Throws MergeError
 * when a record is gone or the pair makes no sense, RecordValidationError when the merged survivor
 * would be invalid (e.g. notes too long) — in both cases nothing is written.
 */
export async function mergeRecords(
  table: MergeableTable,
  fromId: string,
  intoId: string,
  info: MergeInfo,
  db: AppDatabase = getDb(),
): Promise<Stored<'merges'>> {
  if (fromId === intoId) throw new MergeError('same', 'A record cannot be merged into itself');
  const mergedBy = info.mergedBy ?? (await whoAmI(db));
  return db.transaction('rw', syncTables(db), async () => {
    const from = await liveRow(db, table, fromId);
    const into = await liveRow(db, table, intoId);
    if (table === 'visits' && (from as Stored<'visits'>).tripId !== (into as Stored<'visits'>).tripId) {
      throw new MergeError('otherTrip', 'Visits of different trips cannot be merged');
    }
    const trail = await createRecord(
      'merges',
      {
        tripId: info.tripId,
        table,
        fromId,
        intoId,
        fromLabel: info.fromLabel.slice(0, 200),
        intoLabel: info.intoLabel.slice(0, 200),
        mergedBy,
        reason: (info.reason ?? '').trim().slice(0, 400),
      },
      db,
    );

    const mergedInto = emptyMergeMaps();
    mergedInto[table].set(fromId, intoId);
    const seen = new Set<string>();
    for (const ref of REFERENCES[table]) {
      for (const row of await referencingRows(db, ref, fromId)) {
        // A table can point twice (a follow-up by relatedId): re-point each record once, fully.
        const key = `${ref.table}:${row.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const fields = domainFields(row);
        const patch = repointFields(ref.table, fields, fields, mergedInto);
        if (Object.keys(patch).length > 0) await updateRecord(ref.table, row.id, patch as never, db);
      }
    }

    const patch = mergePatch(table, into as RecordOf<typeof table>, from as RecordOf<typeof table>);
    if (Object.keys(patch).length > 0) await updateRecord(table, intoId, patch as never, db);
    await deleteRecord(table, fromId, db);
    return trail;
  });
}

/**
 * Merges every record of a duplicate group into the one that stays, in ONE transaction (each pair is a
 * mergeRecords, nested): the group is merged completely or not at all.
 */
export async function mergeGroup(
  table: MergeableTable,
  from: readonly { id: string; label: string }[],
  into: { id: string; label: string },
  info: Pick<MergeInfo, 'tripId' | 'reason' | 'mergedBy'>,
  db: AppDatabase = getDb(),
): Promise<Stored<'merges'>[]> {
  const mergedBy = info.mergedBy ?? (await whoAmI(db));
  return db.transaction('rw', syncTables(db), async () => {
    const trails: Stored<'merges'>[] = [];
    for (const f of from) {
      const trail = await mergeRecords(
        table,
        f.id,
        into.id,
        {
          tripId: info.tripId,
          fromLabel: f.label,
          intoLabel: into.label,
          reason: info.reason ?? '',
          mergedBy,
        },
        db,
      );
      trails.push(trail);
    }
    return trails;
  });
}
