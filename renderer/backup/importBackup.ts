import {
  type BackupProblem,
  type ParseResult,
  readBackup,
  type TripBackup,
} from '../../shared/backup/format';
import { type BackupFiles, isZip, readBackupZip } from '../../shared/backup/zip';
import { compareHlc } from '../../shared/hlc';
import { type RecordTable, recordTables } from '../../shared/schemas';
import { getClock } from '../data/clock';
import { indexRecord, isSearchType, writeSearchRows } from '../data/searchIndex';
import type { AppDatabase } from '../db/database';
import { syncTables } from '../sync/localRows';
import { type FilesOutcome, writeBackupFiles } from './importFiles';
import {
  addOutcome,
  clockAhead,
  currentRows,
  emptyOutcome,
  IMPORT_ORDER,
  ImportRefused,
  type Outcomes,
  planTable,
  type Row,
  sumOutcomes,
  type TableOutcome,
  type TablePlan,
  topStamp,
} from './planImport';

/**
 * Restores a trip from its JSON backup (shared/backup/format.ts) into this device.
 *
 * Invariants:
 *  - the whole file is decoded, parsed, checksummed and validated BEFORE anything is written; any
 *    refusal (not a backup, newer version, damaged, invalid or foreign record, clock far ahead, an id
 *    this device holds in another trip) changes nothing;
 *  - everything is written in ONE transaction: after a crash the device has all of the file or none;
 *  - each record is merged field by field by stamp with the shared merge (the file's stamps as they
 *    are), exactly like a pulled change: importing a file twice changes nothing the second time, and a
 *    field edited on this device after the export keeps the newer value; tombstones stay deleted;
 *  - every field the import changed here gets an outbox entry carrying the file's stamps (baseStamps:
 *    this device's previous stamps, or null), so a device restored from a backup uploads what the server
 *    may have lost; for writes the server already has, its merge is idempotent (equal stamps);
 *  - the device clock moves past the highest imported stamp (so later edits sort after it), but a stamp
 *    more than DEFAULT_MAX_DRIFT_MS ahead of this device's clock is refused, as sync refuses it.
 */
export type { TableOutcome };

export type ImportSummary = {
  trip: { id: string; title: string };
  tables: Outcomes;
  total: TableOutcome;
  /** A ZIP backup only: what became of its files (see importFiles.ts). */
  files?: FilesOutcome;
};

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problem: BackupProblem };

export type ImportProgress = {
  phase: 'reading' | 'writing' | 'done';
  /** Records merged so far, of `total`. */
  done: number;
  total: number;
};

export type ImportOptions = {
  onProgress?: (progress: ImportProgress) => void;
  /** The attachments' bytes of a ZIP backup, already verified by readBackupZip. */
  files?: BackupFiles;
};

export type BackupSource = string | ArrayBuffer | Uint8Array;

/** A checked backup, with the files when it came as a ZIP. */
export type SourceResult =
  | { ok: true; backup: TripBackup; files?: BackupFiles }
  | { ok: false; problem: BackupProblem };

/** The file's text. Not UTF-8 cannot be one of our files; a byte-order mark is tolerated. */
export function decodeBackup(source: BackupSource): string | undefined {
  if (typeof source === 'string') return source;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(source);
  } catch {
    return undefined;
  }
}

/**
 * Decodes and fully checks a file (checksum included; for a ZIP, every file's SHA-256 too) without
 * writing: what the preview shows. A .json and a .zip backup are told apart by their first bytes, not
 * by the file's name.
 */
export async function readBackupSource(
  source: BackupSource,
  onFile?: (done: number, total: number) => void,
): Promise<SourceResult> {
  if (typeof source !== 'string') {
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
    if (isZip(bytes)) return readBackupZip(bytes, onFile);
  }
  return readJsonSource(source);
}

async function readJsonSource(source: BackupSource): Promise<ParseResult> {
  const text = decodeBackup(source);
  if (text === undefined) return { ok: false, problem: { code: 'not_backup' } };
  return readBackup(text);
}

export async function importTripBackup(
  db: AppDatabase,
  source: BackupSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  options.onProgress?.({ phase: 'reading', done: 0, total: 0 });
  const parsed = await readBackupSource(source, (done, total) =>
    options.onProgress?.({ phase: 'reading', done, total }),
  );
  if (!parsed.ok) return parsed;
  return applyBackup(db, parsed.backup, { ...options, ...(parsed.files ? { files: parsed.files } : {}) });
}

/** Records merged per step: one bulkGet, bulkPut and progress report each. */
const SLICE = 500;

/** Imports a backup that `readBackup` accepted. */
export async function applyBackup(
  db: AppDatabase,
  backup: TripBackup,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const total = recordTables.reduce((n, t) => n + backup.tables[t].length, 0);
  const top = topStamp(backup);
  const ahead = clockAhead(top);
  if (ahead) return { ok: false, problem: ahead };
  const clock = await getClock(db);
  // Later local edits must sort after everything imported (the drift check above already passed).
  if (top) clock.receiveTrusted(top);

  const tables = Object.fromEntries(recordTables.map((t) => [t, emptyOutcome()])) as Outcomes;
  const createdAt = new Date().toISOString();
  let files: FilesOutcome | undefined;
  try {
    // The blobs go in the same transaction as the records: after a crash the device has the records
    // and their files, or neither.
    await db.transaction('rw', [...syncTables(db), db.blobs, db.blobUploads], async () => {
      let done = 0;
      options.onProgress?.({ phase: 'writing', done, total });
      for (const table of IMPORT_ORDER) {
        const outcome = tables[table];
        // In slices, so a large table reports progress as it goes; still the one transaction.
        for (let at = 0; at < backup.tables[table].length; at += SLICE) {
          const records = backup.tables[table].slice(at, at + SLICE);
          const current = await currentRows(db, table, records);
          const plan = planTable(table, records, current, backup.trip.id, createdAt);
          await writePlan(db, table, plan);
          addOutcome(outcome, plan.outcome);
          done += records.length;
          options.onProgress?.({ phase: 'writing', done, total });
        }
      }
      if (top) {
        const last = (await db.meta.get('lastHlc'))?.value;
        if (typeof last !== 'string' || compareHlc(top, last) > 0)
          await db.meta.put({ key: 'lastHlc', value: top });
      }
      if (options.files) files = await writeBackupFiles(db, backup, options.files, Date.now());
    });
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, problem: error.problem };
    throw error;
  }
  options.onProgress?.({ phase: 'done', done: total, total });
  const summary: ImportSummary = { trip: { ...backup.trip }, tables, total: sumOutcomes(tables) };
  return { ok: true, summary: files ? { ...summary, files } : summary };
}

/** Stores one table's plan in bulk: rows, outbox entries, search rows. Inside the import's transaction. */
async function writePlan(db: AppDatabase, table: RecordTable, plan: TablePlan): Promise<void> {
  if (plan.rows.length === 0) return;
  await db.table<Row, string>(table).bulkPut(plan.rows);
  if (plan.entries.length > 0) await db.outbox.bulkAdd(plan.entries);
  if (!isSearchType(table)) return;
  await writeSearchRows(
    db,
    table,
    plan.rows.map((r) => r.id),
    plan.rows,
  );
  // A renamed host: the rows of other trips' visits, problems and agreements that show its name too.
  for (const host of plan.renamedHosts) await indexRecord(db, 'hosts', host as never);
}
