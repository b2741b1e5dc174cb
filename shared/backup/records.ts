import { isDirectoryTable, recordSchemas, recordTables } from '../schemas';
import type { BackupProblem, TripBackup } from './format';

/**
 * Checks every record of a backup whose envelope is already known to be well formed:
 *  - structure: unique ids per table, `data.id` equal to the record's id, no device bookkeeping in
 *    `data`, no stamp for a field the record does not have (→ `damaged`);
 *  - scope: exactly the file's trip, and every other trip record names it (→ `foreign_record`): a file
 *    mixing trips would otherwise move records between trips, which sync never does;
 *  - content: every live record passes its shared zod schema, as on the server (→ `invalid_record`).
 *    Tombstones are not validated (the server does not either): a deleted record only has to stay deleted.
 *
 * Returns the first problem, or undefined when the file is fine.
 */
export function checkRecords(backup: TripBackup): BackupProblem | undefined {
  const tripId = backup.trip.id;
  for (const table of recordTables) {
    const seen = new Set<string>();
    const records = backup.tables[table];
    for (const [index, record] of records.entries()) {
      if (seen.has(record.id)) return { code: 'damaged', detail: `${table}: ${record.id} appears twice` };
      seen.add(record.id);
      if (record.data.id !== record.id)
        return { code: 'damaged', detail: `${table}: ${record.id} data.id differs` };
      for (const field of Object.keys(record.data)) {
        if (field.startsWith('_'))
          return { code: 'damaged', detail: `${table}: ${record.id} has field ${field}` };
      }
      for (const field of Object.keys(record.stamps)) {
        if (field !== '_deleted' && !(field in record.data)) {
          return { code: 'damaged', detail: `${table}: ${record.id} stamps missing field ${field}` };
        }
      }
      const owner = table === 'trips' ? record.id : record.data.tripId;
      if (!isDirectoryTable(table) && owner !== tripId) {
        return { code: 'foreign_record', table, recordId: record.id, tripId: String(owner ?? '') };
      }
      if (record.deleted) continue;
      const result = recordSchemas[table].safeParse(record.data);
      if (!result.success) {
        const issue = result.error.issues[0];
        return {
          code: 'invalid_record',
          table,
          recordId: record.id,
          position: index + 1,
          field: issue?.path.join('.') ?? '',
          issue: wordable(issue),
        };
      }
    }
  }
  if (!backup.tables.trips.some((t) => t.id === tripId)) {
    return { code: 'damaged', detail: 'the trip record itself is missing' };
  }
  return undefined;
}

/** The parts of a zod issue that `formatIssue` (shared/i18n) words, as plain JSON-safe data. */
function wordable(issue: unknown): {
  message: string;
  code?: string;
  maximum?: number;
  params?: Record<string, unknown>;
} {
  const i = (issue ?? {}) as { message?: unknown; code?: unknown; maximum?: unknown; params?: unknown };
  return {
    message: typeof i.message === 'string' ? i.message : 'v.invalid',
    ...(typeof i.code === 'string' ? { code: i.code } : {}),
    ...(typeof i.maximum === 'number' || typeof i.maximum === 'bigint' ? { maximum: Number(i.maximum) } : {}),
    ...(i.params && typeof i.params === 'object' ? { params: i.params as Record<string, unknown> } : {}),
  };
}
