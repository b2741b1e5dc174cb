import { beforeEach, describe, expect, it } from 'vitest';
import {
  createRecord,
  deleteRecord,
  RecordNotFoundError,
  RecordValidationError,
} from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { addComment, ReviewError, setReviewState } from '../../../renderer/review/setReviewState';
import { SYNC_META } from '../../../renderer/sync/syncMeta';
import { newId } from '../../../shared/ids';

let db: AppDatabase;
let tripId: string;
let visitId: string;
let agreementId: string;

beforeEach(async () => {
  db = new AppDatabase(`review-${newId()}`);
  setDb(db);
  tripId = (
    await createRecord('trips', {
      title: '走进璧山',
      region: '璧山',
      startDate: '2025-06-23',
      endDate: '2025-06-25',
    })
  ).id;
  const host = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
  const expert = await createRecord('experts', { name: '陈绍成' });
  visitId = (
    await createRecord('visits', {
      tripId,
      hostId: host.id,
      date: '2025-06-24',
      expertIds: [expert.id],
      activities: [{ type: 'technical_guidance', count: 1 }],
      reviewState: 'submitted',
    })
  ).id;
  agreementId = (await createRecord('agreements', { tripId, hostId: host.id, title: '校企合作协议' })).id;
});

const snapshot = async () => ({
  visit: await db.visits.get(visitId),
  comments: await db.comments.count(),
  outbox: await db.outbox.count(),
});

describe('setReviewState', () => {
  it('writes the record’s state and a comment carrying it, each with its outbox entry', async () => {
    const before = await db.outbox.count();
    const comment = await setReviewState('visits', visitId, 'has_issues', '  请补充问题的解决情况  ', db);
    expect((await db.visits.get(visitId))?.reviewState).toBe('has_issues');
    expect(comment).toMatchObject({
      tripId,
      recordTable: 'visits',
      recordId: visitId,
      body: '请补充问题的解决情况',
      reviewState: 'has_issues',
      authorName: '',
    });
    expect(await db.comments.get(comment.id)).toMatchObject({ reviewState: 'has_issues', _deleted: 0 });
    const entries = (await db.outbox.toArray()).slice(before);
    expect(entries.map((e) => e.table).sort()).toEqual(['comments', 'visits']);
    expect(entries.find((e) => e.table === 'visits')?.changes).toEqual({ reviewState: 'has_issues' });
    expect(entries.find((e) => e.table === 'comments')?.scope).toBe(tripId);
  });

  it('signs the comment with the signed-in account’s display name', async () => {
    await db.meta.put({
      key: SYNC_META.user,
      value: { id: 'u1', username: 'wang', displayName: '王组织', role: 'organiser' },
    });
    const comment = await setReviewState('agreements', agreementId, 'approved', '', db);
    expect(comment.authorName).toBe('王组织');
    expect((await db.agreements.get(agreementId))?.reviewState).toBe('approved');
  });

  it('refuses "has issues" and "rejected" without a comment, and writes nothing', async () => {
    const before = await snapshot();
    await expect(setReviewState('visits', visitId, 'has_issues', '   ', db)).rejects.toEqual(
      new ReviewError('commentRequired'),
    );
    await expect(setReviewState('visits', visitId, 'rejected', '', db)).rejects.toBeInstanceOf(ReviewError);
    expect(await snapshot()).toEqual(before);
  });

  it('a failure after the record was written leaves neither the state nor the comment', async () => {
    const before = await snapshot();
    // The comment is too long for its schema: it fails after updateRecord already wrote the visit.
    await expect(setReviewState('visits', visitId, 'approved', '很'.repeat(4001), db)).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    const after = await snapshot();
    expect(after.visit?.reviewState).toBe('submitted');
    expect(after.visit?._stamps).toEqual(before.visit?._stamps);
    expect(after.comments).toBe(before.comments);
    expect(after.outbox).toBe(before.outbox);
  });

  it('refuses setting the state a record already has, and records that do not exist', async () => {
    await expect(setReviewState('visits', visitId, 'submitted', '', db)).rejects.toEqual(
      new ReviewError('sameState'),
    );
    await deleteRecord('agreements', agreementId, db);
    await expect(setReviewState('agreements', agreementId, 'approved', '', db)).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
    await expect(setReviewState('visits', newId(), 'approved', '', db)).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
    expect(await db.comments.count()).toBe(0);
  });
});

describe('addComment', () => {
  it('adds a reply without changing the state', async () => {
    const comment = await addComment('visits', visitId, '已补充说明', db);
    expect(comment).toMatchObject({ body: '已补充说明', reviewState: '', recordTable: 'visits' });
    expect((await db.visits.get(visitId))?.reviewState).toBe('submitted');
  });

  it('refuses an empty comment', async () => {
    await expect(addComment('visits', visitId, ' \n ', db)).rejects.toEqual(new ReviewError('emptyComment'));
    expect(await db.comments.count()).toBe(0);
  });
});
