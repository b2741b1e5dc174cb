import type { z } from 'zod';
import { newId } from '../../shared/ids';
import { type RecordOf, type RecordTable, recordSchemas } from '../../shared/schemas';
import { sameValue } from '../../shared/sync/merge';
import { scopeOf } from '../../shared/sync/scope';
import { type AppDatabase, getDb } from '../db/database';
import { domainFields } from '../db/rows';
import type { OutboxEntry, Stored } from '../db/types';
import { getClock } from './clock';
import { indexRecord, isSearchType } from './searchIndex';

/**
 * The only way records are written on the device.
 *
 * Invariants (the sync engine relies on them):
 *  - a write validates the whole record with the shared zod schema before anything is stored;
 *  - the record, its per-field HLC stamps, its outbox entry, its search row and the clock's last stamp
 *    are written in ONE IndexedDB transaction: a crash or error leaves all of them or none;
 *  - only fields whose value changed are stamped and sent, so two devices editing different fields of
 *    one record both win their own field;
 *  - deletes are tombstones (`_deleted` = 1, stamped like a field), never physical removals.
 */

export class RecordValidationError extends Error {
  constructor(
    readonly table: RecordTable,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`Invalid ${table}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.name = 'RecordValidationError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(
    readonly table: RecordTable,
    readonly id: string,
  ) {
    super(`No ${table} record ${id}`);
    this.name = 'RecordNotFoundError';
  }
}

/** Fields set once at creation and never sent as edits. */
const IMMUTABLE = new Set(['id', 'createdAt']);

/** What callers pass to create a record: the schema's input, with the id optional (made here if absent). */
export type RecordInput<T extends RecordTable> = Omit<
  z.input<(typeof recordSchemas)[T]>,
  'id' | 'createdAt'
> & {
  id?: string;
};

function parse<T extends RecordTable>(table: T, value: unknown): RecordOf<T> {
  const result = recordSchemas[table].safeParse(value);
  if (!result.success) throw new RecordValidationError(table, result.error.issues);
  return result.data as RecordOf<T>;
}

function tablesFor(db: AppDatabase, table: RecordTable) {
  return [db.table(table), db.outbox, db.meta, db.search, db.hosts, db.visits, db.problems, db.agreements];
}

async function writeRow<T extends RecordTable>(
  db: AppDatabase,
  table: T,
  previous: Stored<T> | undefined,
  next: Record<string, unknown>,
  changedFields: string[],
): Promise<Stored<T>> {
  const clock = await getClock(db);
  return db.transaction('rw', tablesFor(db, table), async () => {
    const stamp = clock.tick();
    const stamps: Record<string, string> = { ...(previous?._stamps ?? {}) };
    const changes: Record<string, unknown> = {};
    for (const field of changedFields) {
      stamps[field] = stamp;
      changes[field] = field === '_deleted' ? next._deleted === 1 : next[field];
    }
    const row = { ...next, _stamps: stamps, _updated: stamp } as Stored<T>;
    await db.records(table).put(row);
    const entry: OutboxEntry = {
      mutationId: newId(),
      table,
      recordId: String(row.id),
      scope: scopeOf(table, row),
      changes,
      stamps: Object.fromEntries(changedFields.map((f) => [f, stamp])),
      baseStamps: Object.fromEntries(changedFields.map((f) => [f, previous?._stamps[f] ?? null])),
      createdAt: new Date().toISOString(),
    };
    await db.outbox.add(entry);
    if (isSearchType(table)) await indexRecord(db, table, row as never);
    await db.meta.put({ key: 'lastHlc', value: stamp });
    return row;
  });
}

export async function createRecord<T extends RecordTable>(
  table: T,
  input: RecordInput<T>,
  db: AppDatabase = getDb(),
): Promise<Stored<T>> {
  const candidate = { ...(input as object), id: (input as { id?: string }).id || newId() };
  const record = parse(table, { ...candidate, createdAt: new Date().toISOString() }) as Record<
    string,
    unknown
  >;
  const existing = await db.records(table).get(String(record.id));
  if (existing) throw new Error(`${table} ${String(record.id)} already exists`);
  const fields = Object.keys(record).filter((f) => f !== 'id');
  return writeRow(db, table, undefined, { ...record, _deleted: 0 }, [...fields, '_deleted']);
}

export async function updateRecord<T extends RecordTable>(
  table: T,
  id: string,
  patch: Partial<RecordInput<T>>,
  db: AppDatabase = getDb(),
): Promise<Stored<T>> {
  const previous = await db.records(table).get(id);
  if (!previous || previous._deleted === 1) throw new RecordNotFoundError(table, id);
  const current = domainFields(previous);
  const record = parse(table, {
    ...current,
    ...(patch as object),
    id,
    createdAt: current.createdAt,
  }) as Record<string, unknown>;
  const changed = Object.keys(record).filter((f) => !IMMUTABLE.has(f) && !sameValue(record[f], current[f]));
  if (changed.length === 0) return previous;
  return writeRow(db, table, previous, { ...record, _deleted: 0 }, changed);
}

export async function deleteRecord(table: RecordTable, id: string, db: AppDatabase = getDb()): Promise<void> {
  const previous = await db.records(table).get(id);
  if (!previous || previous._deleted === 1) return;
  await writeRow(db, table, previous, { ...previous, _deleted: 1 }, ['_deleted']);
}

export async function getRecord<T extends RecordTable>(
  table: T,
  id: string,
  db: AppDatabase = getDb(),
): Promise<Stored<T> | undefined> {
  const row = await db.records(table).get(id);
  return row && row._deleted === 0 ? row : undefined;
}

/**
 * Ids of the trips deleted on this device. Deleting a trip tombstones the trip alone: the records made in
 * it stay on the device (and sync) but are out of sight, so readers that go across trips (search, freeing
 * space) leave them out by this set.
 */
export async function deletedTripIds(db: AppDatabase = getDb()): Promise<Set<string>> {
  return new Set(await db.trips.filter((trip) => trip._deleted === 1).primaryKeys());
}
