import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../server/auth/users';
import { SERVER_NODE } from '../../server/sync/serverClock';
import { loadReferencing } from '../../server/sync/store';
import { compareHlc, parseHlc } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import type { RecordTable } from '../../shared/schemas';
import {
  Api,
  createTestDatabase,
  grant,
  makeUser,
  PASSWORD,
  type RunningServer,
  startServer,
  type TestDatabase,
  TestDevice,
  tripRecord,
  visitRecord,
} from './helpers';

/**
 * Merges the server follows (server/sync/merges.ts): re-pointing stored references when a merge
 * arrives, re-pointing and redirecting every later write that still names the merged-away record.
 */
let t: TestDatabase;
let server: RunningServer;
let olga: Api;
let ed: Api;
let olgaUser: AuthUser;
let edUser: AuthUser;

beforeAll(async () => {
  t = await createTestDatabase();
  olgaUser = await makeUser(t.db, 'olga', 'organiser');
  edUser = await makeUser(t.db, 'ed', 'expert');
  server = await startServer(t.store());
  olga = await new Api(server.url).login('olga', PASSWORD);
  ed = await new Api(server.url).login('ed', PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

type Stored = {
  data: Record<string, unknown>;
  stamps: Record<string, string>;
  writers: Record<string, string>;
  seq: number;
};
async function stored(table: RecordTable, id: string): Promise<Stored> {
  const rows = await t.db.query<Stored>(
    'select data, stamps, writers, seq from records where tbl = $1 and id = $2',
    [table, id],
  );
  if (!rows[0]) throw new Error(`no ${table} ${id} on the server`);
  return rows[0];
}

const host = (name: string) => ({
  id: newId(),
  createdAt: new Date().toISOString(),
  name,
  kind: 'enterprise',
});

function merge(tripId: string, table: 'hosts' | 'visits', fromId: string, intoId: string) {
  return {
    id: newId(),
    createdAt: new Date().toISOString(),
    tripId,
    table,
    fromId,
    intoId,
    fromLabel: '',
    intoLabel: '',
    mergedBy: '王组织',
    reason: '重复录入',
  };
}

/** A trip with hosts A, B, C and visit V (of host A); the expert is a member and has pulled it all. */
async function world() {
  const organiser = new TestDevice(olga);
  const trip = tripRecord();
  const tripId = String(trip.id);
  const [a, b, c] = [host('眉山甲公司'), host('眉山甲股份公司'), host('眉山甲集团')];
  const visit = visitRecord(tripId, { hostId: a.id });
  organiser.create('trips', trip);
  for (const h of [a, b, c]) organiser.create('hosts', h);
  organiser.create('visits', visit);
  expect((await organiser.push()).refused).toEqual([]);
  await grant(t.db, tripId, edUser.id);
  const expert = new TestDevice(ed);
  await expert.pull();
  return { organiser, expert, tripId, a: a.id, b: b.id, c: c.id, visitId: String(visit.id) };
}

async function mergeOn(
  device: TestDevice,
  tripId: string,
  table: 'hosts' | 'visits',
  from: string,
  into: string,
) {
  const m = device.create('merges', merge(tripId, table, from, into));
  const res = await device.push();
  return { mutation: m, res };
}

describe('when a merge arrives', () => {
  it('re-points every record that named the merged-away host, with server stamps, and removes it', async () => {
    const { organiser, expert, tripId, a, b, visitId } = await world();
    const problemId = newId();
    const followUpId = newId();
    organiser.create('problems', {
      id: problemId,
      createdAt: '',
      tripId,
      visitId,
      hostId: a,
      title: '设备老化',
    });
    organiser.create('followUps', {
      id: followUpId,
      createdAt: '',
      tripId,
      relatedType: 'host',
      relatedId: a,
      action: '回访',
      dueDate: '2023-06-01',
    });
    await organiser.push();
    const before = await stored('visits', visitId);

    const { res } = await mergeOn(organiser, tripId, 'hosts', a, b);
    expect(res.refused).toEqual([]);

    const after = await stored('visits', visitId);
    expect(after.data.hostId).toBe(b);
    expect(compareHlc(String(after.stamps.hostId), String(before.stamps.hostId))).toBeGreaterThan(0);
    expect(parseHlc(String(after.stamps.hostId)).node).toBe(SERVER_NODE);
    expect(after.seq).toBeGreaterThan(before.seq);
    // The value is still the organiser's choice (translated), not the server's.
    expect(after.writers.hostId).toBe(olgaUser.id);
    expect((await stored('problems', problemId)).data.hostId).toBe(b);
    expect((await stored('followUps', followUpId)).data.relatedId).toBe(b);
    expect((await stored('hosts', a)).data._deleted).toBe(true);
    expect(await t.db.query('select tbl, from_id, into_id from merged_ids where from_id = $1', [a])).toEqual([
      { tbl: 'hosts', from_id: a, into_id: b },
    ]);

    await expert.pull();
    expect(expert.get('visits', visitId)?.hostId).toBe(b);
    expect(expert.get('hosts', a)?._deleted).toBe(true);
  });

  it('an edit of a merged-away visit lands on the surviving visit', async () => {
    const { organiser, expert, tripId, b, visitId } = await world();
    const other = visitRecord(tripId, { hostId: b, notes: '' });
    organiser.create('visits', other);
    await organiser.push();
    await expert.pull();
    const problemId = newId();
    organiser.create('problems', { id: problemId, createdAt: '', tripId, visitId, title: '人才缺口' });
    await organiser.push();

    expert.edit('visits', visitId, { notes: '离线补充的记录', peopleTrained: 12 });
    expect((await mergeOn(organiser, tripId, 'visits', visitId, String(other.id))).res.refused).toEqual([]);
    expect((await stored('problems', problemId)).data.visitId).toBe(other.id);

    expect((await expert.push()).refused).toEqual([]);
    expect((await stored('visits', String(other.id))).data).toMatchObject({
      notes: '离线补充的记录',
      peopleTrained: 12,
      hostId: b,
      _deleted: false,
    });
    expect((await stored('visits', visitId)).data._deleted).toBe(true);
    // The survivor's empty notes were not someone's work: no conflict about them.
    expect(await t.db.query('select field from conflicts where record_id = $1', [other.id])).toEqual([
      { field: 'peopleTrained' },
    ]);
  });
});

describe('writes that arrive after a merge', () => {
  it("an expert's visit for the old host is stored with the survivor and a newer stamp", async () => {
    const { organiser, expert, tripId, a, b } = await world();
    const late = expert.create('visits', visitRecord(tripId, { hostId: a }));
    expect((await mergeOn(organiser, tripId, 'hosts', a, b)).res.refused).toEqual([]);

    expect((await expert.push()).refused).toEqual([]);
    const after = await stored('visits', late.recordId);
    expect(after.data.hostId).toBe(b);
    expect(compareHlc(String(after.stamps.hostId), String(late.stamps.hostId))).toBeGreaterThan(0);
    expect(after.writers.hostId).toBe(edUser.id);
    await expert.pull();
    expect(expert.get('visits', late.recordId)?.hostId).toBe(b);
    expect(await t.db.query('select id from conflicts where record_id = $1', [late.recordId])).toEqual([]);
  });

  it('an edit of the merged-away host lands on the survivor; the merged-away host stays removed', async () => {
    const { organiser, expert, tripId, a, b } = await world();
    expert.edit('hosts', a, { contactPhone: '13900000000', district: '东坡区' });
    await mergeOn(organiser, tripId, 'hosts', a, b);
    expect((await expert.push()).refused).toEqual([]);
    expect((await stored('hosts', b)).data).toMatchObject({
      contactPhone: '13900000000',
      district: '东坡区',
      name: '眉山甲股份公司',
      _deleted: false,
    });
    expect((await stored('hosts', a)).data).toMatchObject({ _deleted: true, contactPhone: '13900000000' });

    // Bringing the merged-away host back is answered with a newer removal.
    expert.edit('hosts', a, { _deleted: false });
    expect((await expert.push()).refused).toEqual([]);
    expect((await stored('hosts', a)).data._deleted).toBe(true);
    await expert.pull();
    expect(expert.get('hosts', a)?._deleted).toBe(true);
  });

  it("a person's later choice beats the server's re-point of an older value", async () => {
    const { organiser, expert, tripId, a, b, c, visitId } = await world();
    // Offline, the expert moves the visit to host C — before the organiser merges A into B.
    expert.edit('visits', visitId, { hostId: c });
    await mergeOn(organiser, tripId, 'hosts', a, b);
    expect((await stored('visits', visitId)).data.hostId).toBe(b);
    expect((await expert.push()).refused).toEqual([]);
    expect((await stored('visits', visitId)).data.hostId).toBe(c);
    // The expert had seen A: choosing C is a deliberate change, not a conflict.
    expect(await t.db.query('select id from conflicts where record_id = $1', [visitId])).toEqual([]);
    await organiser.pull();
    await expert.pull();
    expect(organiser.get('visits', visitId)?.hostId).toBe(c);
    expect(expert.get('visits', visitId)?.hostId).toBe(c);
  });
});

describe('chains, cycles and permission', () => {
  it('follows chains, refuses cycles and second survivors, accepts the same merge twice', async () => {
    const { organiser, expert, tripId, a, b, c, visitId } = await world();
    const late = expert.create('visits', visitRecord(tripId, { hostId: a }));
    await mergeOn(organiser, tripId, 'hosts', a, b);
    await mergeOn(organiser, tripId, 'hosts', b, c);
    expect((await stored('visits', visitId)).data.hostId).toBe(c);
    expect((await expert.push()).refused).toEqual([]);
    expect((await stored('visits', late.recordId)).data.hostId).toBe(c);

    const cycle = await mergeOn(organiser, tripId, 'hosts', c, a);
    expect(cycle.res.refused).toEqual([expect.objectContaining({ reason: 'validation' })]);
    expect(cycle.res.refused[0]?.message).toMatch(/other way round/);
    const d = host('另一家公司');
    organiser.create('hosts', d);
    await organiser.push();
    const second = await mergeOn(organiser, tripId, 'hosts', a, d.id);
    expect(second.res.refused[0]?.message).toMatch(/already merged into another record/);
    expect((await mergeOn(organiser, tripId, 'hosts', a, c)).res.refused).toEqual([]);
    expect((await stored('hosts', c)).data._deleted).toBe(false);
  });

  it('only managers of the trip may merge; a merge cannot be changed or undone', async () => {
    const { organiser, expert, tripId, a, b } = await world();
    const byExpert = await mergeOn(expert, tripId, 'hosts', a, b);
    expect(byExpert.res.refused).toEqual([expect.objectContaining({ reason: 'permission' })]);
    expect(await t.db.query('select 1 from merged_ids where from_id = $1', [a])).toEqual([]);

    const { mutation } = await mergeOn(organiser, tripId, 'hosts', a, b);
    organiser.edit('merges', mutation.recordId, { intoId: newId() });
    organiser.remove('merges', mutation.recordId);
    const changes = await organiser.push();
    expect(changes.refused.map((r) => r.reason)).toEqual(['validation', 'validation']);
    organiser.edit('merges', mutation.recordId, { reason: '同一统一社会信用代码' });
    expect((await organiser.push()).refused).toEqual([]);
  });

  it('refuses merges of records the server does not have, and of visits of two trips', async () => {
    const { organiser, tripId, a, visitId } = await world();
    const missing = await mergeOn(organiser, tripId, 'hosts', a, newId());
    expect(missing.res.refused[0]?.message).toMatch(/not on the server/);
    const other = await world();
    const across = await mergeOn(organiser, tripId, 'visits', visitId, other.visitId);
    expect(across.res.refused[0]?.message).toMatch(/within one trip/);
  });

  it('answers a retried merge, and a retried write it re-pointed, with the same verdict and no new change', async () => {
    const { organiser, expert, tripId, a, b } = await world();
    const late = expert.create('visits', visitRecord(tripId, { hostId: a }));
    const lateBatch = [...expert.outbox];
    const { mutation, res } = await mergeOn(organiser, tripId, 'hosts', a, b);
    const first = await expert.push();
    const top = await t.db.query<{ m: number }>('select max(seq) as m from records');

    const again = await olga.push(organiser.deviceId, [mutation]);
    expect(again.body.applied).toEqual(res.applied);
    const lateAgain = await ed.push(expert.deviceId, lateBatch);
    expect(lateAgain.body.applied).toEqual(first.applied);
    expect(await t.db.query<{ m: number }>('select max(seq) as m from records')).toEqual(top);
    expect(await t.db.query('select 1 from merged_ids where from_id = $1', [a])).toHaveLength(1);
    expect((await stored('visits', late.recordId)).data.hostId).toBe(b);
  });
});

describe('finding references', () => {
  it('matches single ids and ids inside lists, and skips removed records', async () => {
    const { organiser, tripId, a, visitId } = await world();
    const expertId = newId();
    const listed = visitRecord(tripId, { hostId: a, expertIds: [newId(), expertId] });
    const removed = visitRecord(tripId, { hostId: a, expertIds: [expertId] });
    organiser.create('visits', listed);
    organiser.create('visits', removed);
    organiser.remove('visits', String(removed.id));
    await organiser.push();
    const found = await t.db.transaction(async (tx) => ({
      single: await loadReferencing(tx, 'visits', 'hostId', false, [a, newId()]),
      list: await loadReferencing(tx, 'visits', 'expertIds', true, [expertId]),
    }));
    expect(found.single.map((r) => r.id).sort()).toEqual([visitId, String(listed.id)].sort());
    expect(found.list.map((r) => r.id)).toEqual([listed.id]);
  });
});
