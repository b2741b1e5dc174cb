import { type RecordTable, recordTables } from '../../shared/schemas';
import { sameValue } from '../../shared/sync/merge';
import { updateRecord } from '../data/repository';
import { type AppDatabase, getDb } from '../db/database';
import type { Stored } from '../db/types';
import { syncTables } from '../sync/localRows';
import { whoAmI } from './whoAmI';

/**
 * Resolving a conflict the server kept (a concurrent write that lost a field). Invariants:
 *  - ONE Dexie transaction: the record's field (only when the chosen value differs from what it holds)
 *    and the conflict's resolution are written together or not at all;
 *  - both are ordinary repository writes: validated with the record's schema, stamped, queued and
 *    synced, so resolving works offline and reaches every device;
 *  - resolving one conflict settles every open conflict on the same field of the same record (earlier
 *    rounds of the same disagreement): the field now holds the organiser's decision.
 */

export type ConflictChoice = 'kept_current' | 'kept_other' | 'edited';
export type ConflictProblem = 'missing' | 'resolved' | 'recordGone' | 'notEditable';

export class ConflictError extends Error {
  constructor(
    readonly problem: ConflictProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Fields a resolution never writes: the key, the creation time, the scope, and the tombstone flag. */
const FIXED_FIELDS = new Set(['id', 'createdAt', 'tripId', '_deleted']);

export function isRecordTable(table: string): table is RecordTable {
  return (recordTables as readonly string[]).includes(table);
}

/** Whether the organiser may choose the other value or type a new one for this field. */
export function isWritableField(table: string, field: string): boolean {
  return isRecordTable(table) && table !== 'conflicts' && !FIXED_FIELDS.has(field);
}

/** What an earlier round of the same disagreement becomes once the field holds `value`. */
function siblingResolution(sibling: Stored<'conflicts'>, choice: ConflictChoice, value: unknown) {
  if (choice === 'kept_current') return 'kept_current' as const;
  if (sameValue(value, sibling.otherValue)) return 'kept_other' as const;
  if (sameValue(value, sibling.currentValue)) return 'kept_current' as const;
  return 'edited' as const;
}

/**
 * Resolves conflict `conflictId`:
 *  - 'kept_current': the record keeps the value it holds now; only the conflict record is written;
 *  - 'kept_other': the losing value is written back to the record's field;
 *  - 'edited': `editedValue` is written (validated with the record's schema).
 * Throws ConflictError (nothing written) when the conflict is gone or already resolved, or when a value
 * should be written to a record no longer on the device; RecordValidationError when the value does not
 * fit the record's schema.
 */
export async function resolveConflict(
  conflictId: string,
  choice: ConflictChoice,
  editedValue?: unknown,
  options: { by?: string; db?: AppDatabase } = {},
): Promise<void> {
  const db = options.db ?? getDb();
  const resolvedBy = options.by ?? (await whoAmI(db));
  await db.transaction('rw', syncTables(db), async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (!conflict || conflict._deleted === 1) throw new ConflictError('missing', `No conflict ${conflictId}`);
    if (conflict.resolution !== 'open') {
      throw new ConflictError('resolved', `Conflict ${conflictId} is already resolved`);
    }
    const { table, recordId, field } = conflict;
    const record = isRecordTable(table) ? await db.records(table).get(recordId) : undefined;
    const live = record !== undefined && record._deleted === 0;
    const current = live ? (record as Record<string, unknown>)[field] : conflict.currentValue;
    const value =
      choice === 'kept_current' ? current : choice === 'kept_other' ? conflict.otherValue : editedValue;

    if (choice !== 'kept_current' && !sameValue(value, current)) {
      if (!isWritableField(table, field) || !isRecordTable(table)) {
        throw new ConflictError('notEditable', `${table}.${field} cannot be set from a conflict`);
      }
      if (!live) throw new ConflictError('recordGone', `${table} ${recordId} is not on this device`);
      await updateRecord(table, recordId, { [field]: value } as never, db);
    }

    const resolvedAt = new Date().toISOString();
    await updateRecord('conflicts', conflictId, { resolution: choice, resolvedBy, resolvedAt }, db);
    const siblings = await db.conflicts
      .where('recordId')
      .equals(recordId)
      .filter(
        (c) =>
          c.id !== conflictId &&
          c._deleted === 0 &&
          c.resolution === 'open' &&
          c.table === table &&
          c.field === field,
      )
      .toArray();
    for (const sibling of siblings) {
      const resolution = siblingResolution(sibling, choice, value);
      await updateRecord('conflicts', sibling.id, { resolution, resolvedBy, resolvedAt }, db);
    }
  });
}
