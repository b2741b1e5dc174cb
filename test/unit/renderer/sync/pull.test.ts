import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getClock } from '../../../../renderer/data/clock';
import { createRecord, deleteRecord, getRecord, updateRecord } from '../../../../renderer/data/repository';
import { searchRecords } from '../../../../renderer/data/searchIndex';
import type { AppDatabase } from '../../../../renderer/db/database';
import { applyPulledPage } from '../../../../renderer/sync/applyPull';
import { runSyncCycle } from '../../../../renderer/sync/cycle';
import { readCursors, readScopes } from '../../../../renderer/sync/syncMeta';
import { compareHlc, formatHlc } from '../../../../shared/hlc';
import { FakeSyncServer } from './fakeServer';
import { freshDevice, tripInput } from './helpers';

let server: FakeSyncServer;
let a: AppDatabase;
let b: AppDatabase;
beforeEach(() => {
  server = new FakeSyncServer();
  a = freshDevice('a');
  b = freshDevice('b');
});

const cycle = (db: AppDatabase, pullLimit?: number) =>
  runSyncCycle({ db, transport: server.transport(), ...(pullLimit ? { pullLimit } : {}) });
const pause = () => new Promise((r) => setTimeout(r, 5));

describe('pull', () => {
  it('brings another device’s records, page by page, and stores the cursors', async () => {
    const trip = await createRecord('trips', tripInput(), b);
    for (let i = 0; i < 4; i++)
      await createRecord('followUps', { tripId: trip.id, action: `回访 ${i}`, dueDate: '2025-07-01' }, b);
    await cycle(b);
    const result = await cycle(a, 2);
    expect(result.pages).toBe(3);
    expect(result.pulledChanges).toBe(5);
    expect(await a.followUps.count()).toBe(4);
    expect((await getRecord('trips', trip.id, a))?.title).toBe(trip.title);
    expect(await readCursors(a)).toEqual({ [trip.id]: server.seq });
    expect(await readScopes(a)).toEqual([trip.id]);
  });

  it('never queues pulled writes for upload', async () => {
    await createRecord('trips', tripInput(), b);
    await cycle(b);
    await cycle(a);
    expect(await a.trips.count()).toBe(1);
    expect(await a.outbox.count()).toBe(0);
  });

  it('applies a page in one transaction: a failure half-way leaves neither records nor cursor', async () => {
    const t1 = await createRecord('trips', tripInput('一'), b);
    const host = await createRecord('hosts', { name: '璧山区人民医院' }, b);
    await cycle(b);
    const page = await server.pull({ protocolVersion: 1, cursors: {}, limit: 10 });
    const clock = await getClock(a);
    // The search index write of the host (second change) fails.
    const failing = vi
      .spyOn(a.search, 'bulkPut')
      .mockImplementation(() => Dexie.Promise.reject(new Error('disk full')));
    await expect(applyPulledPage(a, page, clock)).rejects.toThrow();
    failing.mockRestore();
    expect(await a.trips.get(t1.id)).toBeUndefined();
    expect(await a.hosts.get(host.id)).toBeUndefined();
    expect(await readCursors(a)).toEqual({});
    // And the page applies cleanly when tried again.
    await applyPulledPage(a, page, clock);
    expect(await a.trips.get(t1.id)).toBeDefined();
    expect(Object.keys(await readCursors(a)).sort()).toEqual([t1.id, 'directory'].sort());
  });

  it('a field with a pending local change keeps the local value until its push is acknowledged', async () => {
    const trip = await createRecord('trips', tripInput('原标题'), a);
    await cycle(a);
    await cycle(b);
    await updateRecord('trips', trip.id, { title: 'A 的标题', region: 'A 的地区' }, a);
    await pause();
    await updateRecord('trips', trip.id, { title: 'B 的标题（更晚）', status: 'active' }, b);
    await cycle(b);

    // Pull only: A still has its change in the outbox.
    const page = await server.pull({ protocolVersion: 1, cursors: await readCursors(a) });
    await applyPulledPage(a, page, await getClock(a));
    const during = await a.trips.get(trip.id);
    expect(during?.title).toBe('A 的标题');
    expect(during?.status).toBe('active'); // a field without a pending change is taken at once
    expect(await a.held.count()).toBe(1);

    // Push + ack: B's later title wins everywhere, A's region stays.
    await cycle(a);
    await cycle(b);
    const onA = await a.trips.get(trip.id);
    const onB = await b.trips.get(trip.id);
    expect(onA?.title).toBe('B 的标题（更晚）');
    expect(onA?.region).toBe('A 的地区');
    expect(onA).toEqual(onB);
    expect(await a.held.count()).toBe(0);
  });

  it('applies tombstones', async () => {
    const host = await createRecord('hosts', { name: '眉山金属材料热处理有限公司' }, a);
    await cycle(a);
    await cycle(b);
    expect(await searchRecords(b, '热处理')).toHaveLength(1);
    await deleteRecord('hosts', host.id, a);
    await cycle(a);
    await cycle(b);
    expect((await b.hosts.get(host.id))?._deleted).toBe(1);
    expect(await getRecord('hosts', host.id, b)).toBeUndefined();
    expect(await searchRecords(b, '热处理')).toEqual([]);
  });

  it('keeps the search index in step, including a host rename reaching its visits', async () => {
    const trip = await createRecord('trips', tripInput(), a);
    const expert = await createRecord('experts', { name: '李工' }, a);
    const host = await createRecord('hosts', { name: '眉山金属材料热处理有限公司' }, a);
    await createRecord(
      'visits',
      {
        tripId: trip.id,
        hostId: host.id,
        date: '2025-06-23',
        expertIds: [expert.id],
        activities: [{ type: 'site_research', count: 1 }],
      },
      a,
    );
    await cycle(a);
    await cycle(b);
    expect((await searchRecords(b, '热处理')).map((h) => h.type).sort()).toEqual(['hosts', 'visits']);
    await updateRecord('hosts', host.id, { name: '璧山精工锻造有限公司' }, a);
    await cycle(a);
    await cycle(b);
    expect(await searchRecords(b, '热处理')).toEqual([]);
    expect((await searchRecords(b, '锻造')).map((h) => h.type).sort()).toEqual(['hosts', 'visits']);
  });

  it('feeds the device clock, and refuses to adopt a stamp from a clock far ahead', async () => {
    const trip = await createRecord('trips', tripInput(), b);
    await cycle(b);
    const clock = await getClock(a);
    const page = await server.pull({ protocolVersion: 1, cursors: {} });
    const ahead = formatHlc({ wall: Date.now() + 60_000, counter: 0, node: 'future' });
    const change = page.changes[0];
    if (!change) throw new Error('no change');
    change.stamps.notes = ahead;
    change.data.notes = '来自一小时后?';
    const result = await applyPulledPage(a, page, clock);
    expect(result.clockDrift).toBe(false);
    expect(compareHlc(clock.tick(), ahead)).toBe(1);

    const far = formatHlc({ wall: Date.now() + 24 * 3600_000, counter: 0, node: 'broken' });
    change.stamps.description = far;
    change.data.description = '时钟错了一天';
    const drifted = await applyPulledPage(a, page, clock);
    expect(drifted.clockDrift).toBe(true);
    expect((await a.trips.get(trip.id))?.description).toBe('时钟错了一天');
    expect(compareHlc(clock.tick(), far)).toBe(-1);
  });

  it('stops pulling scopes no longer granted, but keeps their local records', async () => {
    const t1 = await createRecord('trips', tripInput('一'), b);
    const t2 = await createRecord('trips', tripInput('二'), b);
    await cycle(b);
    await cycle(a);
    expect(Object.keys(await readCursors(a)).sort()).toEqual([t1.id, t2.id].sort());
    server.readable = new Set([t1.id]);
    await cycle(a);
    expect(Object.keys(await readCursors(a))).toEqual([t1.id]);
    expect(await a.trips.get(t2.id)).toBeDefined();
  });

  it('reports a device clock far from the server time', async () => {
    server.now = () => Date.now() + 10 * 60_000;
    const result = await cycle(a);
    expect(result.clockDrift).toBe(true);
  });
});
