import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../server/auth/users';
import { newId } from '../../shared/ids';
import { pullResponseSchema, pushResponseSchema } from '../../shared/sync/protocol';
import {
  Api,
  createTestDatabase,
  expertRecord,
  grant,
  makeUser,
  PASSWORD,
  type RunningServer,
  sleep,
  startServer,
  type TestDatabase,
  TestDevice,
  tripRecord,
  visitRecord,
} from './helpers';

let t: TestDatabase;
let server: RunningServer;
let olga: Api;
let ed: Api;
let edUser: AuthUser;

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'olga', 'organiser');
  edUser = await makeUser(t.db, 'ed', 'expert');
  server = await startServer(t.store());
  olga = await new Api(server.url).login('olga', PASSWORD);
  ed = await new Api(server.url).login('ed', PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

/** An organiser's device with a fresh trip on the server and the expert let into it. */
async function newTrip() {
  const device = new TestDevice(olga);
  const trip = tripRecord();
  device.create('trips', trip);
  const res = await device.push();
  expect(res.refused).toEqual([]);
  await grant(t.db, String(trip.id), edUser.id);
  return { device, tripId: String(trip.id) };
}

describe('push and pull', () => {
  it('round-trips records between two devices, in the protocol shapes', async () => {
    const { device, tripId } = await newTrip();
    const visit = visitRecord(tripId, { notes: '设备A' });
    const expert = expertRecord();
    device.create('visits', visit);
    device.create('experts', expert);
    const pushed = await device.push();
    expect(pushResponseSchema.parse(pushed).applied).toHaveLength(2);

    const other = new TestDevice(ed);
    const raw = await ed.pull();
    expect(raw.status).toBe(200);
    const page = pullResponseSchema.parse(raw.body);
    expect(page.scopes).toContain('directory');
    expect(page.scopes).toContain(tripId);
    const change = page.changes.find((c) => c.recordId === visit.id);
    expect(change).toMatchObject({ table: 'visits', scope: tripId, data: { ...visit, _deleted: false } });
    expect(Object.keys(change?.stamps ?? {}).sort()).toEqual(
      Object.keys({ ...visit, _deleted: false }).sort(),
    );

    await other.pull();
    expect(other.get('visits', String(visit.id))).toMatchObject({ notes: '设备A' });
    expect(other.get('experts', String(expert.id))).toMatchObject({ name: expert.name });
    expect(other.get('trips', tripId)).toMatchObject({ title: '专家行走进眉山' });
  });

  it('sends only what changed since the cursor, and tombstones like any change', async () => {
    const { device, tripId } = await newTrip();
    const visit = visitRecord(tripId);
    device.create('visits', visit);
    await device.push();
    const other = new TestDevice(ed);
    await other.pull();
    expect(await other.pull()).toBe(0);

    device.remove('visits', String(visit.id));
    await device.push();
    expect(await other.pull()).toBe(1);
    expect(other.get('visits', String(visit.id))).toMatchObject({ _deleted: true, notes: '' });
    const stored = await t.db.query<{ data: Record<string, unknown> }>(
      `select data from records where tbl = 'visits' and id = $1`,
      [visit.id],
    );
    expect(stored[0]?.data._deleted).toBe(true);
  });

  it('pages with a limit and advances every scope cursor safely', async () => {
    const { device, tripId } = await newTrip();
    for (let i = 0; i < 7; i++) device.create('visits', visitRecord(tripId, { notes: `v${i}` }));
    await device.push();
    const reader = new TestDevice(ed);
    const pages: number[] = [];
    let cursors: Record<string, number> = {};
    for (;;) {
      const res = await ed.pull(cursors, 3);
      expect(res.status).toBe(200);
      pages.push(res.body.changes.length);
      const seqs = res.body.changes.map((c: { seq: number }) => c.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      for (const s of res.body.scopes) expect(res.body.cursors[s]).toBeGreaterThanOrEqual(cursors[s] ?? 0);
      cursors = res.body.cursors;
      if (!res.body.hasMore) break;
    }
    expect(pages.every((n) => n <= 3)).toBe(true);
    // Every record of both readable scopes arrived once, and the final cursors are the highest seq.
    expect(await reader.pull(2)).toBeGreaterThan(7);
    const max = await t.db.query<{ m: number }>('select max(seq) as m from records');
    expect(cursors[tripId]).toBe(Number(max[0]?.m));
    expect(cursors.directory).toBe(Number(max[0]?.m));
  });

  it('refuses limits above the protocol maximum with 400', async () => {
    const res = await ed.pull({}, 5000);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.message).toMatch(/limit/);
  });
});

describe('idempotency', () => {
  it('applies a mutation once; a retry after a lost response gets the same verdict and changes nothing', async () => {
    const { device, tripId } = await newTrip();
    const visit = visitRecord(tripId);
    const create = device.create('visits', visit);
    const edit = device.edit('visits', String(visit.id), { notes: 'first' });
    const batch = [...device.outbox];
    const first = await olga.push(device.deviceId, batch);
    expect(first.body.applied).toEqual([create.mutationId, edit.mutationId]);
    const before = await t.db.query<{ seq: number }>('select seq from records where id = $1', [visit.id]);
    const conflictsBefore = await t.db.query('select id from conflicts');

    // The response was "lost": the device sends the very same batch again.
    const retry = await olga.push(device.deviceId, batch);
    expect(retry.status).toBe(200);
    expect(retry.body.applied).toEqual(first.body.applied);
    expect(retry.body.refused).toEqual(first.body.refused);
    const after = await t.db.query<{ seq: number }>('select seq from records where id = $1', [visit.id]);
    expect(after).toEqual(before);
    expect(await t.db.query('select id from conflicts')).toEqual(conflictsBefore);
    const verdicts = await t.db.query('select mutation_id from applied_mutations where mutation_id = $1', [
      create.mutationId,
    ]);
    expect(verdicts).toHaveLength(1);
  });

  it('answers a retried refusal with the same refusal', async () => {
    const device = new TestDevice(ed);
    const m = device.create('trips', tripRecord());
    const first = await ed.push(device.deviceId, [m]);
    const second = await ed.push(device.deviceId, [m]);
    expect(first.body.refused).toHaveLength(1);
    expect(second.body.refused).toEqual(first.body.refused);
  });

  it('does not let another account reuse a mutation id', async () => {
    const { device, tripId } = await newTrip();
    const m = device.create('visits', visitRecord(tripId));
    await device.push();
    const res = await ed.push('ed-device', [m]);
    expect(res.body.applied).toEqual([]);
    expect(res.body.refused[0]).toMatchObject({ mutationId: m.mutationId, reason: 'malformed' });
    expect(res.body.refused[0].message).toMatch(/already used by another account/);
  });
});

describe('merge through the server', () => {
  it('keeps both edits when two users change different fields of one record', async () => {
    const { device: a, tripId } = await newTrip();
    const visit = visitRecord(tripId);
    a.create('visits', visit);
    await a.push();
    const b = new TestDevice(ed);
    await b.pull();

    a.edit('visits', String(visit.id), { notes: 'from A' });
    b.edit('visits', String(visit.id), { location: 'from B' });
    expect((await a.push()).applied).toHaveLength(1);
    expect((await b.push()).applied).toHaveLength(1);
    await a.pull();
    await b.pull();
    for (const d of [a, b])
      expect(d.get('visits', String(visit.id))).toMatchObject({ notes: 'from A', location: 'from B' });
    const conflicts = await t.db.query('select id from conflicts where record_id = $1', [visit.id]);
    expect(conflicts).toHaveLength(0);
  });

  it('keeps the losing value of a concurrent edit of the same field as a conflict row', async () => {
    const { device: a, tripId } = await newTrip();
    const visit = visitRecord(tripId);
    a.create('visits', visit);
    await a.push();
    const b = new TestDevice(ed);
    await b.pull();

    a.edit('visits', String(visit.id), { notes: 'A wrote this' });
    b.edit('visits', String(visit.id), { notes: 'B wrote this later' });
    await a.push();
    expect((await b.push()).applied).toHaveLength(1);
    await a.pull();
    await b.pull();
    expect(a.get('visits', String(visit.id))?.notes).toBe('B wrote this later');
    expect(b.get('visits', String(visit.id))?.notes).toBe('B wrote this later');

    const rows = await t.db.query<Record<string, unknown>>('select * from conflicts where record_id = $1', [
      visit.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tbl: 'visits',
      scope: tripId,
      field: 'notes',
      winner_value: 'B wrote this later',
      loser_value: 'A wrote this',
      loser_side: 'current',
      user_id: edUser.id,
      device_id: b.deviceId,
      resolved_at: null,
    });

    // The organiser reviews and resolves it; an expert may not.
    const list = await olga.get(`/trips/${tripId}/conflicts`);
    expect(list.status).toBe(200);
    expect(list.body.conflicts).toHaveLength(1);
    const conflict = list.body.conflicts[0];
    expect(conflict).toMatchObject({
      table: 'visits',
      recordId: visit.id,
      field: 'notes',
      winner: { value: 'B wrote this later' },
      loser: { value: 'A wrote this' },
      loserSide: 'current',
    });
    expect((await ed.get(`/trips/${tripId}/conflicts`)).status).toBe(403);
    expect((await ed.post(`/conflicts/${conflict.id}/resolve`)).status).toBe(404);
    const resolved = await olga.post(`/conflicts/${conflict.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body.conflict.resolvedAt).toEqual(expect.any(String));
    expect((await olga.get(`/trips/${tripId}/conflicts`)).body.conflicts).toHaveLength(0);
  });

  it('keeps an incoming write that loses to a newer stored value as a conflict too', async () => {
    const { device: a, tripId } = await newTrip();
    const visit = visitRecord(tripId);
    a.create('visits', visit);
    await a.push();
    const b = new TestDevice(ed);
    await b.pull();
    // B edits first (older stamp) but pushes last.
    b.edit('visits', String(visit.id), { notes: 'older edit from B' });
    await sleep(5);
    a.edit('visits', String(visit.id), { notes: 'newer edit from A' });
    await a.push();
    const res = await b.push();
    expect(res.applied).toHaveLength(1);
    const rows = await t.db.query<Record<string, unknown>>('select * from conflicts where record_id = $1', [
      visit.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      loser_side: 'incoming',
      loser_value: 'older edit from B',
      winner_value: 'newer edit from A',
    });
    await b.pull();
    expect(b.get('visits', String(visit.id))?.notes).toBe('newer edit from A');
  });

  it('treats an edit based on the current value as a deliberate overwrite, not a conflict', async () => {
    const { device: a, tripId } = await newTrip();
    const visit = visitRecord(tripId);
    a.create('visits', visit);
    await a.push();
    const b = new TestDevice(ed);
    await b.pull();
    b.edit('visits', String(visit.id), { notes: 'B after seeing A' });
    await b.push();
    expect(await t.db.query('select id from conflicts where record_id = $1', [visit.id])).toHaveLength(0);
  });
});

describe('scopes', () => {
  it('never lets a record move to another trip', async () => {
    const { device, tripId } = await newTrip();
    const { tripId: other } = await newTrip();
    const visit = visitRecord(tripId);
    device.create('visits', visit);
    await device.push();
    const move = device.edit('visits', String(visit.id), { tripId: other });
    const res = await device.push();
    expect(res.refused).toEqual([
      expect.objectContaining({ mutationId: move.mutationId, reason: 'malformed' }),
    ]);
    expect(res.refused[0]?.message).toMatch(/cannot move to another trip/);
    // Claiming the other scope without changing tripId is refused too.
    const sneaky = { ...device.edit('visits', String(visit.id), { notes: 'x' }), scope: other };
    device.outbox = [];
    const res2 = await olga.push(device.deviceId, [sneaky]);
    expect(res2.body.refused[0]).toMatchObject({ reason: 'malformed' });
    expect(res2.body.refused[0].message).toMatch(/belongs to scope/);
  });

  it('refuses a directory record claimed for a trip scope', async () => {
    const { tripId } = await newTrip();
    const device = new TestDevice(olga);
    const m = { ...device.create('experts', expertRecord()), scope: tripId };
    const res = await olga.push(device.deviceId, [m]);
    expect(res.body.refused[0]).toMatchObject({ reason: 'malformed' });
    expect(res.body.refused[0].message).toMatch(/shared directory/);
  });

  it('refuses records of a trip that does not exist yet', async () => {
    const device = new TestDevice(olga);
    device.create('visits', visitRecord(newId()));
    const res = await device.push();
    expect(res.refused[0]).toMatchObject({ reason: 'permission' });
    expect(res.refused[0]?.message).toMatch(/does not exist on the server/);
  });
});
