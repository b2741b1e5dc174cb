import { isHlc } from '../../shared/hlc';
import { type RecordTable, recordTables } from '../../shared/schemas';
import { type IncomingWrite, maxStamp, mergeWrite, type RecordState } from '../../shared/sync/merge';
import { indexRecord, isSearchType } from '../data/searchIndex';
import type { AppDatabase } from '../db/database';
import { domainFields } from '../db/rows';

/**
 * Conversions between a stored row and the merge's record state, and the one place where the sync
 * engine writes a record table. The repository is for user writes (it stamps and queues them); what
 * arrives from the server is already stamped and must not be queued again.
 *
 * On the device `_deleted` is 0|1 (IndexedDB cannot index booleans); in the merge and on the wire it is
 * a boolean field like any other.
 */
/** Never taken from the wire: the id is the record's key, the others are local bookkeeping. */
const LOCAL_ONLY = new Set(['id', '_stamps', '_updated']);

type AnyRow = Record<string, unknown> & { id: string; _deleted: 0 | 1; _stamps: Record<string, string> };

export function rowToState(row: AnyRow): RecordState {
  const data = domainFields(row);
  data._deleted = row._deleted === 1;
  return { data, stamps: { ...row._stamps } };
}

export function stateToRow(recordId: string, state: RecordState): AnyRow {
  const { _deleted, ...fields } = state.data;
  return {
    ...fields,
    id: recordId,
    _deleted: _deleted === true ? 1 : 0,
    _stamps: state.stamps,
    _updated: maxStamp(state.stamps) ?? '',
  };
}

/** Drops fields the wire must not set, and fields without a valid stamp (they cannot be merged). */
export function cleanIncoming(data: Record<string, unknown>, stamps: Record<string, string>): IncomingWrite {
  const changes: Record<string, unknown> = {};
  const kept: Record<string, string> = {};
  for (const [field, stamp] of Object.entries(stamps)) {
    if (LOCAL_ONLY.has(field) || !(field in data) || !isHlc(stamp)) continue;
    changes[field] = data[field];
    kept[field] = stamp;
  }
  return { changes, stamps: kept };
}

/** The tables a sync transaction may touch: every record table and the sync/search bookkeeping. */
export function syncTables(db: AppDatabase) {
  return [
    ...recordTables.map((t) => db.table(t)),
    db.outbox,
    db.quarantine,
    db.held,
    db.meta,
    db.search,
    db.searchQueue,
  ];
}

/**
 * Merges a stamped write into the local row by stamp and stores the result (plus its search row).
 * Must run inside a transaction over `syncTables`. Returns whether anything changed.
 */
export async function mergeIntoLocal(
  db: AppDatabase,
  table: RecordTable,
  recordId: string,
  incoming: IncomingWrite,
): Promise<boolean> {
  if (Object.keys(incoming.stamps).length === 0) return false;
  const records = db.table<AnyRow, string>(table);
  const row = await records.get(recordId);
  const result = mergeWrite(row ? rowToState(row) : undefined, incoming);
  if (row && result.changed.length === 0) return false;
  const next = stateToRow(recordId, result.state);
  await records.put(next);
  if (isSearchType(table)) await indexRecord(db, table, next);
  return true;
}
