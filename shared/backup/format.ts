import { z } from 'zod';
import { isHlc } from '../hlc';
import { type RecordTable, recordTables } from '../schemas';
import { checksumOf } from './checksum';
import { checkRecords } from './records';

/**
 * The JSON backup of one trip (documented for people in docs/backup-format.md).
 *
 * ```
 * { "format": "expert-trips/trip-backup", "version": 1, "exportedAt": "<ISO time>",
 *   "app": { "protocolVersion": 1 }, "trip": { "id": "…", "title": "…" },
 *   "counts": { "<table>": n, … }, "checksum": "sha256:<hex>",
 *   "tables": { "<table>": [ { "id", "data": {…fields}, "stamps": { "<field>": "<hlc>" }, "deleted" } ] } }
 * ```
 *
 * Invariants:
 *  - `tables` holds every record of the trip's scope INCLUDING tombstones (`deleted: true`), so a device
 *    restored from the file cannot bring a deleted record back, plus the directory entries (experts,
 *    hosts) the trip's records name (see tripScope.ts); every record table is present, maybe empty;
 *  - `data` is the record's own fields (no device bookkeeping) and `stamps` its per-field hybrid logical
 *    clock stamps (`_deleted` included): a restore merges field by field exactly like sync, so importing
 *    a file twice changes nothing, and a newer edit already on the device is kept;
 *  - `checksum` is SHA-256 over the canonical JSON of `tables` (checksum.ts): a damaged or edited file is
 *    refused as a whole instead of being half-imported;
 *  - `version` changes when an older app could not read the file correctly; an app refuses a newer
 *    version (and says to update) rather than guess.
 */
export const BACKUP_FORMAT = 'expert-trips/trip-backup';
export const BACKUP_VERSION = 1;
/** Suggested file extension (the file is plain UTF-8 JSON, without a byte-order mark). */
export const BACKUP_EXTENSION = '.json';

export type BackupRecord = {
  id: string;
  data: Record<string, unknown>;
  stamps: Record<string, string>;
  deleted: boolean;
};
export type BackupTables = Record<RecordTable, BackupRecord[]>;

export type TripBackup = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  app: { protocolVersion: number };
  trip: { id: string; title: string };
  counts: Record<RecordTable, number>;
  checksum: string;
  tables: BackupTables;
};

/** Why a file cannot be imported. The UI words it (renderer/backup/problemText.ts); nothing was changed. */
export type BackupProblem =
  | { code: 'not_backup' }
  | { code: 'newer_version'; version: number }
  /** Truncated, edited or otherwise inconsistent; `detail` is for logs and tests (English). */
  | { code: 'damaged'; detail: string }
  | {
      code: 'invalid_record';
      table: RecordTable;
      recordId: string;
      /** 1-based position in its table, for finding it in the file. */
      position: number;
      field: string;
      issue: { message: string; code?: string; maximum?: number; params?: Record<string, unknown> };
    }
  | { code: 'foreign_record'; table: RecordTable; recordId: string; tripId: string }
  /** Import only: the device holds a record with this id in another trip (records never move). */
  | { code: 'id_clash'; table: RecordTable; recordId: string }
  /** A ZIP backup: the file stored under this hash has other bytes (damaged or edited). */
  | { code: 'file_damaged'; hash: string }
  /** Import only: stamps too far ahead of this device's clock (a wrong clock here or on the exporter). */
  | { code: 'clock_ahead'; minutes: number };

export type ParseResult = { ok: true; backup: TripBackup } | { ok: false; problem: BackupProblem };

const recordSchema = z.object({
  id: z.string().uuid(),
  data: z.record(z.string(), z.unknown()),
  stamps: z.record(z.string(), z.string().refine(isHlc, 'not a hybrid logical clock stamp')),
  deleted: z.boolean(),
});

const tableShape = Object.fromEntries(recordTables.map((t) => [t, z.array(recordSchema)])) as Record<
  RecordTable,
  z.ZodArray<typeof recordSchema>
