import type { PushResponse, Refusal } from '../../shared/sync/protocol';
import type { AuthUser } from '../auth/users';
import type { Db, Queryable } from '../db/index';
import { type BatchState, type Ctx, decide, refusal, type Verdict } from './decide';
import { loadMergeMaps } from './merges';
import { newChangeLog, notifyChanges, PUSH_LOCK } from './store';

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
 *    concurrent write lost is kept as a conflict row and a conflict record (conflictRecords.ts);
 *  - a record's scope is fixed at creation and never changes;
 *  - the merge map is read once per transaction, after the lock, and followed by every mutation
 *    (merges.ts); what each mutation may do is decided in decide.ts.
 */
export { PUSH_LOCK };

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    const state: BatchState = { ...newChangeLog(), maps: await loadMergeMaps(tx) };
    const ids: string[] = [];
    for (const raw of request.mutations) {
      const { mutationId, verdict } = await applyOnce(tx, ctx, raw, state);
      ids.push(mutationId);
      if (verdict.status === 'applied') applied.push(mutationId);
      else refused.push(verdict.refusal);
    }
    // Delivered by PostgreSQL only if and when this transaction commits.
    await notifyChanges(tx, state);
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
