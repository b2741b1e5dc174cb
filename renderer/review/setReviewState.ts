import type { ReviewedTable } from '../../shared/schemas';
import { createRecord, RecordNotFoundError, updateRecord } from '../data/repository';
import { type AppDatabase, getDb } from '../db/database';
import type { Stored } from '../db/types';
import { readUser } from '../sync/syncMeta';
import { commentAuthorOf } from './role';
import { COMMENT_REQUIRED, type ReviewState } from './transitions';

/**
 * Review decisions and replies. A decision changes the record's `reviewState` AND appends a comment
 * carrying the new state, in ONE transaction: the thread is the review history, so a state that
 * changed without its comment (or a comment claiming a change that did not happen) must never exist,
 * even after a crash halfway. Both writes go through the repository, so both sync.
 */

export type ReviewProblem = 'commentRequired' | 'emptyComment' | 'sameState';

/** A decision the workflow does not allow; `problem` names it for the screen's message. */
export class ReviewError extends Error {
  constructor(readonly problem: ReviewProblem) {
    super(`Review: ${problem}`);
    this.name = 'ReviewError';
  }
}

/** Every table the nested repository writes touch (record, comment, outbox, clock, search index). */
function reviewTables(db: AppDatabase) {
  return [db.visits, db.agreements, db.comments, db.outbox, db.meta, db.search, db.hosts, db.problems];
}

async function liveRecord(db: AppDatabase, table: ReviewedTable, id: string) {
  const row = (await db.records(table).get(id)) as Stored<'visits'> | Stored<'agreements'> | undefined;
  if (!row || row._deleted === 1) throw new RecordNotFoundError(table, id);
  return row;
}

/**
 * Sets a visit's or agreement's review state with the comment that explains it (required for
 * "has issues" and "rejected"). Returns the comment written.
 */
export async function setReviewState(
  table: ReviewedTable,
  id: string,
  state: ReviewState,
  comment: string,
  db: AppDatabase = getDb(),
): Promise<Stored<'comments'>> {
  const body = comment.trim();
  if (COMMENT_REQUIRED.has(state) && body === '') throw new ReviewError('commentRequired');
  return db.transaction('rw', reviewTables(db), async () => {
    const record = await liveRecord(db, table, id);
    if (record.reviewState === state) throw new ReviewError('sameState');
    const authorName = commentAuthorOf(await readUser(db));
    await updateRecord(table, id, { reviewState: state }, db);
    return createRecord(
      'comments',
      { tripId: record.tripId, recordTable: table, recordId: id, body, authorName, reviewState: state },
      db,
    );
  });
}

/** A reply or remark without a change of state. */
export async function addComment(
  table: ReviewedTable,
  id: string,
  comment: string,
  db: AppDatabase = getDb(),
): Promise<Stored<'comments'>> {
  const body = comment.trim();
  if (body === '') throw new ReviewError('emptyComment');
  return db.transaction('rw', reviewTables(db), async () => {
    const record = await liveRecord(db, table, id);
    const authorName = commentAuthorOf(await readUser(db));
    return createRecord(
      'comments',
      { tripId: record.tripId, recordTable: table, recordId: id, body, authorName, reviewState: '' },
      db,
    );
  });
}