>;
const countShape = Object.fromEntries(recordTables.map((t) => [t, z.number().int().min(0)])) as Record<
  RecordTable,
  z.ZodNumber
>;

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string().min(1).max(64),
  app: z.object({ protocolVersion: z.number().int() }),
  trip: z.object({ id: z.string().uuid(), title: z.string().max(400) }),
  counts: z.object(countShape),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  tables: z.object(tableShape),
});

const fail = (problem: BackupProblem): ParseResult => ({ ok: false, problem });

/**
 * Reads the envelope: JSON, our format, a version this app reads, the shape of every part. The records'
 * own fields are checked by `checkRecords`, after the checksum (a damaged file should be called
 * damaged, not "invalid field").
 */
function parseEnvelope(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // Cut off mid-way (a copy that did not finish) still names our format near the top: call it
    // damaged rather than "not a backup", so the user looks for a good copy instead of another file.
    return fail(
      text.includes(`"${BACKUP_FORMAT}"`)
        ? { code: 'damaged', detail: 'not valid JSON' }
        : { code: 'not_backup' },
    );
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== BACKUP_FORMAT
  ) {
    return fail({ code: 'not_backup' });
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return fail({ code: 'newer_version', version });
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail({
      code: 'damaged',
      detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    });
  }
  const backup = parsed.data as TripBackup;
  for (const table of recordTables) {
    if (backup.counts[table] !== backup.tables[table].length) {
      return fail({
        code: 'damaged',
        detail: `${table}: count ${backup.counts[table]} but ${backup.tables[table].length} records`,
      });
    }
  }
  return { ok: true, backup };
}

/**
 * Parses and checks a backup WITHOUT its checksum (synchronous): format, version, shape, counts, every
 * live record against its zod schema, and that all records belong to the file's trip. Use `readBackup`
 * to also verify the checksum — that is what an import must do.
 */
export function parseBackup(text: string): ParseResult {
  const envelope = parseEnvelope(text);
  if (!envelope.ok) return envelope;
  const problem = checkRecords(envelope.backup);
  return problem ? fail(problem) : envelope;
}

/** Everything `parseBackup` checks, plus the checksum (before the records, see parseEnvelope). */
export async function readBackup(text: string): Promise<ParseResult> {
  const envelope = parseEnvelope(text);
  if (!envelope.ok) return envelope;
  if ((await checksumOf(envelope.backup.tables)) !== envelope.backup.checksum) {
    return fail({ code: 'damaged', detail: 'checksum mismatch' });
  }
  const problem = checkRecords(envelope.backup);
  return problem ? fail(problem) : envelope;
}

/** Assembles a backup from its records: fills in counts and the checksum. */
export async function buildBackup(input: {
  exportedAt: string;
  protocolVersion: number;
  trip: { id: string; title: string };
  tables: BackupTables;
}): Promise<TripBackup> {
  const counts = Object.fromEntries(recordTables.map((t) => [t, input.tables[t].length])) as Record<
    RecordTable,
    number
  >;
  // Every table, in the fixed order, so two exports of the same data are the same file.
  const tables = Object.fromEntries(recordTables.map((t) => [t, input.tables[t]])) as BackupTables;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: input.exportedAt,
    app: { protocolVersion: input.protocolVersion },
    trip: { id: input.trip.id, title: input.trip.title },
    counts,
    checksum: await checksumOf(tables),
    tables,
  };
}

/**
 * The file's text: pretty-printed JSON (two spaces) ending in a newline, summary first and `tables`
 * last, so a person opening it sees what it is before thousands of records. No byte-order mark.
 */
export function serializeBackup(backup: TripBackup): string {
  const ordered: TripBackup = {
    format: backup.format,
    version: backup.version,
    exportedAt: backup.exportedAt,
    app: { protocolVersion: backup.app.protocolVersion },
    trip: { id: backup.trip.id, title: backup.trip.title },
    counts: backup.counts,
    checksum: backup.checksum,
    tables: backup.tables,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
