import type { z } from 'zod';
import { newId } from '../../../shared/ids';
import { problemSchema, recommendationSchema, visitSchema } from '../../../shared/schemas';
import { createRecord, deleteRecord, RecordValidationError, updateRecord } from '../../data/repository';
import { type AppDatabase, getDb } from '../../db/database';
import { setReviewState } from '../../review/setReviewState';
import { SUBMITTABLE } from '../../review/transitions';
import type { VisitDraft } from './visitDraft';

/**
 * Saves a visit with its problems and recommendations as one unit: everything is validated first
 * (so the person sees every problem at once, with paths such as "problems.1.title"), then written in
 * one outer transaction, so a crash never leaves a visit without the problems typed on it.
 */
export async function saveVisit(
  input: { tripId: string; visitId?: string | undefined; draft: VisitDraft },
  db: AppDatabase = getDb(),
): Promise<string> {
  const { tripId, draft } = input;
  const visitId = input.visitId ?? newId();
  const visitValues = {
    id: visitId,
    tripId,
    hostId: draft.hostId,
    needIds: draft.needIds,
    date: draft.date,
    expertIds: draft.expertIds,
    activities: draft.activities.map((a) => ({ type: a.type, count: a.count, topic: a.topic })),
    peopleTrained: draft.peopleTrained === '' ? 0 : draft.peopleTrained,
    beneficiaries: draft.beneficiaries === '' ? 0 : draft.beneficiaries,
    location: draft.location,
    notes: draft.notes,
  };
  const problems = draft.problems.map((p) => ({ ...p, tripId, visitId, hostId: draft.hostId }));
  const recommendations = draft.recommendations.map((r) => ({ ...r, tripId, visitId }));

  const issues: z.core.$ZodIssue[] = [];
  const collect = (result: z.ZodSafeParseResult<unknown>, prefix: (string | number)[]) => {
    if (!result.success)
      for (const i of result.error.issues) issues.push({ ...i, path: [...prefix, ...i.path] });
  };
  const parsedVisit = visitSchema.safeParse(visitValues);
  collect(parsedVisit, []);
  for (const [i, p] of problems.entries()) collect(problemSchema.safeParse(p), ['problems', i]);
  for (const [i, r] of recommendations.entries())
    collect(recommendationSchema.safeParse(r), ['recommendations', i]);
  if (issues.length > 0 || !parsedVisit.success) throw new RecordValidationError('visits', issues);
  const visit = parsedVisit.data;

  await db.transaction('rw', visitTables(db), async () => {
    const existing = await db.visits.get(visitId);
    if (existing && existing._deleted === 0) {
      // The review state is the review's, not the form's: editing a visit keeps it (the schema's
      // default 'draft' would otherwise undo an organiser's decision on every save).
      const { id: _id, createdAt: _c, reviewState: _r, ...patch } = visit;
      await updateRecord('visits', visitId, patch, db);
    } else {
      await createRecord('visits', visit, db);
    }
    await syncChildren(db, 'problems', visitId, problems);
    await syncChildren(db, 'recommendations', visitId, recommendations);
  });
  return visitId;
}

function visitTables(db: AppDatabase) {
  return [db.visits, db.problems, db.recommendations, db.outbox, db.meta, db.search, db.hosts, db.agreements];
}

/**
 * "保存并提交审核" / "保存并重新提交": the expert's edits and the submission in one transaction, so the
 * organiser never sees "submitted" on a visit whose edits did not save, nor edits left unsubmitted by a
 * crash.
 */
export async function saveVisitAndSubmit(
  input: { tripId: string; visitId: string; draft: VisitDraft },
  db: AppDatabase = getDb(),
): Promise<string> {
  return db.transaction('rw', [...visitTables(db), db.comments], async () => {
    const visitId = await saveVisit(input, db);
    // Another device may have submitted (or the organiser decided) meanwhile: then this is a save.
    const state = (await db.visits.get(visitId))?.reviewState;
    if (state && SUBMITTABLE.has(state)) await setReviewState('visits', visitId, 'submitted', '', db);
    return visitId;
  });
}

/** Tombstones a visit with the problems and recommendations recorded on it, all or nothing. */
export async function deleteVisit(visitId: string, db: AppDatabase = getDb()): Promise<void> {
  await db.transaction('rw', visitTables(db), async () => {
    await syncChildren(db, 'problems', visitId, []);
    await syncChildren(db, 'recommendations', visitId, []);
    await deleteRecord('visits', visitId, db);
  });
}

/** Creates new rows, updates kept ones and tombstones the ones removed from the form. */
async function syncChildren<T extends 'problems' | 'recommendations'>(
  db: AppDatabase,
  table: T,
  visitId: string,
  rows: ({ id: string } & Record<string, unknown>)[],
): Promise<void> {
  const current = (await db.records(table).where('visitId').equals(visitId).toArray()).filter(
    (r) => r._deleted === 0,
  );
  const keep = new Set(rows.map((r) => r.id));
  for (const old of current) if (!keep.has(old.id)) await deleteRecord(table, old.id, db);
  const currentIds = new Set(current.map((r) => r.id));
  for (const row of rows) {
    if (currentIds.has(row.id)) {
      const { id: _id, ...patch } = row;
      await updateRecord(table, row.id, patch as never, db);
    } else {
      await createRecord(table, row as never, db);
    }
  }
}
