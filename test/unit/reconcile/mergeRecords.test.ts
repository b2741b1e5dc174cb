import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, deleteRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { MergeError, mergeGroup, mergeRecords } from '../../../renderer/reconcile/merge';
import { CODE, freshDb, seedTrip, seedVisit } from './fixtures';

let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});

async function hostWorld() {
  const { trip, li, wang } = await seedTrip(db);
  const other = await createRecord(
    'trips',
    { title: '智兴天府专家行走进眉山', region: '眉山市', startDate: '2023-05-10', endDate: '2023-05-11' },
    db,
  );
  const a = await createRecord(
    'hosts',
    { name: '重庆金泰热处理有限公司', contactName: '刘经理', address: '璧山区青杠街道' },
    db,
  );
  const b = await createRecord(
    'hosts',
    { name: '金泰热处理公司', creditCode: CODE, contactName: '陈主任' },
    db,
  );
  const need = await createRecord('needs', { tripId: trip.id, hostId: a.id, title: '渗碳层深度不均' }, db);
  const goneNeed = await createRecord('needs', { tripId: trip.id, hostId: a.id, title: '已删除的需求' }, db);
  await deleteRecord('needs', goneNeed.id, db);
  const visit = await seedVisit(db, trip.id, a.id, [li.id]);
  const otherTripVisit = await seedVisit(db, other.id, a.id, [wang.id], { date: '2023-05-10' });
  const problem = await createRecord(
    'problems',
    { tripId: trip.id, visitId: visit.id, hostId: a.id, title: '淬火变形超差' },
    db,
  );
  const agreement = await createRecord(
    'agreements',
    { tripId: trip.id, hostId: a.id, visitId: visit.id, title: '热处理工艺合作协议' },
    db,
  );
  const hostFollowUp = await createRecord(
    'followUps',
    { tripId: trip.id, relatedType: 'host', relatedId: a.id, action: '每月组团走访', dueDate: '2025-07-23' },
    db,
  );
  const visitFollowUp = await createRecord(
    'followUps',
    { tripId: trip.id, relatedType: 'visit', relatedId: visit.id, action: '回访', dueDate: '2025-07-01' },
    db,
  );
  await db.outbox.clear();
  return {
    trip,
    a,
    b,
    need,
    goneNeed,
    visit,
    otherTripVisit,
    problem,
    agreement,
    hostFollowUp,
    visitFollowUp,
  };
}

