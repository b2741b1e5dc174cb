import { compareHlc } from '../../shared/hlc';
import { type MergeableTable, mergeableTables, type RecordTable } from '../../shared/schemas';
import type { IncomingWrite } from '../../shared/sync/merge';
import { emptyMergeMaps, REFERENCES, repointFields, survivorOf } from '../../shared/sync/references';
import type { Queryable } from '../db/index';
import { stampAfter } from './serverClock';
import { type ChangeLog, loadRecord, loadReferencing, type StoredRecord, serverWrite } from './store';

/**
 * Merges the server follows (docs/sync-protocol.md, "Merges").
 *
 * Invariants:
 *  - merged_ids holds every merged-away id once (fromId → intoId); a new merge never forms a cycle and
 *    never sends an id already merged elsewhere to a second survivor, so survivorOf is a function;
 *  - when a merge is applied, every live record naming a merged-away id is re-pointed to the survivor
 *    by a server write (new stamp, new seq: devices pull it), and the merged-away record is a tombstone;
 *  - every later write is re-pointed before it is merged (repointWrite), so no stored live record names
 *    a merged-away id; a write to a merged-away record also lands on its survivor (push.ts);
 *  - a re-pointed value stands for the write it translated (`repointed`: field → that write's stamp):
 *    a device write competes with it by that stamp (competeWithRepoints), so the server's newer stamp
 *    never makes a mechanical re-point beat a person's later choice.
 */
export type MergeMaps = Record<MergeableTable, Map<string, string>>;

export const isMergeable = (table: RecordTable): table is MergeableTable =>
  (mergeableTables as readonly string[]).includes(table);

const NOUN: Record<MergeableTable, string> = { hosts: 'host', visits: 'visit' };

/** The merge map, read once per push transaction (after the push lock: no push changes it meanwhile). */
export async function loadMergeMaps(tx: Queryable): Promise<MergeMaps> {
  const maps = emptyMergeMaps();
  const rows = await tx.query<{ tbl: string; from_id: string; into_id: string }>(
    'select tbl, from_id, into_id from merged_ids',
  );
  for (const r of rows)
    if (isMergeable(r.tbl as RecordTable)) maps[r.tbl as MergeableTable].set(r.from_id, r.into_id);
  return maps;
}

/** The survivor of a merged-away record, or undefined when the id was not merged away. */
export function survivorIfMerged(maps: MergeMaps, table: RecordTable, id: string): string | undefined {
  if (!isMergeable(table) || !maps[table].has(id)) return undefined;
  const survivor = survivorOf(id, maps[table]);
  return survivor === id ? undefined : survivor;
}

/** Fields of a write to a merged-away record that also land on its survivor. */
const NOT_REDIRECTED = new Set(['id', 'createdAt', '_deleted', 'tripId']);

/**
 * The part of a write to a merged-away record that lands on the survivor: its ordinary fields, with
 * the device's stamps (so they compete with the survivor's values by the time they were made). The
 * device's base stamps were those of the merged-away record: it never saw the survivor's values, so a
 * differing value there is a conflict an organiser should see — unless the survivor's field was empty
 * (nothing of it is lost), which counts as seen.
 */
