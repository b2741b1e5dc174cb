import { afterEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../renderer/data/repository';
import type { AppDatabase } from '../../renderer/db/database';
import { mergeRecords } from '../../renderer/reconcile/merge';
import { seededRandom } from './faultProxy';
import { SyncWorld } from './syncWorld';

/**
 * Merging duplicates across devices, with the real sync engine on each device and the real server:
 * a write made offline to the merged-away host still ends on the survivor, on every replica.
 *
 *  1. the organiser's device and an expert's device both have hosts A and B;
 *  2. the expert, offline, logs a visit (and a need) at A;
 *  3. the organiser merges A into B and syncs;
 *  4. the expert comes online and syncs, then the organiser syncs again;
 *  → everywhere the visit and the need name B, A is a tombstone and the merge trail is present.
 */
let world: SyncWorld | null = null;
afterEach(async () => {
  await world?.dispose();
  world = null;
});

async function live(db: AppDatabase, table: 'visits' | 'needs', id: string) {
  const row = await db.records(table).get(id);
  return row && row._deleted === 0 ? row : undefined;
}

describe('merging hosts while another device is offline', () => {
  it('the offline visit to the merged-away host lands on the survivor everywhere', async () => {
    const w = new SyncWorld(seededRandom(4));
    world = w;
    await w.start([
      { username: 'org', role: 'organiser' },
      { username: 'exp', role: 'expert' },
    ]);
    const organiser = w.addDevice('organiser', 'org');
    const expert = w.addDevice('expert', 'exp');

    const trip = await createRecord(
      'trips',
      {
        title: '2025年成渝地区双城经济圈专家团走进璧山',
        region: '重庆市璧山区',
        startDate: '2025-06-23',
        endDate: '2025-06-25',
      },
      organiser.db,
    );
    const li = await createRecord('experts', { name: '李工', title: '正高级工程师' }, organiser.db);
    await createRecord('tripMembers', { tripId: trip.id, expertId: li.id }, organiser.db);
    const a = await createRecord(
      'hosts',
      { name: '金泰热处理公司', address: '璧山区青杠街道' },
      organiser.db,
    );
    const b = await createRecord('hosts', { name: '重庆金泰热处理有限公司' }, organiser.db);
    await organiser.engine.syncNow();
    const granted = await w.api('org', 'POST', `/trips/${trip.id}/members`, {
      userId: w.accounts.get('exp')?.id,
      role: 'member',
    });
    expect(granted.status).toBeLessThan(300);
    await expert.engine.syncNow();
    expect(await expert.db.hosts.get(a.id)).toMatchObject({ _deleted: 0 });
    expect(await expert.db.hosts.get(b.id)).toMatchObject({ _deleted: 0 });

    // The expert is offline: nothing is synced from here until step 4.
    const visit = await createRecord(
      'visits',
      {
        tripId: trip.id,
        hostId: a.id,
        date: '2025-06-24',
        expertIds: [li.id],
        activities: [{ type: 'technical_guidance', count: 1 }],
        notes: '指导渗碳工艺',
      },
      expert.db,
    );
    const need = await createRecord(
      'needs',
      { tripId: trip.id, hostId: a.id, title: '渗碳层深度不均', expertIds: [li.id] },
      expert.db,
    );

    await mergeRecords(
      'hosts',
      a.id,
      b.id,
      { tripId: trip.id, fromLabel: a.name, intoLabel: b.name, mergedBy: '王组织', reason: '同一企业' },
      organiser.db,
    );
    await organiser.engine.syncNow();

    await expert.engine.syncNow();
    await organiser.engine.syncNow();
    // One more round on the expert's device: it takes anything the organiser's last sync added.
    await expert.engine.syncNow();

    for (const device of [organiser, expert]) {
      const at = device.name;
      expect(await device.db.outbox.count(), `${at}: nothing left to send`).toBe(0);
      expect(await device.db.quarantine.toArray(), `${at}: nothing refused`).toEqual([]);
      expect((await live(device.db, 'visits', visit.id))?.hostId, `${at}: visit`).toBe(b.id);
      expect((await live(device.db, 'needs', need.id))?.hostId, `${at}: need`).toBe(b.id);
      expect((await device.db.hosts.get(a.id))?._deleted, `${at}: A is a tombstone`).toBe(1);
      expect(await device.db.hosts.get(b.id), `${at}: B took A's address`).toMatchObject({
        _deleted: 0,
        address: '璧山区青杠街道',
      });
      const trails = (await device.db.merges.toArray()).filter((m) => m._deleted === 0);
      expect(
        trails.map((m) => ({ fromId: m.fromId, intoId: m.intoId, table: m.table, mergedBy: m.mergedBy })),
        `${at}: the merge trail`,
      ).toEqual([{ fromId: a.id, intoId: b.id, table: 'hosts', mergedBy: '王组织' }]);
    }

    const data = await w.stopAndOpenData();
    try {
      const rows = await data.query<{ tbl: string; id: string; data: Record<string, unknown> }>(
        `select tbl, id, data from records where id in ($1, $2, $3, $4) or tbl = 'merges' order by tbl, id`,
        [a.id, b.id, visit.id, need.id],
      );
      const byId = new Map(rows.map((r) => [r.id, r.data]));
      expect(byId.get(visit.id)?.hostId).toBe(b.id);
      expect(byId.get(need.id)?.hostId).toBe(b.id);
      expect(byId.get(a.id)?._deleted).toBe(true);
      expect(byId.get(b.id)?._deleted).toBe(false);
      const merges = rows.filter((r) => r.tbl === 'merges');
      expect(merges.map((r) => [r.data.fromId, r.data.intoId])).toEqual([[a.id, b.id]]);
    } finally {
      await data.close();
    }
  }, 120_000);
});