describe('mergeRecords: hosts', () => {
  it('re-points every reference, fills the survivor, tombstones the other and leaves a trail', async () => {
    const w = await hostWorld();
    const trail = await mergeRecords(
      'hosts',
      w.a.id,
      w.b.id,
      { tripId: w.trip.id, fromLabel: w.a.name, intoLabel: w.b.name, reason: '同一企业', mergedBy: '张组织' },
      db,
    );

    expect((await db.needs.get(w.need.id))?.hostId).toBe(w.b.id);
    expect((await db.visits.get(w.visit.id))?.hostId).toBe(w.b.id);
    expect((await db.visits.get(w.otherTripVisit.id))?.hostId).toBe(w.b.id);
    expect((await db.problems.get(w.problem.id))?.hostId).toBe(w.b.id);
    expect((await db.agreements.get(w.agreement.id))?.hostId).toBe(w.b.id);
    expect((await db.followUps.get(w.hostFollowUp.id))?.relatedId).toBe(w.b.id);
    // Not a host reference: the visit follow-up and the problem's visit stay as they were.
    expect((await db.followUps.get(w.visitFollowUp.id))?.relatedId).toBe(w.visit.id);
    expect((await db.problems.get(w.problem.id))?.visitId).toBe(w.visit.id);
    // A tombstone is left alone (the server re-points writes that revive it).
    expect((await db.needs.get(w.goneNeed.id))?.hostId).toBe(w.a.id);

    const survivor = await db.hosts.get(w.b.id);
    expect(survivor).toMatchObject({
      name: '金泰热处理公司',
      creditCode: CODE,
      contactName: '陈主任',
      address: '璧山区青杠街道',
      _deleted: 0,
    });
    expect((await db.hosts.get(w.a.id))?._deleted).toBe(1);

    expect(await db.merges.get(trail.id)).toMatchObject({
      tripId: w.trip.id,
      table: 'hosts',
      fromId: w.a.id,
      intoId: w.b.id,
      fromLabel: '重庆金泰热处理有限公司',
      intoLabel: '金泰热处理公司',
      mergedBy: '张组织',
      reason: '同一企业',
    });
    // Ordinary writes: every one is queued for the server, in its own scope.
    const outbox = await db.outbox.toArray();
    expect(
      outbox.map(
        (e) => `${e.table}:${e.scope === 'directory' ? 'dir' : e.scope === w.trip.id ? 'trip' : 'other'}`,
      ),
    ).toEqual([
      'merges:trip',
      'needs:trip',
      'visits:trip',
      'visits:other',
      'problems:trip',
      'agreements:trip',
      'followUps:trip',
      'hosts:dir',
      'hosts:dir',
    ]);
    expect(outbox.at(-1)?.changes).toEqual({ _deleted: true });
  });

  it('a crash half-way writes nothing: the second write fails, the first is rolled back', async () => {
    const w = await hostWorld();
    const before = {
      hosts: await db.hosts.toArray(),
      visits: await db.visits.toArray(),
      needs: await db.needs.toArray(),
    };
    const add = db.outbox.add.bind(db.outbox);
    let calls = 0;
    const failing = vi.spyOn(db.outbox, 'add').mockImplementation((entry) => {
      calls++;
      if (calls === 2) throw new Error('quota exceeded');
      return add(entry);
    });
    await expect(
      mergeRecords(
        'hosts',
        w.a.id,
        w.b.id,
        { tripId: w.trip.id, fromLabel: 'A', intoLabel: 'B', mergedBy: '' },
        db,
      ),
    ).rejects.toThrow('quota exceeded');
    failing.mockRestore();
    expect(calls).toBe(2);
    expect(await db.merges.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.hosts.toArray()).toEqual(before.hosts);
    expect(await db.visits.toArray()).toEqual(before.visits);
    expect(await db.needs.toArray()).toEqual(before.needs);
  });

  it('refuses nonsense without writing anything', async () => {
    const w = await hostWorld();
    const info = { tripId: w.trip.id, fromLabel: 'A', intoLabel: 'B', mergedBy: '' };
    await expect(mergeRecords('hosts', w.a.id, w.a.id, info, db)).rejects.toMatchObject({ problem: 'same' });
    await deleteRecord('hosts', w.b.id, db);
    await db.outbox.clear();
    const error = await mergeRecords('hosts', w.a.id, w.b.id, info, db).catch((e) => e);
    expect(error).toBeInstanceOf(MergeError);
    expect(error.problem).toBe('missing');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.merges.count()).toBe(0);
  });

  it('merges a whole group into one in one transaction', async () => {
    const w = await hostWorld();
    const c = await createRecord('hosts', { name: '金泰热处理', district: '璧山区' }, db);
    const cVisit = await seedVisit(db, w.trip.id, c.id, [w.visit.expertIds[0] ?? '']);
    const trails = await mergeGroup(
      'hosts',
      [
        { id: w.a.id, label: w.a.name },
        { id: c.id, label: c.name },
      ],
      { id: w.b.id, label: w.b.name },
      { tripId: w.trip.id, mergedBy: '张组织' },
      db,
    );
    expect(trails.map((t) => t.fromId)).toEqual([w.a.id, c.id]);
    expect((await db.visits.get(cVisit.id))?.hostId).toBe(w.b.id);
    expect((await db.hosts.get(w.b.id))?.district).toBe('璧山区');
    expect((await db.hosts.get(c.id))?._deleted).toBe(1);
  });
});

