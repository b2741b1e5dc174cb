import { useLiveQuery } from 'dexie-react-hooks';
import { isHlc, parseHlc } from '../../../shared/hlc';
import type { RecordTable } from '../../../shared/schemas';
import { sameValue } from '../../../shared/sync/merge';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';
import { isRecordTable } from '../../reconcile/conflicts';
import { tripDirectoryIds } from '../../reconcile/references';
import { recordPath, recordTitle } from '../sync/recordInfo';
import { lookupNames } from './names';
import { idsIn, kindOf, type NameLookup, type ValueKind } from './values';

/**
 * The conflicts an organiser of this trip resolves: the trip's own, and those of directory records
 * (hosts, experts) that this trip's records name. Several conflicts about the same field of the same
 * record (several rounds of one disagreement) form one group: one decision settles them all.
 */
export type Version = {
  value: unknown;
  /** Wall time of the write (its HLC stamp), null when the stamp is unreadable. */
  at: number | null;
  by: string;
  /** The conflict this value lost in (for "use this value"); none for the current value. */
  conflictId?: string;
  /** The current value was written after the conflicts (an edit since, or a resolution). */
  later?: boolean;
};

export type ConflictGroup = {
  key: string;
  table: string;
  recordId: string;
  field: string;
  open: boolean;
  conflicts: Stored<'conflicts'>[];
  title: string;
  path: string | null;
  /** The record is on the device and not deleted: a value can be written to it. */
  recordLive: boolean;
  directory: boolean;
  kind: ValueKind;
  current: Version;
  /** The losing values, newest first, one per distinct value. */
  others: Version[];
  latest: number;
  /** The newest resolution in the group, for the resolved list. */
  resolution: { resolution: Stored<'conflicts'>['resolution']; by: string; at: string } | null;
};

export type ConflictGroups = { open: ConflictGroup[]; resolved: ConflictGroup[]; names: NameLookup };

const wallOf = (stamp: string | undefined): number | null =>
  stamp && isHlc(stamp) ? parseHlc(stamp).wall : null;

async function buildGroup(
  key: string,
  conflicts: Stored<'conflicts'>[],
  tripId: string,
  open: boolean,
): Promise<ConflictGroup> {
  const db = getDb();
  const first = conflicts[0] as Stored<'conflicts'>;
  const { table, recordId, field } = first;
  const row = isRecordTable(table) ? await db.table(table).get(recordId) : undefined;
  const recordLive = row !== undefined && row._deleted === 0;
  const byStamp = [...conflicts].sort((a, b) => (a.otherStamp < b.otherStamp ? 1 : -1));
  // The record's value now; a later edit may have replaced the value that won the conflict.
  const newest = [...conflicts].sort((a, b) =>
    a.currentStamp < b.currentStamp ? 1 : -1,
  )[0] as Stored<'conflicts'>;
  const liveStamp: string | undefined = recordLive ? row._stamps?.[field] : undefined;
  // The writer of the value it holds now: a conflict's winner, unless someone changed it since.
  const winner = conflicts.find((c) => c.currentStamp === liveStamp);
  const current: Version = recordLive
    ? { value: row[field], at: wallOf(liveStamp), by: winner?.currentBy ?? '', later: !winner }
    : { value: newest.currentValue, at: wallOf(newest.currentStamp), by: newest.currentBy };
  const others: Version[] = [];
  for (const c of byStamp) {
    // An open group offers only values that differ from now; a resolved one shows what was decided on.
    if (open && sameValue(c.otherValue, current.value)) continue;
    if (others.some((o) => sameValue(o.value, c.otherValue))) continue;
    others.push({ value: c.otherValue, at: wallOf(c.otherStamp), by: c.otherBy, conflictId: c.id });
  }
  const latest = Math.max(
    ...conflicts.map((c) => wallOf(c.otherStamp) ?? 0),
    wallOf(newest.currentStamp) ?? 0,
  );
  const resolvedOnes = conflicts
    .filter((c) => c.resolution !== 'open')
    .sort((a, b) => (a.resolvedAt < b.resolvedAt ? 1 : -1));
  const last = resolvedOnes[0];
  return {
    key,
    table,
    recordId,
    field,
    open,
    conflicts,
    title: row ? await recordTitle(db, table as RecordTable, row) : '',
    path: isRecordTable(table) ? recordPath(table, row, tripId) : null,
    recordLive,
    directory: first.tripId === '',
    kind: kindOf(table, field, row),
    current,
    others,
    latest,
    resolution: last ? { resolution: last.resolution, by: last.resolvedBy, at: last.resolvedAt } : null,
  };
}

export async function loadConflictGroups(tripId: string): Promise<ConflictGroups> {
  const db = getDb();
  const [own, directory, refs] = await Promise.all([
    db.conflicts.where('tripId').equals(tripId).toArray(),
    db.conflicts.where('tripId').equals('').toArray(),
    tripDirectoryIds(db, tripId),
  ]);
  const named = (c: Stored<'conflicts'>) =>
    (c.table === 'hosts' && refs.hostIds.has(c.recordId)) ||
    (c.table === 'experts' && refs.expertIds.has(c.recordId));
  const all = [...own, ...directory.filter(named)].filter((c) => c._deleted === 0);
  const buckets = new Map<string, Stored<'conflicts'>[]>();
  for (const c of all) {
    const open = c.resolution === 'open';
    const key = `${open ? 'open' : 'done'}|${c.table}|${c.recordId}|${c.field}`;
    buckets.set(key, [...(buckets.get(key) ?? []), c]);
  }
  const groups = await Promise.all(
    [...buckets].map(([key, list]) => buildGroup(key, list, tripId, key.startsWith('open|'))),
  );
  const names = await lookupNames(
    groups.flatMap((g) =>
      [g.current, ...g.others].map((v) => idsIn(g.kind, v.value)).filter((r) => r !== null),
    ),
  );
  const newestFirst = (a: ConflictGroup, b: ConflictGroup) => b.latest - a.latest;
  return {
    open: groups.filter((g) => g.open).sort(newestFirst),
    resolved: groups
      .filter((g) => !g.open)
      .sort((a, b) => ((a.resolution?.at ?? '') < (b.resolution?.at ?? '') ? 1 : -1)),
    names,
  };
}

/** Live: re-reads when a conflict, a record of the trip or a name changes. */
export function useConflictGroups(tripId: string): ConflictGroups | undefined {
  return useLiveQuery(() => loadConflictGroups(tripId), [tripId]);
}
