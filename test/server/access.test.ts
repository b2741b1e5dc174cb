import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../server/auth/users';
import {
  Api,
  createTestDatabase,
  expertRecord,
  makeUser,
  PASSWORD,
  type RunningServer,
  startServer,
  type TestDatabase,
  TestDevice,
  tripRecord,
  visitRecord,
} from './helpers';

let t: TestDatabase;
let server: RunningServer;
let admin: Api;
let olga: Api;
let otto: Api;
let ed: Api;
let eve: Api;
let edUser: AuthUser;
let eveUser: AuthUser;
let ottoUser: AuthUser;

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'admin', 'admin');
  await makeUser(t.db, 'olga', 'organiser');
  ottoUser = await makeUser(t.db, 'otto', 'organiser');
  edUser = await makeUser(t.db, 'ed', 'expert');
  eveUser = await makeUser(t.db, 'eve', 'expert');
  server = await startServer(t.store());
  const anon = new Api(server.url);
  admin = await anon.login('admin', PASSWORD);
  olga = await anon.login('olga', PASSWORD);
  otto = await anon.login('otto', PASSWORD);
  ed = await anon.login('ed', PASSWORD);
  eve = await anon.login('eve', PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

async function organiserTrip() {
  const device = new TestDevice(olga);
  const trip = tripRecord();
  device.create('trips', trip);
  const visit = visitRecord(String(trip.id), { notes: 'secret notes' });
  device.create('visits', visit);
  const res = await device.push();
  expect(res.refused).toEqual([]);
  return { device, tripId: String(trip.id), visitId: String(visit.id) };
}

describe('trip creation', () => {
  it('makes the organiser who pushes a new trip its organiser in trip_access', async () => {
    const { tripId } = await organiserTrip();
    const rows = await t.db.query('select user_id, role from trip_access where trip_id = $1', [tripId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'organiser' });
    const members = await olga.get(`/trips/${tripId}/members`);
    expect(members.status).toBe(200);
    expect(members.body.members).toEqual([expect.objectContaining({ username: 'olga', role: 'organiser' })]);
  });

  it('refuses an expert who pushes a new trip, per mutation, with reason permission', async () => {
    const device = new TestDevice(ed);
    const trip = device.create('trips', tripRecord());
    const expert = device.create('experts', expertRecord());
    const res = await device.push();
    expect(res.applied).toEqual([expert.mutationId]);
    expect(res.refused).toEqual([
      {
        mutationId: trip.mutationId,
        reason: 'permission',
        message: expect.stringMatching(/Only organisers can create trips/),
      },
    ]);
    expect(await t.db.query('select 1 from records where id = $1', [trip.recordId])).toHaveLength(0);
    expect(await t.db.query('select 1 from trip_access where trip_id = $1', [trip.recordId])).toHaveLength(0);
  });

  it('lets an admin create a trip and read every trip', async () => {
    const device = new TestDevice(admin);
    const trip = tripRecord();
    device.create('trips', trip);
    expect((await device.push()).applied).toHaveLength(1);
    const { tripId } = await organiserTrip();
    const reader = new TestDevice(admin);
    await reader.pull();
    expect(reader.scopes).toEqual(expect.arrayContaining(['directory', String(trip.id), tripId]));
    expect(
      reader.get(
        'visits',
        (
          await t.db.query<{ id: string }>(`select id from records where scope = $1 and tbl = 'visits'`, [
            tripId,
          ])
        )[0]?.id as string,
      ),
    ).toBeDefined();
  });
});

describe('reading', () => {
  it('never sends an expert the records of a trip they are not a member of', async () => {
    const { tripId, visitId } = await organiserTrip();
    const device = new TestDevice(ed);
    await device.pull();
    expect(device.scopes).not.toContain(tripId);
    expect(device.get('visits', visitId)).toBeUndefined();
    expect(device.get('trips', tripId)).toBeUndefined();
    // Asking for the scope's cursor explicitly does not help.
    const res = await ed.pull({ [tripId]: 0 });
    expect(res.body.changes.filter((c: { scope: string }) => c.scope === tripId)).toEqual([]);
    expect(Object.keys(res.body.cursors)).not.toContain(tripId);
  });

  it('lets every signed-in user read the directory, and experts add to it', async () => {
    const device = new TestDevice(eve);
    const expert = expertRecord({ name: '王研究员' });
    device.create('experts', expert);
    expect((await device.push()).applied).toHaveLength(1);
    device.edit('experts', String(expert.id), { phone: '13800000000' });
    expect((await device.push()).applied).toHaveLength(1);
    for (const api of [ed, olga, admin]) {
      const reader = new TestDevice(api);
      await reader.pull();
      expect(reader.get('experts', String(expert.id))).toMatchObject({
        name: '王研究员',
        phone: '13800000000',
      });
    }
  });

  it('keeps directory removals for organisers', async () => {
    const device = new TestDevice(eve);
    const expert = expertRecord();
    device.create('experts', expert);
    await device.push();
    const del = device.remove('experts', String(expert.id));
    const res = await device.push();
    expect(res.refused).toEqual([
      expect.objectContaining({ mutationId: del.mutationId, reason: 'permission' }),
    ]);
    const org = new TestDevice(olga);
    await org.pull();
    org.remove('experts', String(expert.id));
    expect((await org.push()).applied).toHaveLength(1);
  });
});

describe('writing', () => {
  it('refuses an expert writing into a trip they are not a member of, per mutation, with a clear message', async () => {
    const { tripId, visitId } = await organiserTrip();
    const device = new TestDevice(ed);
    const intrude = device.create('visits', visitRecord(tripId));
    const overwrite = device.edit('visits', visitId, { notes: 'overwritten', tripId });
    const fine = device.create('experts', expertRecord());
    const res = await device.push();
    expect(res.applied).toEqual([fine.mutationId]);
    expect(res.refused.map((r) => [r.mutationId, r.reason])).toEqual([
      [intrude.mutationId, 'permission'],
      [overwrite.mutationId, 'permission'],
    ]);
    expect(res.refused[0]?.message).toMatch(/not a member of this trip.*Ask the trip's organiser to add you/);
    const stored = await t.db.query<{ data: { notes: string } }>('select data from records where id = $1', [
      visitId,
    ]);
    expect(stored[0]?.data.notes).toBe('secret notes');
  });

  it('opens a trip to a member the organiser adds, and closes it again on removal', async () => {
    const { tripId, visitId } = await organiserTrip();
    const add = await olga.post(`/trips/${tripId}/members`, { userId: edUser.id, role: 'member' });
    expect(add.status).toBe(200);
    const device = new TestDevice(ed);
    await device.pull();
    expect(device.scopes).toContain(tripId);
    expect(device.get('visits', visitId)).toMatchObject({ notes: 'secret notes' });
    device.edit('visits', visitId, { notes: 'edited by a member' });
    expect((await device.push()).applied).toHaveLength(1);

    const removed = await olga.request('DELETE', `/trips/${tripId}/members/${edUser.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ removed: true });
    await device.pull();
    expect(device.scopes).not.toContain(tripId);
    device.edit('visits', visitId, { notes: 'after removal' });
    expect((await device.push()).refused[0]).toMatchObject({ reason: 'permission' });
  });

  it('lets only the trip organisers and admins manage members', async () => {
    const { tripId } = await organiserTrip();
    expect((await otto.post(`/trips/${tripId}/members`, { userId: eveUser.id, role: 'member' })).status).toBe(
      403,
    );
    expect((await ed.get(`/trips/${tripId}/members`)).status).toBe(403);
    expect(
      (await admin.post(`/trips/${tripId}/members`, { userId: ottoUser.id, role: 'organiser' })).status,
    ).toBe(200);
    // Otto is now an organiser of this trip and may add people.
    expect((await otto.post(`/trips/${tripId}/members`, { userId: eveUser.id, role: 'member' })).status).toBe(
      200,
    );
    const list = await otto.get(`/trips/${tripId}/members`);
    expect(list.body.members.map((m: { username: string }) => m.username).sort()).toEqual([
      'eve',
      'olga',
      'otto',
    ]);
    const missing = await olga.post(`/trips/${tripId}/members`, {
      userId: '0190f3a2-7c4e-7b8a-9c1d-2e3f4a5b6c7d',
      role: 'member',
    });
    expect(missing.status).toBe(404);
    const bad = await olga.post(`/trips/${tripId}/members`, { userId: eveUser.id, role: 'owner' });
    expect(bad.status).toBe(400);
    expect((await olga.get('/trips/not-a-trip/members')).status).toBe(400);
    expect((await new Api(server.url).get(`/trips/${tripId}/members`)).status).toBe(401);
  });

  it('refuses an organiser who is not in a trip like anybody else', async () => {
    const { tripId, visitId } = await organiserTrip();
    const device = new TestDevice(otto);
    device.edit('visits', visitId, { notes: 'not mine', tripId });
    const res = await device.push();
    expect(res.refused[0]).toMatchObject({ reason: 'permission' });
  });
});
