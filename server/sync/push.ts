import { type RecordTable, recordSchemas } from '../../shared/schemas';
import { type FieldConflict, mergeWrite } from '../../shared/sync/merge';
import {
  type Mutation,
  mutationSchema,
  type PushResponse,
  type Refusal,
  type RefusalReason,
} from '../../shared/sync/protocol';
import { scopeOf } from '../../shared/sync/scope';
import type { AuthUser } from '../auth/users';
import type { Db, Queryable } from '../db/index';
import { checkPermission, grantTripAccess } from './access';
import { driftProblem, envelopeProblem, fieldProblems } from './mutationChecks';
import { CHANGES_CHANNEL, type ChangeNote, notePayload } from './notes';

/**
 * Applying a push: every mutation of the batch in ONE transaction, each with its own verdict.
 *
 * Invariants:
 *  - the transaction takes a constant advisory lock before anything else, in particular before it
 *    draws a sequence number. Pushes are therefore serialised, and a push that drew seq N has committed
 *    (and become visible) before any other push can draw N+1: sequence order = commit order, so a
 *    reader that has seen seq S can never later discover a row with seq <= S. PostgreSQL releases
 *    transaction locks only after the commit is visible to others, which is what makes this hold.
 *    Trade-off: pushes do not run in parallel. A push is a few index lookups per mutation, so one
 *    database handles thousands of mutations a second, far beyond the load of expert trips;
 *  - a mutation id is applied at most once: its verdict (applied or refused) is stored in
 *    applied_mutations in the same transaction, and a retry answers that verdict without touching data;
 *  - every check that can refuse a mutation runs before it writes anything, so a refusal never leaves
 *    a partial write and never aborts the rest of the batch;
 *  - records are merged field by field with the shared `mergeWrite`; the merged record (not the
 *    mutation) is validated with the shared zod schema unless it is a tombstone; every field a
 *    concurrent write lost is kept as a conflict row;
 *  - a record's scope is fixed at creation and never changes.
 */
export const PUSH_LOCK = 727_100_001;

export type PushOptions = {
  now: () => number;
  /**
   * Serialise pushes with the advisory lock. Always true in service; false only in the test that shows
   * the hazard the lock prevents.
   */
  serialise: boolean;
  /** Test hook: runs inside the transaction just before commit (holds the transaction open). */
  beforeCommit?: (info: { seqs: number[]; mutationIds: string[] }) => Promise<void>;
};

type Verdict = { status: 'applied' } | { status: 'refused'; refusal: Refusal };

type BatchState = {
  seqs: number[];
  scopes: Set<string>;
  users: Set<string>;
};

type Ctx = { user: AuthUser; deviceId: string; now: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refusal(
  mutationId: string,
  reason: RefusalReason,
  message: string,
  issues?: Refusal['issues'],
): Verdict {
  return { status: 'refused', refusal: { mutationId, reason, message, ...(issues ? { issues } : {}) } };
}

export async function applyPush(
  db: Db,
  user: AuthUser,
  request: { deviceId: string; mutations: unknown[] },
  options: PushOptions,
): Promise<PushResponse> {
  const ctx: Ctx = { user, deviceId: request.deviceId, now: options.now() };
  const applied: string[] = [];
  const refused: Refusal[] = [];
  await db.transaction(async (tx) => {
    if (options.serialise) await tx.query('select pg_advisory_xact_lock($1)', [PUSH_LOCK]);
    const state: BatchState = { seqs: [], scopes: new Set(), users: new Set() };
    const ids: string[] = [];
    for (const raw of request.mutations) {
      const { mutationId, verdict } = await applyOnce(tx, ctx, raw, state);
      ids.push(mutationId);
      if (verdict.status === 'applied') applied.push(mutationId);
      else refused.push(verdict.refusal);
    }
    if (state.seqs.length > 0 || state.users.size > 0) {
      const note: ChangeNote = {
        scopes: [...state.scopes],
        ...(state.seqs.length > 0 ? { seq: Math.max(...state.seqs) } : {}),
        ...(state.users.size > 0 ? { users: [...state.users] } : {}),
      };
      // Delivered by PostgreSQL only if and when this transaction commits.
      await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, notePayload(note)]);
    }
    await options.beforeCommit?.({ seqs: state.seqs, mutationIds: ids });
  });
  return { applied, refused, serverTime: options.now() };
}

function mutationIdOf(raw: unknown): { valid?: string; shown: string } {
  const id = raw && typeof raw === 'object' ? (raw as { mutationId?: unknown }).mutationId : undefined;
  if (typeof id !== 'string') return { shown: '' };
  return UUID.test(id) ? { valid: id.toLowerCase(), shown: id } : { shown: id.slice(0, 64) };
}

