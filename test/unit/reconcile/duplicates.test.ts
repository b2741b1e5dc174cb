import { beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import { writeSearchRows } from '../../../renderer/data/searchIndex';
import { queueSearchRows } from '../../../renderer/data/searchQueue';
import type { AppDatabase } from '../../../renderer/db/database';
import {
  findHostDuplicates,
  findVisitDuplicates,
  markNotDuplicates,
  readNotDuplicates,
} from '../../../renderer/reconcile/duplicates';
import { referenceCounts, tripDirectoryIds } from '../../../renderer/reconcile/references';
import { defaultSurvivor } from '../../../renderer/reconcile/survivor';
import { newId } from '../../../shared/ids';
import { CODE, freshDb, seedTrip, seedVisit } from './fixtures';

let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});

const memberIds = (groups: { members: { id: string }[] }[]) =>
  groups.map((g) => g.members.map((m) => m.id).sort());

describe('duplicates on the device', () => {
  it('compares the trip’s hosts with the whole directory, by credit code and by name', async () => {
    const { trip, li } = await seedTrip(db);
    const visited = await createRecord(
      'hosts',
      { name: '重庆市璧山区金泰热处理有限公司', creditCode: CODE },
      db,
    );
    const sameCode = await createRecord('hosts', { name: '金泰公司', creditCode: CODE }, db);
    const sameName = await createRecord('hosts', { name: '金泰热处理（有限公司）' }, db);
    const spelledOut = await createRecord('hosts', { name: '璧山区 金泰热处理有限公司' }, db);
    // Duplicates among hosts this trip never names are another trip's business.
    await createRecord('hosts', { name: '眉山市东坡区某某饲料有限公司' }, db);
    await createRecord('hosts', { name: '某某饲料公司' }, db);
    await seedVisit(db, trip.id, visited.id, [li.id]);

    const groups = await findHostDuplicates(db, trip.id, new Set());
    expect(memberIds(groups)).toEqual([[visited.id, sameCode.id, sameName.id, spelledOut.id].sort()]);
    expect(groups[0]?.reasons).toEqual(['creditCode', 'name']);
  });

  it('leaves out tombstones and groups the organiser dismissed on this device', async () => {
    const { trip, li } = await seedTrip(db);
    const a = await createRecord('hosts', { name: '璧山区人民医院', kind: 'hospital' }, db);
    const b = await createRecord('hosts', { name: '重庆市璧山区人民医院', kind: 'hospital' }, db);
    await seedVisit(db, trip.id, a.id, [li.id]);
    expect(await findHostDuplicates(db, trip.id, new Set())).toHaveLength(1);

    await markNotDuplicates(db, [a.id, b.id]);
    const dismissed = await readNotDuplicates(db);
    expect(dismissed.size).toBe(1);
    expect(await findHostDuplicates(db, trip.id, dismissed)).toEqual([]);

    // A third spelling is a new candidate: the group comes back with it.
    const c = await createRecord('hosts', { name: '人民医院', district: '璧山区' }, db);
    expect(memberIds(await findHostDuplicates(db, trip.id, dismissed))).toEqual([[a.id, b.id, c.id].sort()]);
  });

  it('finds a name whose every character is common, among hundreds sharing them', async () => {
    const { trip, li } = await seedTrip(db);
    const visited = await createRecord('hosts', { name: '璧山区人民医院', kind: 'hospital' }, db);
    const twin = await createRecord('hosts', { name: '重庆市璧山区人民医院', kind: 'hospital' }, db);
    const fillers = Array.from({ length: 600 }, (_, i) => ({
      id: newId(),
      name: `第${i + 1}人民医院`,
      creditCode: '',
      kind: 'hospital' as const,
      district: '',
      industry: '',
      contactName: '',
      contactPhone: '',
      address: '',
      createdAt: '',
      _deleted: 0 as const,
      _stamps: {},
      _updated: '',
    }));
    await db.transaction('rw', [db.hosts, db.search], async () => {
      await db.hosts.bulkPut(fillers);
      await writeSearchRows(
        db,
        'hosts',
        fillers.map((f) => f.id),
        fillers,
      );
    });
    await seedVisit(db, trip.id, visited.id, [li.id]);
    expect(memberIds(await findHostDuplicates(db, trip.id, new Set()))).toEqual([
      [visited.id, twin.id].sort(),
    ]);
  });

  it('finds hosts whose search rows are still queued after a large pull, and Latin names', async () => {
    const { trip, li } = await seedTrip(db);
    const visited = await createRecord('hosts', { name: 'ABC Technology Co., Ltd.' }, db);
    await seedVisit(db, trip.id, visited.id, [li.id]);
    const pulled = {
      id: newId(),
      name: 'abc technology ltd',
      creditCode: '',
      kind: 'enterprise' as const,
      district: '',
      industry: '',
      contactName: '',
      contactPhone: '',
      address: '',
      createdAt: '',
      _deleted: 0 as const,
      _stamps: {},
      _updated: '',
    };
    // As a large pulled page stores it: the record now, its search row later.
    await db.hosts.put(pulled);
    await queueSearchRows(db, 'hosts', [pulled.id]);
    expect(memberIds(await findHostDuplicates(db, trip.id, new Set()))).toEqual([
      [visited.id, pulled.id].sort(),
    ]);
  });

  it('finds visits of this trip to one host on one day with experts in common', async () => {
    const { trip, li, wang } = await seedTrip(db);
    const host = await createRecord('hosts', { name: '璧山区人民医院' }, db);
    const v1 = await seedVisit(db, trip.id, host.id, [li.id, wang.id]);
    const v2 = await seedVisit(db, trip.id, host.id, [wang.id]);
    await seedVisit(db, trip.id, host.id, [li.id], { date: '2025-06-24' });
    const groups = await findVisitDuplicates(db, trip.id, new Set());
    expect(memberIds(groups)).toEqual([[v1.id, v2.id].sort()]);
  });

  it('counts what points at a host, across trips, and names the trip’s directory records', async () => {
    const { trip, li, wang } = await seedTrip(db);
    const host = await createRecord('hosts', { name: '璧山区人民医院' }, db);
    const visit = await seedVisit(db, trip.id, host.id, [li.id]);
    await createRecord(
      'needs',
      { tripId: trip.id, hostId: host.id, title: '远程会诊', expertIds: [wang.id] },
      db,
    );
    await createRecord(
      'followUps',
      { tripId: trip.id, relatedType: 'host', relatedId: host.id, action: '回访', dueDate: '2025-07-01' },
      db,
    );
    await createRecord(
      'problems',
      { tripId: trip.id, visitId: visit.id, hostId: host.id, title: '感染率' },
      db,
    );
    expect(await referenceCounts(db, 'hosts', host.id)).toEqual({
      needs: 1,
      visits: 1,
      problems: 1,
      agreements: 0,
      followUps: 1,
    });
    const refs = await tripDirectoryIds(db, trip.id);
    expect([...refs.hostIds]).toEqual([host.id]);
    expect([...refs.expertIds].sort()).toEqual([li.id, wang.id].sort());
  });
});

describe('defaultSurvivor', () => {
  it('prefers a credit code, then more references, then the older record', () => {
    expect(
      defaultSurvivor([
        { id: 'a', creditCode: '', references: 9, createdAt: '2025-01-01' },
        { id: 'b', creditCode: CODE, references: 0, createdAt: '2025-06-01' },
      ]),
    ).toBe('b');
    expect(
      defaultSurvivor([
        { id: 'a', references: 1, createdAt: '2025-01-01' },
        { id: 'b', references: 3, createdAt: '2025-06-01' },
      ]),
    ).toBe('b');
    expect(
      defaultSurvivor([
        { id: 'a', references: 2, createdAt: '2025-06-01' },
        { id: 'b', references: 2, createdAt: '2025-01-01' },
      ]),
    ).toBe('b');
  });
});
