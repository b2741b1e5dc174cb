import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, RecordValidationError } from '../../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../../renderer/db/database';
import { deleteVisit, saveVisit } from '../../../../renderer/features/visits/saveVisit';
import { emptyVisitDraft, type VisitDraft } from '../../../../renderer/features/visits/visitDraft';
import { newId } from '../../../../shared/ids';

let db: AppDatabase;
let draft: VisitDraft;
let tripId: string;

beforeEach(async () => {
  db = new AppDatabase(`save-visit-${newId()}`);
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
  const problemId = newId();
  draft = {
    ...emptyVisitDraft('2025-06-24'),
    hostId: host.id,
    expertIds: [expert.id],
    activities: [
      { key: 'a', type: 'technical_guidance', count: 2, topic: '中药饮片炮制' },
      { key: 'b', type: 'lecture', count: 1, topic: '' },
    ],
    peopleTrained: 25,
    problems: [
      {
        id: problemId,
        title: '饮片炮制温度控制不稳',
        description: '',
        category: 'hard',
        status: 'solved',
        field: '',
      },
    ],
    recommendations: [{ id: newId(), text: '增加在线温度监测', adopted: true, problemId }],
  };
});

describe('saving a visit with its problems and recommendations', () => {
  it('writes the visit, its problems and recommendations, each with an outbox entry', async () => {
    const before = await db.outbox.count();
    const visitId = await saveVisit({ tripId, draft }, db);
    const visit = await db.visits.get(visitId);
    expect(visit?.activities.map((a) => a.type)).toEqual(['technical_guidance', 'lecture']);
    expect(visit?.peopleTrained).toBe(25);
    const problems = await db.problems.where('visitId').equals(visitId).toArray();
    expect(problems[0]).toMatchObject({ hostId: draft.hostId, category: 'hard', tripId });
    const recs = await db.recommendations.where('visitId').equals(visitId).toArray();
    expect(recs[0]?.problemId).toBe(problems[0]?.id);
    expect((await db.outbox.count()) - before).toBe(3);
  });

  it('editing removes what was taken off the form (tombstones) and updates the rest', async () => {
    const visitId = await saveVisit({ tripId, draft }, db);
    const edited: VisitDraft = {
      ...draft,
      notes: '复查',
      problems: [],
      recommendations: draft.recommendations.map((r) => ({ ...r, problemId: '' })),
    };
    await saveVisit({ tripId, visitId, draft: edited }, db);
    const problems = await db.problems.where('visitId').equals(visitId).toArray();
    expect(problems.map((p) => p._deleted)).toEqual([1]);
    expect((await db.visits.get(visitId))?.notes).toBe('复查');
    expect(await db.visits.count()).toBe(1);
  });

  it('reports every invalid row at once and writes nothing', async () => {
    const bad: VisitDraft = {
      ...draft,
      problems: [...draft.problems, { ...draft.problems[0], id: newId(), title: '' } as never],
      recommendations: [{ id: newId(), text: ' ', adopted: false, problemId: '' }],
    };
    const before = await db.outbox.count();
    const error = await saveVisit({ tripId, draft: bad }, db).catch((e) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect(error.issues.map((i: { path: unknown[] }) => i.path.join('.'))).toEqual([
      'problems.1.title',
      'recommendations.0.text',
    ]);
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('a failure while writing the last recommendation leaves no visit and no problem', async () => {
    const spy = vi.spyOn(db.records('recommendations'), 'put').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    const before = await db.outbox.count();
    await expect(saveVisit({ tripId, draft }, db)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.visits.count()).toBe(0);
    expect(await db.problems.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('deleting a visit tombstones its problems and recommendations too', async () => {
    const visitId = await saveVisit({ tripId, draft }, db);
    await deleteVisit(visitId, db);
    expect((await db.visits.get(visitId))?._deleted).toBe(1);
    expect((await db.problems.toArray()).every((p) => p._deleted === 1)).toBe(true);
    expect((await db.recommendations.toArray()).every((r) => r._deleted === 1)).toBe(true);
  });
});
