import { beforeEach, describe, expect, it } from 'vitest';
import { createRecord, getRecord, updateRecord } from '../../../../renderer/data/repository';
import { searchRecords } from '../../../../renderer/data/searchIndex';
import type { AppDatabase } from '../../../../renderer/db/database';
import { runSyncCycle } from '../../../../renderer/sync/cycle';
import { discardQuarantined, groupQuarantine, retryQuarantined } from '../../../../renderer/sync/quarantine';
import { FakeSyncServer } from './fakeServer';
import { freshDevice, tripInput } from './helpers';

let server: FakeSyncServer;
let db: AppDatabase;
beforeEach(() => {
  server = new FakeSyncServer();
  db = freshDevice();
});
const cycle = (device = db) => runSyncCycle({ db: device, transport: server.transport() });

describe('quarantine actions', () => {
  it('retry after an organiser granted access sends the whole record again, once accepted', async () => {
    const trip = await createRecord('trips', tripInput(), db);
    await updateRecord('trips', trip.id, { status: 'active' }, db);
    server.writable = new Set();
    await cycle();
    const groups = groupQuarantine(await db.quarantine.toArray());
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ recordId: trip.id, reasons: ['permission'] });
    expect(groups[0]?.entries).toHaveLength(2);

    server.writable = undefined;
    expect(await retryQuarantined(db, 'trips', trip.id)).toBe('queued');
    expect(await db.quarantine.count()).toBe(0);
    const [entry] = await db.outbox.toArray();
    expect(entry?.changes).toMatchObject({ title: trip.title, status: 'active', _deleted: false });
    expect(groups[0]?.entries.map((e) => e.mutationId)).not.toContain(entry?.mutationId);
    await cycle();
    expect(await db.outbox.count()).toBe(0);
    expect(server.state('trips', trip.id)?.data).toMatchObject({ title: trip.title, status: 'active' });
  });

  it('retry after fixing the record sends the corrected values', async () => {
    const trip = await createRecord('trips', tripInput('被锁定前的标题'), db);
    server.locked.add(trip.id);
    await cycle();
    await updateRecord('trips', trip.id, { title: '修正后的标题' }, db);
    await cycle();
    // The fix was refused as well (still locked): both sit in the quarantine as one record.
    expect(groupQuarantine(await db.quarantine.toArray())).toHaveLength(1);
    server.locked.clear();
    await retryQuarantined(db, 'trips', trip.id);
    await cycle();
    expect(await db.quarantine.count()).toBe(0);
    expect(server.state('trips', trip.id)?.data.title).toBe('修正后的标题');
  });

  it('discarding a refused creation removes the record from this device', async () => {
    const host = await createRecord('hosts', { name: '眉山金属材料热处理有限公司' }, db);
    server.writable = new Set();
    await cycle();
    await updateRecord('hosts', host.id, { district: '东坡区' }, db);
    expect(await discardQuarantined(db, 'hosts', host.id)).toBe('removed');
    expect(await db.hosts.get(host.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await searchRecords(db, '热处理')).toEqual([]);
  });

  it('discarding a refused edit brings back the server’s value', async () => {
    const other = freshDevice('organiser');
    const trip = await createRecord('trips', tripInput('服务器上的标题'), other);
    await cycle(other);
    await cycle();
    server.writable = new Set();
    await updateRecord('trips', trip.id, { title: '无权修改的标题', region: '无权修改的地区' }, db);
    await cycle();
    expect((await getRecord('trips', trip.id, db))?.title).toBe('无权修改的标题');
    expect(await discardQuarantined(db, 'trips', trip.id)).toBe('reverted');
    await cycle();
    const row = await getRecord('trips', trip.id, db);
    expect(row?.title).toBe('服务器上的标题');
    expect(row?.region).toBe(trip.region);
    expect(row).toEqual(await other.trips.get(trip.id));
  });
});
