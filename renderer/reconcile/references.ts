import type { MergeableTable, RecordTable } from '../../shared/schemas';
import { REFERENCES, type Reference } from '../../shared/sync/references';
import type { AppDatabase } from '../db/database';

/**
 * Finding, on the device, the records that point at a host or a visit — the same references the
 * server re-points (shared/sync/references.ts), so that counting them, showing them and re-pointing
 * them agree with what a merge does.
 */
export type Row = Record<string, unknown> & { id: string; _deleted: 0 | 1 };

function matches(ref: Reference, row: Row, id: string): boolean {
  if (row._deleted === 1) return false;
  if (ref.when && row[ref.when.field] !== ref.when.equals) return false;
  const value = row[ref.field];
  return ref.list ? Array.isArray(value) && value.includes(id) : value === id;
}

/**
 * The live records whose `ref` names `id`. Uses an index when the table has one for the field (or a
 * compound one with the `when` field, as comments have), else scans the table: those are the small
 * per-trip tables (agreements by visit), never the directory.
 */
export async function referencingRows(db: AppDatabase, ref: Reference, id: string): Promise<Row[]> {
  const table = db.table<Row, string>(ref.table);
  const indexes = table.schema.idxByName;
  let rows: Row[];
  if (indexes[ref.field]) {
    rows = await table.where(ref.field).equals(id).toArray();
  } else if (ref.when && indexes[`[${ref.when.field}+${ref.field}]`]) {
    rows = await table.where(`[${ref.when.field}+${ref.field}]`).equals([ref.when.equals, id]).toArray();
  } else {
    rows = await table.filter((row) => matches(ref, row, id)).toArray();
  }
  return rows.filter((row) => matches(ref, row, id));
}

/** How many live records of each referencing table name `id` (a host's visits, needs, problems…). */
export async function referenceCounts(
  db: AppDatabase,
  target: MergeableTable,
  id: string,
): Promise<Partial<Record<RecordTable, number>>> {
  const counts: Partial<Record<RecordTable, number>> = {};
  for (const ref of REFERENCES[target]) {
    const rows = await referencingRows(db, ref, id);
    counts[ref.table] = (counts[ref.table] ?? 0) + rows.length;
  }
  return counts;
}

/** Which trip tables name experts, and in which field (a list, or one id). */
const EXPERT_FIELDS = [
  { table: 'tripMembers', field: 'expertId' },
  { table: 'visits', field: 'expertIds' },
  { table: 'needs', field: 'expertIds' },
  { table: 'agreements', field: 'expertIds' },
] as const satisfies readonly { table: RecordTable; field: string }[];

/**
 * The directory records a trip's records name: its hosts (by the reference map) and its experts.
 * Conflicts about these directory records are shown with the trip's own.
 */
export async function tripDirectoryIds(
  db: AppDatabase,
  tripId: string,
): Promise<{ hostIds: Set<string>; expertIds: Set<string> }> {
  const hostIds = new Set<string>();
  const expertIds = new Set<string>();
  const rowsOf = new Map<string, Promise<Row[]>>();
  const tripRows = (table: RecordTable) => {
    let rows = rowsOf.get(table);
    if (!rows) {
      rows = db
        .table<Row, string>(table)
        .where('tripId')
        .equals(tripId)
        .filter((r) => r._deleted === 0)
        .toArray();
      rowsOf.set(table, rows);
    }
    return rows;
  };
  for (const ref of REFERENCES.hosts) {
    for (const row of await tripRows(ref.table)) {
      if (ref.when && row[ref.when.field] !== ref.when.equals) continue;
      const value = row[ref.field];
      if (typeof value === 'string' && value !== '') hostIds.add(value);
    }
  }
  for (const { table, field } of EXPERT_FIELDS) {
    for (const row of await tripRows(table)) {
      const value = row[field];
      for (const id of Array.isArray(value) ? value : [value]) {
        if (typeof id === 'string' && id !== '') expertIds.add(id);
      }
    }
  }
  return { hostIds, expertIds };
}
