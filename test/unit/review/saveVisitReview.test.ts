import { beforeEach, describe, expect, it } from 'vitest';
import { createRecord, RecordValidationError } from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { saveVisit, saveVisitAndSubmit } from '../../../renderer/features/visits/saveVisit';
import { emptyVisitDraft, type VisitDraft } from '../../../renderer/features/visits/visitDraft';
import { setReviewState } from '../../../renderer/review/setReviewState';
import { newId } from '../../../shared/ids';

let db: AppDatabase;
let tripId: string;
let draft: VisitDraft;
let visitId: string;

beforeEach(async () => {
  db = new AppDatabase(`visit-review-${newId()}`);
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
  draft = { ...emptyVisitDraft('2025-06-24'), hostId: host.id, expertIds: [expert.id] };
  visitId = await saveVisit({ tripId, draft }, db);
  await setReviewState('visits', visitId, 'submitted', '', db);
  await setReviewState('visits', visitId, 'has_issues', '请补充问题', db);
});

describe('the review state when a visit is edited', () => {
  it('saving the form keeps the organiser’s decision', async () => {
    await saveVisit({ tripId, visitId, draft: { ...draft, notes: '已补充' } }, db);
    expect(await db.visits.get(visitId)).toMatchObject({ notes: '已补充', reviewState: 'has_issues' });
  });

  it('"save and resubmit" writes the fixes, the state and its comment together', async () => {
    const problem = {
      id: newId(),
      title: '炮制温度不稳',
      description: '',
      category: 'hard',
      status: 'solved',
      field: '',
    } as const;
    await saveVisitAndSubmit({ tripId, visitId, draft: { ...draft, problems: [problem] } }, db);
    expect((await db.visits.get(visitId))?.reviewState).toBe('submitted');
    expect(await db.problems.where('visitId').equals(visitId).count()).toBe(1);
    const thread = await db.comments.where('[recordTable+recordId]').equals(['visits', visitId]).toArray();
    expect(thread.map((c) => c.reviewState).sort()).toEqual(['has_issues', 'submitted', 'submitted']);
  });

  it('an invalid fix resubmits nothing', async () => {
    const outbox = await db.outbox.count();
    await expect(
      saveVisitAndSubmit({ tripId, visitId, draft: { ...draft, expertIds: [] } }, db),
    ).rejects.toBeInstanceOf(RecordValidationError);
    expect((await db.visits.get(visitId))?.reviewState).toBe('has_issues');
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('a visit resubmitted meanwhile on another device is simply saved', async () => {
    await setReviewState('visits', visitId, 'submitted', '已补充', db);
    await saveVisitAndSubmit({ tripId, visitId, draft: { ...draft, notes: '再补充' } }, db);
    expect(await db.visits.get(visitId)).toMatchObject({ notes: '再补充', reviewState: 'submitted' });
    expect(await db.comments.count()).toBe(3);
  });
});
