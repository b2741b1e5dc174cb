import { mergeSchema, type RecordTable } from '../../shared/schemas';
import type { IncomingWrite } from '../../shared/sync/merge';
import { sameValue } from '../../shared/sync/merge';
import { mutationSchema, type Refusal, type RefusalReason } from '../../shared/sync/protocol';
import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/index';
import { canManageScope, checkPermission, grantTripAccess } from './access';
import { type ConflictSource, conflictWriteProblem, mirrorResolution } from './conflictRecords';
import { lockProblem } from './lock';
import {
  applyMerge,
  type MergeMaps,
  mergeEditProblem,
  newMergeProblem,
  redirectedWrite,
  survivorIfMerged,
} from './merges';
import { driftProblem, envelopeProblem, fieldProblems } from './mutationChecks';
import { commitPlan, isPlanRefusal, planWrite, type WritePlan } from './recordWrite';
import { reviewProblem } from './review';
import { type ChangeLog, loadRecord, type StoredRecord, serverWrite } from './store';

/**
 * The verdict on one mutation (called by push.ts inside the push transaction, once per mutation id).
 * Checks in order — shape, envelope, fields, scope membership, stored scope, clock drift, the rules of
 * conflict records, merges and the trip lock, then the merged record's validity (of the survivor too,
 * when the record was merged away) and a new merge's consistency — and only then writes.
 */
export type Verdict = { status: 'applied' } | { status: 'refused'; refusal: Refusal };

export type BatchState = ChangeLog & { maps: MergeMaps };

export type Ctx = { user: AuthUser; deviceId: string; now: number };

export function refusal(
  mutationId: string,
  reason: RefusalReason,
  message: string,
  issues?: Refusal['issues'],
): Verdict {
  return { status: 'refused', refusal: { mutationId, reason, message, ...(issues ? { issues } : {}) } };
}

const MERGE_PERMISSION =
  "Only this trip's organisers (or an administrator) can merge duplicate records. Ask an organiser to merge them.";

type Rule = { reason: RefusalReason; message: string } | undefined;

/** The rules of particular record types (conflicts, merges) and of the trip lock. */
async function ruleProblem(
  tx: Queryable,
  table: RecordTable,
  m: { scope: string; changes: Record<string, unknown> },
  current: StoredRecord | undefined,
  manages: () => Promise<boolean>,
): Promise<Rule> {
  if (table === 'conflicts') {
    const problem = await conflictWriteProblem(m.changes, m.scope, current, manages);
    if (problem) return { reason: 'permission', message: problem };
  }
  if (table === 'merges') {
    if (!(await manages())) return { reason: 'permission', message: MERGE_PERMISSION };
    const problem = mergeEditProblem(m.changes, current);
    if (problem) return { reason: 'validation', message: problem };
  }
  const review = await reviewProblem(table, m.changes, manages);
  if (review) return { reason: 'permission', message: review };
  return lockProblem(
    tx,
    { table, scope: m.scope, changes: m.changes, updatesTrip: table === 'trips' && current !== undefined },
    manages,
  );
}

export async function decide(
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

  const current = await loadRecord(tx, table, m.recordId);
  // A replay of writes the server already holds (a device restored from a backup before its first
  // sync) changes nothing; it is acknowledged before the permission and record rules, which would
  // otherwise refuse an expert's replay of an organiser's lock, merge or directory removal. Stamps are
  // unique to one write of one device, so only someone who had the record can send an exact replay.
  if (current && current.scope === m.scope && isReplay(m, current)) return { status: 'applied' };

  const permission = await checkPermission(tx, ctx.user, table, m);
  if (!permission.ok) return refusal(id, 'permission', permission.message);

  if (current && current.scope !== m.scope) {
    return refusal(
      id,
      'malformed',
      `This ${table} record belongs to scope ${current.scope}, not ${m.scope}; a record cannot move to another trip.`,
    );
  }

  const drift = driftProblem(m, ctx.now);
  if (drift) return refusal(id, 'clock_drift', drift);

  let managed: Promise<boolean> | undefined;
  const manages = () => {
    managed ??= canManageScope(tx, ctx.user, m.scope);
    return managed;
  };
  const rule = await ruleProblem(tx, table, m, current, manages);
  if (rule) return refusal(id, rule.reason, rule.message);

  const incoming: IncomingWrite = {
    changes: m.changes,
    stamps: m.stamps,
    ...(m.baseStamps ? { baseStamps: m.baseStamps } : {}),
  };
  const plan = planWrite({ table, id: m.recordId, scope: m.scope }, incoming, current, state.maps);
  if (isPlanRefusal(plan)) return refusal(id, 'validation', plan.message, plan.issues);

  // A write to a merged-away record also lands on the record it was merged into.
  const survivorId = survivorIfMerged(state.maps, table, m.recordId);
  let survivorPlan: WritePlan | undefined;
  const survivor = survivorId ? await loadRecord(tx, table, survivorId) : undefined;
  const redirected = survivorId ? redirectedWrite(incoming, survivor) : undefined;
  if (survivorId && redirected) {
    const target = { table, id: survivorId, scope: survivor?.scope ?? m.scope };
    const p = planWrite(target, redirected, survivor, state.maps);
    if (isPlanRefusal(p)) {
      return refusal(
        id,
        'validation',
        `This ${table} record was merged into ${survivorId}, where the change lands; there: ${p.message}`,
        p.issues,
      );
    }
    survivorPlan = p;
  }

  const data = plan.merged.state.data;
  const newMerge =
    table === 'merges' && !current && data._deleted !== true ? mergeSchema.parse(data) : undefined;
  if (newMerge) {
    const problem = await newMergeProblem(tx, newMerge, state.maps);
    if (problem) return refusal(id, 'validation', problem);
  }

  // ---- every check passed: write ----
  const source: ConflictSource = { user: ctx.user, deviceId: ctx.deviceId, mutationId: id, now: ctx.now };
  // Conflicts of a merged-away record are not kept: the record is gone; its survivor's are.
  const stored = await commitPlan(tx, state, plan, state.maps, source, { keepConflicts: !survivorId });
  if (survivorId && stored && stored.data._deleted !== true) {
    // A merged-away record stays removed (a device restoring it would bring the duplicate back).
    await serverWrite(tx, state, stored, { _deleted: true });
  }
  if (survivorPlan) await commitPlan(tx, state, survivorPlan, state.maps, source, { keepConflicts: true });
  if (table === 'conflicts' && plan.merged.changed.includes('resolution')) {
    await mirrorResolution(tx, m.recordId, data.resolution, ctx.user.id);
  }
  if (newMerge) {
    await applyMerge(
      tx,
      state,
      { id: m.recordId, table: newMerge.table, fromId: newMerge.fromId, intoId: newMerge.intoId },
      state.maps,
      ctx.user.id,
    );
  }
  if (permission.createsTrip) {
    await grantTripAccess(tx, m.scope, ctx.user.id, 'organiser', ctx.user.id);
    state.users.add(ctx.user.id);
    state.scopes.add(m.scope);
  }
  return { status: 'applied' };
}

/** Every field of the write is already stored with the same stamp (and so the same value). */
function isReplay(
  m: { changes: Record<string, unknown>; stamps: Record<string, string> },
  current: StoredRecord,
) {
  return Object.keys(m.changes).every(
    (field) => current.stamps[field] === m.stamps[field] && sameValue(current.data[field], m.changes[field]),
  );
}
