import { beforeEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../../../renderer/data/repository';
import type { AppDatabase } from '../../../../renderer/db/database';
import { runSyncCycle } from '../../../../renderer/sync/cycle';
import { pushOutbox, toMutation } from '../../../../renderer/sync/push';
import { newId } from '../../../../shared/ids';
import { FakeSyncServer } from './fakeServer';
import { freshDevice, tripInput } from './helpers';

let server: FakeSyncServer;
let db: AppDatabase;
beforeEach(() => {
  server = new FakeSyncServer();
  db = freshDevice();
});

const cycle = (device = db) => runSyncCycle({ db: device, transport: server.transport() });

describe('push', () => {
  it('deletes outbox entries only for the mutations the server acknowledged', async () => {
    const trip = await createRecord('trips', tripInput(), db);
    await updateRecord('trips', trip.id, { status: 'active' }, db);
    expect(await db.outbox.count()).toBe(2);
    const result = await cycle();
    expect(result.pushed).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(server.state('trips', trip.id)?.data).toMatchObject({ title: trip.title, status: 'active' });
  });

  it('sends the outbox oldest first in batches no larger than asked', async () => {
    const pushed: string[][] = [];
    const transport = server.transport();
    const spy = {
      ...transport,
      push: (request: Parameters<typeof transport.push>[0]) => {
        pushed.push(request.mutations.map((m) => m.recordId));
        return transport.push(request);
      },
    };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createRecord('trips', tripInput(`活动 ${i}`), db)).id);
    const result = await pushOutbox(db, spy, 'node', { batchSize: 2 });
    expect(result).toEqual({ applied: 5, refused: 0 });
    expect(pushed).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
  });

  it('moves refused entries to the quarantine without blocking the others', async () => {
    const allowed = await createRecord('trips', tripInput('可以上传'), db);
    const forbidden = await createRecord('trips', tripInput('无权上传'), db);
    const later = await createRecord('trips', tripInput('之后的记录'), db);
    server.writable = new Set([allowed.id, later.id]);
    const result = await cycle();
    expect(result).toMatchObject({ pushed: 2, refused: 1 });
    expect(await db.outbox.count()).toBe(0);
    const quarantined = await db.quarantine.toArray();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({
      recordId: forbidden.id,
      table: 'trips',
      reason: 'permission',
      changes: expect.objectContaining({ title: '无权上传' }),
    });
    expect(server.state('trips', later.id)).toBeDefined();
    expect(server.state('trips', forbidden.id)).toBeUndefined();
    // The local record stays as the user wrote it.
    expect((await db.trips.get(forbidden.id))?.title).toBe('无权上传');
  });

  it('keeps the field issues of a validation refusal', async () => {
    // An edit of a record the server never received: the merged record lacks its required fields.
    await db.outbox.add({
      mutationId: newId(),
      table: 'problems',
      recordId: newId(),
      scope: newId(),
      changes: { title: '' },
      stamps: { title: '000001750000000-0000-abc' },
      baseStamps: { title: null },
      createdAt: new Date().toISOString(),
    });
    await cycle();
    const [entry] = await db.quarantine.toArray();
    expect(entry?.reason).toBe('validation');
    expect(entry?.issues?.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['tripId', 'visitId', 'title']),
    );
  });

  it('a retry after a lost answer is acknowledged without a duplicate change', async () => {
    const trip = await createRecord('trips', tripInput(), db);
    server.loseNextPushResponse();
    await expect(cycle()).rejects.toMatchObject({ kind: 'network' });
    // The server committed, the device did not hear it: the entry must still be there.
    expect(server.state('trips', trip.id)).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
    const seqBefore = server.seq;
    await cycle();
    expect(await db.outbox.count()).toBe(0);
    expect(server.seq).toBe(seqBefore);
    expect(server.records.size).toBe(1);
  });

  it('a crash between the ack and the local delete only causes a harmless resend', async () => {
    const trip = await createRecord('trips', tripInput(), db);
    const entries = await db.outbox.toArray();
    // The "crashed" push: the server applied it, nothing happened on the device.
    await server.push({ protocolVersion: 1, deviceId: 'x', mutations: entries.map(toMutation) });
    const seqBefore = server.seq;
    const result = await cycle();
    expect(result.pushed).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(server.seq).toBe(seqBefore);
    expect(server.state('trips', trip.id)?.data.title).toBe(trip.title);
  });

  it('entries added during a push wait for the next cycle', async () => {
    await createRecord('trips', tripInput('第一条'), db);
    const release = server.hold();
    const callsBefore = server.calls.push;
    const running = cycle();
    // The push has reached the server (the outbox was read) and is held there.
    await expect.poll(() => server.calls.push).toBe(callsBefore + 1);
    await createRecord('trips', tripInput('推送途中新增'), db);
    release();
    const result = await running;
    expect(result.pushed).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a creation carries the record id, stamped like its fields; an edit does not', async () => {
    const trip = await createRecord('trips', tripInput(), db);
    await updateRecord('trips', trip.id, { status: 'active' }, db);
    const [create, edit] = (await db.outbox.orderBy('seq').toArray()).map(toMutation);
    expect(create?.changes.id).toBe(trip.id);
    expect(create?.stamps.id).toBe(create?.stamps._deleted);
    expect(create?.baseStamps?.id).toBeNull();
    expect(edit?.changes).toEqual({ status: 'active' });
  });
});
