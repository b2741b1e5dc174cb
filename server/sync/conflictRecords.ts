import { newId } from '../../shared/ids';
import { conflictResolutionFields, conflictSchema } from '../../shared/schemas';
import type { FieldConflict } from '../../shared/sync/merge';
import { DIRECTORY_SCOPE } from '../../shared/sync/scope';
import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/index';
import { stampAfter } from './serverClock';
import { type ChangeLog, loadRecord, type StoredRecord, saveRecord, serverWrite } from './store';

/**
 * Conflicts as records: every field a concurrent write lost is kept twice — as a row of the
 * `conflicts` table (the server's own log, GET /trips/:id/conflicts) and as a `conflicts` record in
 * the conflicted record's scope, which syncs to every member like any record, so organisers see and
 * resolve conflicts offline. Resolving is an ordinary write of `resolution` (+ resolvedBy/resolvedAt)
 * by someone who manages the scope; the row follows the record (resolved iff resolution ≠ 'open').
 *
 * Not made for conflicts of conflict records themselves (two organisers resolving one conflict
 * differently at once): a conflict about a conflict would only nest; the row is still kept.
 */
const RESOLUTION_FIELDS: readonly string[] = conflictResolutionFields;

/** What a person is called on a conflict record: display name, else username (60 characters max). */
export const personName = (u: { display_name?: string; displayName?: string; username: string }) =>
  ((u.displayName ?? u.display_name ?? '').trim() || u.username).slice(0, 60);

async function namesOf(tx: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.query<{ id: string; display_name: string; username: string }>(
    `select id, display_name, username from users where id in (select jsonb_array_elements_text($1::text::jsonb))`,
    [JSON.stringify(wanted)],
  );
  return new Map(rows.map((r) => [r.id, personName(r)]));
}

export type ConflictSource = {
  user: AuthUser;
  deviceId: string;
  mutationId: string;
  now: number;
};

export async function keepConflict(
  tx: Queryable,
  log: ChangeLog,
  rec: { tbl: StoredRecord['tbl']; id: string; scope: string },
  /** The conflicted record as stored before this write: its writers name the other side. */
  before: StoredRecord | undefined,
  source: ConflictSource,
  c: FieldConflict,
): Promise<void> {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  const recordId = rec.tbl === 'conflicts' ? null : newId();
  await tx.query(
    `insert into conflicts (tbl, record_id, scope, field, winner_value, winner_stamp, loser_value, loser_stamp,
                            loser_side, user_id, device_id, mutation_id, conflict_record_id)
     values ($1, $2, $3, $4, $5::text::jsonb, $6, $7::text::jsonb, $8, $9, $10, $11, $12, $13)`,
    [
      rec.tbl,
      rec.id,
      rec.scope,
      c.field,
      json(c.winner.value),
      c.winner.stamp,
      json(c.loser.value),
      c.loser.stamp,
      c.loserSide,
      source.user.id,
      source.deviceId,
      source.mutationId,
      recordId,
    ],
  );
  if (!recordId) return;

  const storedWriter = before?.writers[c.field] ?? '';
  const winnerId = c.loserSide === 'current' ? source.user.id : storedWriter;
  const loserId = c.loserSide === 'current' ? storedWriter : source.user.id;
  const names = await namesOf(tx, [winnerId, loserId]);
  const data = {
    id: recordId,
    createdAt: new Date(source.now).toISOString(),
    tripId: rec.scope === DIRECTORY_SCOPE ? '' : rec.scope,
    table: rec.tbl,
    recordId: rec.id,
    field: c.field,
    currentValue: c.winner.value ?? null,
    currentStamp: c.winner.stamp,
    currentBy: names.get(winnerId) ?? '',
    otherValue: c.loser.value ?? null,
    otherStamp: c.loser.stamp,
    otherBy: names.get(loserId) ?? '',
    resolution: 'open',
    resolvedBy: '',
    resolvedAt: '',
  };
  // Built here from values the server already accepted; a failure is a server bug, not bad input.
  conflictSchema.parse(data);
  const stamp = stampAfter([c.winner.stamp, c.loser.stamp]);
  const stored = { ...data, _deleted: false };
  await saveRecord(tx, log, {
    tbl: 'conflicts',
    id: recordId,
    scope: rec.scope,
    data: stored,
    stamps: Object.fromEntries(Object.keys(stored).map((f) => [f, stamp])),
    writers: {},
    repointed: {},
  });
}

/** Why a client's write to a conflict record is refused ('permission'), or undefined if it may go. */
export async function conflictWriteProblem(
  changes: Record<string, unknown>,
  scope: string,
  current: StoredRecord | undefined,
  manages: () => Promise<boolean>,
): Promise<string | undefined> {
  if (!current) {
    return 'Conflict records are made only by the server, when two changes of the same field collide; the app cannot create one. Discard this change.';
  }
  const other = Object.keys(changes).filter((f) => !RESOLUTION_FIELDS.includes(f));
  if (other.length > 0) {
    return `Only the resolution of a conflict (resolution, resolvedBy, resolvedAt) can be changed; the values it recorded stay as the server saw them (refused: ${other.join(', ')}).`;
  }
  if (!(await manages())) {
    return scope === DIRECTORY_SCOPE
      ? 'Only organisers and administrators can resolve conflicts in the shared directory of experts and hosts.'
      : "Only this trip's organisers (or an administrator) can resolve its conflicts. Ask an organiser to review it.";
  }
  return undefined;
}

/** The conflict rows of a conflict record follow its resolution: resolved iff it is not 'open'. */
export async function mirrorResolution(
  tx: Queryable,
  conflictRecordId: string,
  resolution: unknown,
  userId: string,
): Promise<void> {
  if (resolution === 'open') {
    await tx.query(
      'update conflicts set resolved_at = null, resolved_by = null where conflict_record_id = $1',
      [conflictRecordId],
    );
    return;
  }
  await tx.query(
    `update conflicts set resolved_at = coalesce(resolved_at, now()), resolved_by = coalesce(resolved_by, $2)
      where conflict_record_id = $1`,
    [conflictRecordId, userId],
  );
}

/**
 * The HTTP endpoint resolved a conflict row: its record, if still open, becomes 'kept_current' (the
 * endpoint only marks a conflict done; a chosen value is an ordinary write from a device).
 */
export async function markRecordResolved(
  tx: Queryable,
  log: ChangeLog,
  conflictRecordId: string,
  user: AuthUser,
  now: number,
): Promise<void> {
  const rec = await loadRecord(tx, 'conflicts', conflictRecordId);
  if (rec?.data.resolution !== 'open') return;
  await serverWrite(
    tx,
    log,
    rec,
    { resolution: 'kept_current', resolvedBy: personName(user), resolvedAt: new Date(now).toISOString() },
    { writer: user.id },
  );
}
