import type { RecordTable } from '../../shared/schemas';
import type { Db, Queryable } from '../db/index';
import { CHANGES_CHANNEL, type ChangeNote, notePayload } from './notes';
import { stampAfter } from './serverClock';

/**
 * Reading and writing stored records inside a push-locked transaction.
 *
 * Invariants:
 *  - every write draws a new sequence number, and only while the transaction holds PUSH_LOCK (see
 *    push.ts: sequence order = commit order, which keeps pull cursors safe);
 *  - rows are read `for update` before they are written, so what a write merges with is what it
 *    replaces;
 *  - a change note is sent from inside the transaction, so PostgreSQL delivers it only on commit.
 */
export const PUSH_LOCK = 727_100_001;

export type StoredRecord = {
  tbl: RecordTable;
  id: string;
  scope: string;
  data: Record<string, unknown>;
  stamps: Record<string, string>;
  /** field → id of the account whose write the value is (see migration 002). */
  writers: Record<string, string>;
  /** field → stamp of the write a server re-point stands for (see merges.ts). */
  repointed: Record<string, string>;
};

/** What a transaction changed: for the change note sent on commit. */
export type ChangeLog = { seqs: number[]; scopes: Set<string>; users: Set<string> };

export const newChangeLog = (): ChangeLog => ({ seqs: [], scopes: new Set(), users: new Set() });

const COLUMNS = 'tbl, id, scope, data, stamps, writers, repointed';

type Row = Omit<StoredRecord, 'tbl'> & { tbl: string };
const toStored = (r: Row): StoredRecord => ({ ...r, tbl: r.tbl as RecordTable });

export async function loadRecord(
  tx: Queryable,
  tbl: RecordTable,
  id: string,
): Promise<StoredRecord | undefined> {
  const rows = await tx.query<Row>(`select ${COLUMNS} from records where tbl = $1 and id = $2 for update`, [
    tbl,
    id,
  ]);
  return rows[0] ? toStored(rows[0]) : undefined;
}

/**
 * Live records of `tbl` whose `field` names one of `ids` (a single id, or — `list` — an array of ids).
 * No index serves `data->>field`: merges are rare and the primary key narrows the scan to one table.
 */
export async function loadReferencing(
  tx: Queryable,
  tbl: RecordTable,
  field: string,
  list: boolean,
  ids: readonly string[],
): Promise<StoredRecord[]> {
  const match = list
    ? `jsonb_typeof(data->$2) = 'array' and data->$2 ?| array(select jsonb_array_elements_text($3::text::jsonb))`
    : `data->>$2 in (select jsonb_array_elements_text($3::text::jsonb))`;
  const rows = await tx.query<Row>(
    `select ${COLUMNS} from records
      where tbl = $1 and ${match} and coalesce(data->>'_deleted', 'false') <> 'true'
      order by id for update`,
    [tbl, field, JSON.stringify(ids)],
  );
  return rows.map(toStored);
}

/** Stores a record's new state under the next sequence number. */
export async function saveRecord(tx: Queryable, log: ChangeLog, rec: StoredRecord): Promise<void> {
  const seqRows = await tx.query<{ seq: number }>(`select nextval('change_seq') as seq`);
  const seq = Number(seqRows[0]?.seq);
  await tx.query(
    `insert into records (tbl, id, scope, data, stamps, writers, repointed, seq)
     values ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8)
     on conflict (tbl, id) do update
       set data = excluded.data, stamps = excluded.stamps, writers = excluded.writers,
           repointed = excluded.repointed, seq = excluded.seq, updated_at = now()`,
    [
      rec.tbl,
      rec.id,
      rec.scope,
      JSON.stringify(rec.data),
      JSON.stringify(rec.stamps),
      JSON.stringify(rec.writers),
      JSON.stringify(rec.repointed),
      seq,
    ],
  );
  log.seqs.push(seq);
  log.scopes.add(rec.scope);
}

export type ServerWriteOptions = {
  /** Whose write the new values are (omit: keep the fields' writers, as re-points do). */
  writer?: string;
  /** The write re-points references: remember which stamp each value stands for. */
  repoint?: boolean;
};

/**
 * A write the server makes itself: the given fields get one new server stamp, newer than every stamp
 * the record holds, so every device takes them on its next pull. Returns the stored state.
 */
export async function serverWrite(
  tx: Queryable,
  log: ChangeLog,
  rec: StoredRecord,
  changes: Record<string, unknown>,
  options: ServerWriteOptions = {},
): Promise<StoredRecord> {
  const stamp = stampAfter(Object.values(rec.stamps));
  const next: StoredRecord = {
    ...rec,
    data: { ...rec.data },
    stamps: { ...rec.stamps },
    writers: { ...rec.writers },
    repointed: { ...rec.repointed },
  };
  for (const [field, value] of Object.entries(changes)) {
    if (options.repoint) {
      const stood = rec.repointed[field] ?? rec.stamps[field];
      if (stood !== undefined) next.repointed[field] = stood;
    } else {
      delete next.repointed[field];
    }
    next.data[field] = value;
    next.stamps[field] = stamp;
    if (options.writer) next.writers[field] = options.writer;
  }
  await saveRecord(tx, log, next);
  return next;
}

/** Sends the change note of a transaction that changed something (delivered on commit only). */
export async function notifyChanges(tx: Queryable, log: ChangeLog): Promise<void> {
  if (log.seqs.length === 0 && log.users.size === 0) return;
  const note: ChangeNote = {
    scopes: [...log.scopes],
    ...(log.seqs.length > 0 ? { seq: Math.max(...log.seqs) } : {}),
    ...(log.users.size > 0 ? { users: [...log.users] } : {}),
  };
  await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, notePayload(note)]);
}

/** A transaction outside a push that writes records: it takes the push lock and sends the note. */
export async function withPushLock<T>(db: Db, fn: (tx: Queryable, log: ChangeLog) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const log = newChangeLog();
    const result = await fn(tx, log);
    await notifyChanges(tx, log);
    return result;
  });
}
