import { beforeEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord, updateRecord } from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { loadReportInput } from '../../../renderer/report/loadReportInput';
import { computeTripReport } from '../../../shared/report';

/** Records written and removed through the repository, read back as the report screen reads them. */

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`test-${crypto.randomUUID()}`);
  setDb(db);
});

const TODAY = '2025-07-01';

async function smallTrip() {
  const trip = await createRecord('trips', {
    title: '走进璧山',
    region: '重庆市璧山区',
    startDate: '2025-06-23',
    endDate: '2025-06-25',
  });
  const keep = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
  const duplicate = await createRecord('hosts', { name: '重庆东嶅药业' });
  const [a, b] = await Promise.all([
    createRecord('experts', { name: '陈绍成', affiliation: '重庆第二师范学院' }),
    createRecord('experts', { name: '杨磊', affiliation: '重庆大学' }),
  ]);
  if (!a || !b) throw new Error('experts not created');
  await createRecord('tripMembers', { tripId: trip.id, expertId: a.id, group: '生物制药' });
  const memberB = await createRecord('tripMembers', { tripId: trip.id, expertId: b.id, group: '生物制药' });
  const visit = (hostId: string, date: string, count: number) =>
    createRecord('visits', {
      tripId: trip.id,
      hostId,
      date,
      expertIds: [a.id],
      activities: [{ type: 'lecture', count }],
      peopleTrained: count * 10,
    });
  const v1 = await visit(keep.id, '2025-06-23', 1);
  const v2 = await visit(duplicate.id, '2025-06-24', 2);
  const v3 = await visit(keep.id, '2025-06-25', 4);
  return { trip, keep, duplicate, a, b, memberB, v1, v2, v3 };
}

async function report(tripId: string) {
  const input = await loadReportInput(db, tripId, TODAY);
  if (!input) throw new Error('trip not loaded');
  return computeTripReport(input);
}

describe('loadReportInput + computeTripReport over Dexie', () => {
  it('reads the live records of the trip and the directory entries they name', async () => {
    const { trip, keep, duplicate, a, b } = await smallTrip();
    await createRecord('hosts', { name: '未涉及的单位' });
    const input = await loadReportInput(db, trip.id, TODAY);
    expect(input?.trip.id).toBe(trip.id);
    expect(input?.visits).toHaveLength(3);
    expect(input?.hosts.map((h) => h.id).sort()).toEqual([keep.id, duplicate.id].sort());
    expect(input?.experts.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    // Device bookkeeping stays behind.
    expect(Object.keys(input?.visits[0] ?? {})).not.toContain('_stamps');
    const r = await report(trip.id);
    expect(r.figures.visits).toBe(3);
    expect(r.figures.activities.lecture).toBe(7);
    expect(r.figures.peopleTrained).toBe(70);
    expect(r.figures.hostsServed).toBe(2);
  });

  it('never counts deleted records (tombstones)', async () => {
    const { trip, v2, memberB } = await smallTrip();
    const problem = await createRecord('problems', {
      tripId: trip.id,
      visitId: v2.id,
      title: '工艺问题',
      status: 'solved',
    });
    const agreement = await createRecord('agreements', {
      tripId: trip.id,
      hostId: v2.hostId,
      title: '合作协议',
      status: 'signed',
      signedDate: '2025-06-25',
    });
    expect((await report(trip.id)).figures.problems.solved).toBe(1);
    await deleteRecord('visits', v2.id);
    await deleteRecord('problems', problem.id);
    await deleteRecord('agreements', agreement.id);
    await deleteRecord('tripMembers', memberB.id);
    const r = await report(trip.id);
    // Hand count: visits 1 (1 lecture) and 3 (4 lectures) remain.
    expect(r.figures.visits).toBe(2);
    expect(r.figures.activities.lecture).toBe(5);
    expect(r.figures.peopleTrained).toBe(50);
    expect(r.figures.problems.total).toBe(0);
    expect(r.figures.agreements.total).toBe(0);
    expect(r.agreements).toEqual([]);
    expect(r.team.map((e) => e.name)).toEqual(['陈绍成']);
    expect(r.hosts.map((h) => h.name)).toEqual(['重庆东嶅药业有限公司']);
  });

  it('counts a merged host once: the duplicate is a tombstone and its visits point at the survivor', async () => {
    const { trip, keep, duplicate, v2 } = await smallTrip();
    expect((await report(trip.id)).hosts).toHaveLength(2);
    await db.transaction(
      'rw',
      [db.visits, db.hosts, db.outbox, db.meta, db.search, db.problems, db.agreements],
      async () => {
        await updateRecord('visits', v2.id, { hostId: keep.id });
        await deleteRecord('hosts', duplicate.id);
      },
    );
    const r = await report(trip.id);
    expect(r.figures.hostsServed).toBe(1);
    expect(r.figures.visits).toBe(3);
    expect(r.hosts).toHaveLength(1);
    expect(r.hosts[0]).toMatchObject({
      hostId: keep.id,
      name: '重庆东嶅药业有限公司',
      visits: 3,
      dates: ['2025-06-23', '2025-06-24', '2025-06-25'],
    });
  });

  it('gives undefined for a trip that is not on the device or was deleted', async () => {
    const { trip } = await smallTrip();
    expect(await loadReportInput(db, crypto.randomUUID(), TODAY)).toBeUndefined();
    await deleteRecord('trips', trip.id);
    expect(await loadReportInput(db, trip.id, TODAY)).toBeUndefined();
  });
});