export function redirectedWrite(
  write: IncomingWrite,
  survivor: StoredRecord | undefined,
): IncomingWrite | undefined {
  const out: IncomingWrite = { changes: {}, stamps: {}, ...(write.baseStamps ? { baseStamps: {} } : {}) };
  for (const [field, stamp] of Object.entries(write.stamps)) {
    if (NOT_REDIRECTED.has(field) || !(field in write.changes)) continue;
    out.changes[field] = write.changes[field];
    out.stamps[field] = stamp;
    if (out.baseStamps && write.baseStamps && field in write.baseStamps) {
      out.baseStamps[field] = isEmpty(survivor?.data[field]) ? (survivor?.stamps[field] ?? null) : null;
    }
  }
  return Object.keys(out.stamps).length > 0 ? out : undefined;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Re-points the references of an incoming write that name merged-away ids. The device keeps its own
 * stamp for the merge; the fields returned must get a server stamp if they win (push.ts), so the device
 * that wrote the old id takes the survivor on its next pull.
 */
export function repointWrite(
  table: RecordTable,
  write: IncomingWrite,
  current: StoredRecord | undefined,
  maps: MergeMaps,
): { write: IncomingWrite; repointed: Record<string, string> } {
  const fixes = repointFields(table, write.changes, current?.data ?? {}, maps);
  const repointed: Record<string, string> = {};
  for (const field of Object.keys(fixes)) repointed[field] = write.stamps[field] as string;
  if (Object.keys(fixes).length === 0) return { write, repointed };
  return { write: { ...write, changes: { ...write.changes, ...fixes } }, repointed };
}

/**
 * A stored value the server re-pointed stands for the write it translated (stamp `stood`):
 *  - a device that had seen that write (base = stood) saw the current value: its change is a
 *    deliberate overwrite, not a conflict;
 *  - a device write made after `stood` but stamped below the server's re-point stamp would lose only
 *    because of the server's stamp: it gets a server stamp so it wins, as it would have without the merge.
 */
export function competeWithRepoints(write: IncomingWrite, current: StoredRecord | undefined): IncomingWrite {
  if (!current || Object.keys(current.repointed).length === 0) return write;
  const stamps = { ...write.stamps };
  const baseStamps = write.baseStamps ? { ...write.baseStamps } : undefined;
  const lifted: string[] = [];
  for (const [field, stamp] of Object.entries(write.stamps)) {
    const stood = current.repointed[field];
    const now = current.stamps[field];
    if (stood === undefined || now === undefined) continue;
    if (baseStamps && baseStamps[field] === stood) baseStamps[field] = now;
    if (compareHlc(stamp, stood) > 0 && compareHlc(stamp, now) < 0) lifted.push(field);
  }
  if (lifted.length > 0) {
    const server = stampAfter(Object.values(current.stamps), Object.values(write.stamps));
    for (const field of lifted) stamps[field] = server;
  }
  return { changes: write.changes, stamps, ...(baseStamps ? { baseStamps } : {}) };
}

/** Why a new merges record cannot be followed, or undefined. Checked before anything is written. */
export async function newMergeProblem(
  tx: Queryable,
  merge: { tripId: string; table: MergeableTable; fromId: string; intoId: string },
  maps: MergeMaps,
): Promise<string | undefined> {
  const noun = NOUN[merge.table];
  const rows = await tx.query<{ id: string; scope: string }>(
    'select id, scope from records where tbl = $1 and id in ($2, $3)',
    [merge.table, merge.fromId, merge.intoId],
  );
  const scopeOf = new Map(rows.map((r) => [r.id, r.scope]));
  for (const [id, role] of [
    [merge.fromId, 'merged away'],
    [merge.intoId, 'kept'],
  ] as const) {
    if (!scopeOf.has(id)) {
      return `The ${noun} to be ${role} (${id}) is not on the server, so the merge cannot be followed. Sync that ${noun} first, then retry the merge, or discard it.`;
    }
    if (merge.table === 'visits' && scopeOf.get(id) !== merge.tripId) {
      return 'Visits can only be merged within one trip; one of these visits belongs to another trip.';
    }
  }
  const map = maps[merge.table];
  if (map.has(merge.fromId)) {
    if (survivorOf(merge.fromId, map) === survivorOf(merge.intoId, map)) return undefined;
    return `This ${noun} was already merged into another record (by another organiser), so it cannot be merged a second time. Discard this merge and check the ${noun} it was merged into.`;
  }
  if (survivorOf(merge.intoId, map) === merge.fromId) {
    return `The other ${noun} was already merged into this one, so they cannot be merged the other way round. Discard this merge.`;
  }
  return undefined;
}

/**
 * Follows a new merge: records it in merged_ids (and the batch's maps), re-points every live record
 * that names the merged-away id (or an id merged into it earlier), in every scope — hosts are shared by
 * all trips, and locked trips too, since naming a removed duplicate helps nobody — and tombstones the
 * merged-away record.
 */
export async function applyMerge(
  tx: Queryable,
  log: ChangeLog,
  merge: { id: string; table: MergeableTable; fromId: string; intoId: string },
  maps: MergeMaps,
  userId: string,
): Promise<void> {
  await tx.query(
    `insert into merged_ids (tbl, from_id, into_id, merge_id) values ($1, $2, $3, $4)
     on conflict (tbl, from_id) do nothing`,
    [merge.table, merge.fromId, merge.intoId, merge.id],
  );
  const map = maps[merge.table];
  if (!map.has(merge.fromId)) map.set(merge.fromId, merge.intoId);
  const survivor = survivorOf(merge.fromId, map);
  const gone = [...map.keys()].filter((id) => id !== survivor && survivorOf(id, map) === survivor);

  const done = new Set<string>();
  for (const ref of REFERENCES[merge.table]) {
    for (const rec of await loadReferencing(tx, ref.table, ref.field, ref.list, gone)) {
      const key = `${rec.tbl}:${rec.id}`;
      if (done.has(key)) continue;
      done.add(key);
      const fixes = repointFields(rec.tbl, rec.data, rec.data, maps);
      if (Object.keys(fixes).length > 0) await serverWrite(tx, log, rec, fixes, { repoint: true });
    }
  }
  const from = await loadRecord(tx, merge.table, merge.fromId);
  if (from && from.data._deleted !== true) {
    await serverWrite(tx, log, from, { _deleted: true }, { writer: userId });
  }
}

/** Fields of a merges record that identify the merge: they never change once the server followed it. */
const MERGE_IDENTITY = ['table', 'fromId', 'intoId', 'tripId'] as const;

export const MERGE_FINAL_MESSAGE =
  'A merge cannot be changed or undone: the server has already moved everything that named the merged-away record to the one that was kept. Discard this change.';

/** Why a write to a merges record is refused ('validation'), or undefined. */
export function mergeEditProblem(
  changes: Record<string, unknown>,
  current: StoredRecord | undefined,
): string | undefined {
  if (changes._deleted === true) return MERGE_FINAL_MESSAGE;
  if (!current) return undefined;
  const moved = MERGE_IDENTITY.some((f) => f in changes && changes[f] !== current.data[f]);
  return moved ? MERGE_FINAL_MESSAGE : undefined;
}
