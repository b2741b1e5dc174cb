import type { BackupProblem, BackupRecord, TripBackup } from '../../shared/backup/format';
import { compareHlc, DEFAULT_MAX_DRIFT_MS, parseHlc } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import {
  conflictResolutionFields,
  isDirectoryTable,
  type RecordTable,
  recordTables,
} from '../../shared/schemas';
import { maxStamp, mergeWrite } from '../../shared/sync/merge';
import { scopeOf } from '../../shared/sync/scope';
import type { AppDatabase } from '../db/database';
import type { OutboxEntry } from '../db/types';
import { cleanIncoming, rowToState, stateToRow } from '../sync/localRows';

/**
 * What importing a backup does to each record, decided without writing: the import applies the plan,
 * the preview only counts it. Pure apart from reading the device's current rows.
 */
export type TableOutcome = { new: number; updated: number; unchanged: number };
export type Outcomes = Record<RecordTable, TableOutcome>;

export type Row = ReturnType<typeof stateToRow>;

export type TablePlan = {
  outcome: TableOutcome;
  /** Rows to store (new or changed). */
  rows: Row[];
  /** One outbox entry per record with a changed stamped field (see `uploadable`). */
  entries: OutboxEntry[];
  /** Hosts whose name changed: the search rows that show it must follow. */
  renamedHosts: Row[];
};

/** Raised while planning to abort the import (and its transaction); turned into a refusal outside. */
export class ImportRefused extends Error {
  constructor(readonly problem: BackupProblem) {
    super(problem.code);
    this.name = 'ImportRefused';
  }
}

/** Hosts first, so rows of visits, problems and agreements are indexed with their host's name. */
export const IMPORT_ORDER: readonly RecordTable[] = ['hosts', ...recordTables.filter((t) => t !== 'hosts')];

export const emptyOutcome = (): TableOutcome => ({ new: 0, updated: 0, unchanged: 0 });

export function addOutcome(into: TableOutcome, from: TableOutcome): void {
  into.new += from.new;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
}

export function sumOutcomes(tables: Outcomes): TableOutcome {
  const sum = emptyOutcome();
  for (const outcome of Object.values(tables)) addOutcome(sum, outcome);
  return sum;
}

/** The highest stamp in the file: the device clock must move past it. */
export function topStamp(backup: TripBackup): string | undefined {
  let top: string | undefined;
  for (const table of recordTables) {
    for (const record of backup.tables[table]) {
      const m = maxStamp(record.stamps);
      if (m && (top === undefined || compareHlc(m, top) > 0)) top = m;
    }
  }
  return top;
}

/**
 * The refusal for stamps too far ahead of this device's clock, with the same tolerance as sync
 * (DEFAULT_MAX_DRIFT_MS): adopting them would make this device's own later edits lose to them, and the
 * server would refuse their upload as clock drift.
 */
export function clockAhead(top: string | undefined, now: number = Date.now()): BackupProblem | undefined {
  if (!top) return undefined;
  const ahead = parseHlc(top).wall - now;
  if (ahead <= DEFAULT_MAX_DRIFT_MS) return undefined;
  return { code: 'clock_ahead', minutes: Math.max(1, Math.round(ahead / 60_000)) };
}

/** The fields of the conflict records a device may write (the server makes conflict records). */
const CONFLICT_RESOLUTION_FIELDS: ReadonlySet<string> = new Set(conflictResolutionFields);

/**
 * Which changed fields to queue for upload. Conflict records are the exception: one that is new on this
 * device cannot be created by a device (the server refuses it, and either has it already or cannot take
 * it back), so nothing is queued; on one the device had, only a changed resolution is.
 */
function uploadable(table: RecordTable, changed: readonly string[], existed: boolean): string[] {
  if (table !== 'conflicts') return [...changed];
  if (!existed) return [];
  return changed.filter((f) => CONFLICT_RESOLUTION_FIELDS.has(f));
}

/**
 * Merges one table's records with the device's current rows (`current[i]` belongs to `records[i]`) by
 * stamp, field by field, as sync does. Throws ImportRefused when the device holds one of the ids in
 * another trip: records never move between trips.
 */
export function planTable(
  table: RecordTable,
  records: readonly BackupRecord[],
  current: readonly (Row | undefined)[],
  tripId: string,
  createdAt: string,
): TablePlan {
  const plan: TablePlan = { outcome: emptyOutcome(), rows: [], entries: [], renamedHosts: [] };
  records.forEach((record, i) => {
    const row = current[i];
    if (row && !isDirectoryTable(table) && scopeOf(table, row) !== tripId) {
      throw new ImportRefused({ code: 'id_clash', table, recordId: record.id });
    }
    const incoming = cleanIncoming({ ...record.data, _deleted: record.deleted }, record.stamps);
    const result = mergeWrite(row ? rowToState(row) : undefined, incoming);
    // A field without a stamp (set by a schema upgrade, never by a user) cannot be merged; it only fills
    // a gap, so a restored record is complete without overriding anything stamped.
    let filled = false;
    for (const [field, value] of Object.entries(record.data)) {
      if (field === 'id' || field in record.stamps || field in result.state.data) continue;
      result.state.data[field] = value;
      filled = true;
    }
    if (row && result.changed.length === 0 && !filled) {
      plan.outcome.unchanged += 1;
      return;
    }
    if (row) plan.outcome.updated += 1;
    else plan.outcome.new += 1;
    const merged = stateToRow(record.id, result.state);
    plan.rows.push(merged);
    if (table === 'hosts' && row && result.changed.includes('name')) plan.renamedHosts.push(merged);
    const upload = uploadable(table, result.changed, row !== undefined);
    if (upload.length === 0) return;
    plan.entries.push({
      mutationId: newId(),
      table,
      recordId: record.id,
      scope: scopeOf(table, merged),
      changes: Object.fromEntries(upload.map((f) => [f, result.state.data[f]])),
      stamps: Object.fromEntries(upload.map((f) => [f, result.state.stamps[f] ?? ''])),
      baseStamps: Object.fromEntries(upload.map((f) => [f, row?._stamps[f] ?? null])),
      createdAt,
    });
  });
  return plan;
}

/** The device's current rows of a table's records, in the records' order. */
export async function currentRows(
  db: AppDatabase,
  table: RecordTable,
  records: readonly BackupRecord[],
): Promise<(Row | undefined)[]> {
  return db.table<Row, string>(table).bulkGet(records.map((r) => r.id));
}

export type PreviewResult =
  | { ok: true; tables: Outcomes; total: TableOutcome }
  | { ok: false; problem: BackupProblem };

/**
 * What importing would do on this device now (new / updated / unchanged per table), or why it would be
 * refused, read in one read transaction. Nothing is written.
 */
export async function previewImport(db: AppDatabase, backup: TripBackup): Promise<PreviewResult> {
  const ahead = clockAhead(topStamp(backup));
  if (ahead) return { ok: false, problem: ahead };
  const tables = Object.fromEntries(recordTables.map((t) => [t, emptyOutcome()])) as Outcomes;
  try {
    await db.transaction(
      'r',
      recordTables.map((t) => db.table(t)),
      async () => {
        for (const table of recordTables) {
          const records = backup.tables[table];
          if (records.length === 0) continue;
          const current = await currentRows(db, table, records);
          tables[table] = planTable(table, records, current, backup.trip.id, '').outcome;
        }
      },
    );
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, problem: error.problem };
    throw error;
  }
  return { ok: true, tables, total: sumOutcomes(tables) };
}