/** Idempotency wrapper: a mutation id already decided answers its stored verdict. */
async function applyOnce(
  tx: Queryable,
  ctx: Ctx,
  raw: unknown,
  state: BatchState,
): Promise<{ mutationId: string; verdict: Verdict }> {
  const { valid, shown } = mutationIdOf(raw);
  if (valid) {
    const prior = await tx.query<{ user_id: string; result: Verdict }>(
      'select user_id, result from applied_mutations where mutation_id = $1',
      [valid],
    );
    const row = prior[0];
    if (row && row.user_id !== ctx.user.id) {
      return {
        mutationId: shown,
        verdict: refusal(
          shown,
          'malformed',
          'This change id was already used by another account. The app must send the change with a new id.',
        ),
      };
    }
    if (row) {
      const verdict =
        row.result.status === 'refused'
          ? { ...row.result, refusal: { ...row.result.refusal, mutationId: shown } }
          : row.result;
      return { mutationId: shown, verdict };
    }
  }
  const verdict = await decide(tx, ctx, raw, state, shown);
  if (valid) {
    await tx.query(
      `insert into applied_mutations (mutation_id, user_id, device_id, result) values ($1, $2, $3, $4::text::jsonb)`,
      [valid, ctx.user.id, ctx.deviceId, JSON.stringify(verdict)],
    );
  }
  return { mutationId: shown, verdict };
}

async function decide(
  tx: Queryable,
  ctx: Ctx,
  raw: unknown,
  state: BatchState,
  shownId: string,
): Promise<Verdict> {
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: i.message,
    }));
    const where = issues
      .slice(0, 3)
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    return refusal(
      shownId,
      'malformed',
      `This change is not in the format the server expects (${where}).`,
      issues,
    );
  }
  const m = parsed.data;
  const id = m.mutationId;
  const table = m.table as RecordTable;

  const envelope = envelopeProblem(table, m);
  if (envelope) return refusal(id, 'malformed', envelope);

  const fieldIssues = fieldProblems(table, m);
  if (fieldIssues.length > 0) {
    return refusal(
      id,
      'validation',
      `The ${table} record has fields the server cannot accept: ${fieldIssues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ')}.`,
      fieldIssues,
    );
  }

  const permission = await checkPermission(tx, ctx.user, table, m);
  if (!permission.ok) return refusal(id, 'permission', permission.message);

  const currentRows = await tx.query<{
    scope: string;
    data: Record<string, unknown>;
    stamps: Record<string, string>;
  }>('select scope, data, stamps from records where tbl = $1 and id = $2 for update', [table, m.recordId]);
  const current = currentRows[0];
  if (current && current.scope !== m.scope) {
    return refusal(
      id,
      'malformed',
      `This ${table} record belongs to scope ${current.scope}, not ${m.scope}; a record cannot move to another trip.`,
    );
  }

  const drift = driftProblem(m, ctx.now);
  if (drift) return refusal(id, 'clock_drift', drift);

  const merged = mergeWrite(current ? { data: current.data, stamps: current.stamps } : undefined, {
    changes: m.changes,
    stamps: m.stamps,
    ...(m.baseStamps ? { baseStamps: m.baseStamps } : {}),
  });
  const data = merged.state.data;
  if (data._deleted !== true) {
    const check = recordSchemas[table].safeParse(data);
    if (!check.success) {
      const issues = check.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      }));
      const missing = current ? '' : ' A new record must carry all its required fields.';
      return refusal(
        id,
        'validation',
        `The ${table} record would be invalid after this change: ${issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`)
          .join('; ')}.${missing}`,
        issues,
      );
    }
    // The schema has the trip id; it must name the scope the record lives in.
    if (scopeOf(table, data) !== m.scope) {
      return refusal(id, 'validation', `The ${table} record's trip does not match its scope ${m.scope}.`, [
        { path: ['tripId'], message: 'v.scopeMismatch' },
      ]);
    }
  }

  if (merged.changed.length > 0) {
    const seqRows = await tx.query<{ seq: number }>(`select nextval('change_seq') as seq`);
    const seq = Number(seqRows[0]?.seq);
    await tx.query(
      `insert into records (tbl, id, scope, data, stamps, seq)
       values ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6)
       on conflict (tbl, id) do update
         set data = excluded.data, stamps = excluded.stamps, seq = excluded.seq, updated_at = now()`,
      [table, m.recordId, m.scope, JSON.stringify(data), JSON.stringify(merged.state.stamps), seq],
    );
    state.seqs.push(seq);
    state.scopes.add(m.scope);
  }
  for (const conflict of merged.conflicts) await keepConflict(tx, ctx, m, conflict);
  if (permission.createsTrip) {
    await grantTripAccess(tx, m.scope, ctx.user.id, 'organiser', ctx.user.id);
    state.users.add(ctx.user.id);
    state.scopes.add(m.scope);
  }
  return { status: 'applied' };
}

async function keepConflict(tx: Queryable, ctx: Ctx, m: Mutation, c: FieldConflict): Promise<void> {
  await tx.query(
    `insert into conflicts (tbl, record_id, scope, field, winner_value, winner_stamp, loser_value, loser_stamp,
                            loser_side, user_id, device_id, mutation_id)
     values ($1, $2, $3, $4, $5::text::jsonb, $6, $7::text::jsonb, $8, $9, $10, $11, $12)`,
    [
      m.table,
      m.recordId,
      m.scope,
      c.field,
      c.winner.value === undefined ? null : JSON.stringify(c.winner.value),
      c.winner.stamp,
      c.loser.value === undefined ? null : JSON.stringify(c.loser.value),
      c.loser.stamp,
      c.loserSide,
      ctx.user.id,
      ctx.deviceId,
      m.mutationId,
    ],
  );
}