describe('mergeRecords: visits', () => {
  async function visitWorld() {
    const { trip, li, wang } = await seedTrip(db);
    const host = await createRecord('hosts', { name: '璧山区人民医院', kind: 'hospital' }, db);
    const needA = await createRecord(
      'needs',
      { tripId: trip.id, hostId: host.id, title: '微创手术带教' },
      db,
    );
    const needB = await createRecord('needs', { tripId: trip.id, hostId: host.id, title: '远程会诊' }, db);
    const keep = await seedVisit(db, trip.id, host.id, [li.id], {
      notes: '查房并讲解病例',
      needIds: [needA.id],
      peopleTrained: 40,
    });
    const twin = await seedVisit(db, trip.id, host.id, [li.id, wang.id], {
      notes: '手术指导两台',
      needIds: [needB.id],
      peopleTrained: 35,
      location: '外科楼',
    });
    const problem = await createRecord(
      'problems',
      { tripId: trip.id, visitId: twin.id, hostId: host.id, title: '术后感染率偏高' },
      db,
    );
    const recommendation = await createRecord(
      'recommendations',
      { tripId: trip.id, visitId: twin.id, problemId: problem.id, text: '规范围手术期抗菌药使用' },
      db,
    );
    const agreement = await createRecord(
      'agreements',
      { tripId: trip.id, hostId: host.id, visitId: twin.id, title: '专家工作站共建协议' },
      db,
    );
    const followUp = await createRecord(
      'followUps',
      {
        tripId: trip.id,
        relatedType: 'visit',
        relatedId: twin.id,
        action: '季度会诊',
        dueDate: '2025-09-23',
      },
      db,
    );
    const problemFollowUp = await createRecord(
      'followUps',
      {
        tripId: trip.id,
        relatedType: 'problem',
        relatedId: problem.id,
        action: '复查',
        dueDate: '2025-08-01',
      },
      db,
    );
    const comment = await createRecord(
      'comments',
      {
        tripId: trip.id,
        recordTable: 'visits',
        recordId: twin.id,
        body: '请补充培训人次',
        reviewState: 'has_issues',
      },
      db,
    );
    await db.outbox.clear();
    return {
      trip,
      li,
      wang,
      needA,
      needB,
      keep,
      twin,
      problem,
      recommendation,
      agreement,
      followUp,
      problemFollowUp,
      comment,
    };
  }

  it('re-points problems, recommendations, agreements, follow-ups and comments; unites experts and needs', async () => {
    const w = await visitWorld();
    await mergeRecords(
      'visits',
      w.twin.id,
      w.keep.id,
      { tripId: w.trip.id, fromLabel: 'twin', intoLabel: 'keep', mergedBy: '张组织' },
      db,
    );
    expect((await db.problems.get(w.problem.id))?.visitId).toBe(w.keep.id);
    expect((await db.recommendations.get(w.recommendation.id))?.visitId).toBe(w.keep.id);
    expect((await db.agreements.get(w.agreement.id))?.visitId).toBe(w.keep.id);
    expect((await db.followUps.get(w.followUp.id))?.relatedId).toBe(w.keep.id);
    expect((await db.followUps.get(w.problemFollowUp.id))?.relatedId).toBe(w.problem.id);
    expect((await db.comments.get(w.comment.id))?.recordId).toBe(w.keep.id);

    const kept = await db.visits.get(w.keep.id);
    expect(kept?.expertIds).toEqual([w.li.id, w.wang.id]);
    expect(kept?.needIds).toEqual([w.needA.id, w.needB.id]);
    expect(kept?.notes).toBe('查房并讲解病例\n\n手术指导两台');
    expect(kept?.location).toBe('外科楼');
    // The same visit entered twice: its own activities and figures, not the sum.
    expect(kept?.peopleTrained).toBe(40);
    expect(kept?.activities).toEqual([{ type: 'technical_guidance', count: 1, topic: '' }]);
    expect((await db.visits.get(w.twin.id))?._deleted).toBe(1);
    expect(await db.merges.where('fromId').equals(w.twin.id).count()).toBe(1);
  });

  it('does not append notes the survivor already has', async () => {
    const w = await visitWorld();
    const { updateRecord } = await import('../../../renderer/data/repository');
    await updateRecord('visits', w.keep.id, { notes: '查房并讲解病例。手术指导两台' }, db);
    await mergeRecords(
      'visits',
      w.twin.id,
      w.keep.id,
      { tripId: w.trip.id, fromLabel: '', intoLabel: '', mergedBy: '' },
      db,
    );
    expect((await db.visits.get(w.keep.id))?.notes).toBe('查房并讲解病例。手术指导两台');
  });

  it('refuses visits of two trips', async () => {
    const w = await visitWorld();
    const other = await createRecord(
      'trips',
      { title: '另一次活动', region: '眉山市', startDate: '2023-05-10', endDate: '2023-05-11' },
      db,
    );
    const elsewhere = await seedVisit(db, other.id, w.keep.hostId, [w.li.id]);
    await expect(
      mergeRecords(
        'visits',
        elsewhere.id,
        w.keep.id,
        { tripId: w.trip.id, fromLabel: '', intoLabel: '', mergedBy: '' },
        db,
      ),
    ).rejects.toMatchObject({ problem: 'otherTrip' });
  });
});
