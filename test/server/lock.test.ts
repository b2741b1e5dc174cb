import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../server/auth/users';
import { LOCKED_MESSAGE } from '../../server/sync/lock';
import { newId } from '../../shared/ids';
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

/** The trip lock (server/sync/lock.ts): a locked trip refuses changes of everyone but its managers. */
let t: TestDatabase;
let server: RunningServer;
let olga: Api;
let ed: Api;
let admin: Api;
let edUser: AuthUser;

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'olga', 'organiser');
  await makeUser(t.db, 'root', 'admin');
  edUser = await makeUser(t.db, 'ed', 'expert');
  server = await startServer(t.store());
  olga = await new Api(server.url).login('olga', PASSWORD);
  ed = await new Api(server.url).login('ed', PASSWORD);
  admin = await new Api(server.url).login('root', PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

/** A trip with one visit that the expert has pulled. */
async function tripWithVisit() {
  const organiser = new TestDevice(olga);
  const trip = tripRecord();
  const tripId = String(trip.id);
  const visit = visitRecord(tripId, { notes: '原记录' });
  organiser.create('trips', trip);
  organiser.create('visits', visit);
  expect((await organiser.push()).refused).toEqual([]);
  await grant(t.db, tripId, edUser.id);
  const expert = new TestDevice(ed);
  await expert.pull();
  return { organiser, expert, tripId, visitId: String(visit.id) };
}

const storedVisit = async (id: string) =>
  (
    await t.db.query<{ data: Record<string, unknown> }>(
      `select data from records where tbl = 'visits' and id = $1`,
      [id],
    )
  )[0]?.data;

describe('a locked trip', () => {
  it("refuses members' changes with 'locked' until the organiser unlocks it", async () => {
    const { organiser, expert, tripId, visitId } = await tripWithVisit();
    organiser.edit('trips', tripId, { locked: true });
    expect((await organiser.push()).refused).toEqual([]);

    const edit = expert.edit('visits', visitId, { notes: '锁定后修改' });
    const created = expert.create('visits', visitRecord(tripId));
    const res = await expert.push();
    expect(res.applied).toEqual([]);
    expect(res.refused).toEqual([
      { mutationId: edit.mutationId, reason: 'locked', message: LOCKED_MESSAGE },
      { mutationId: created.mutationId, reason: 'locked', message: LOCKED_MESSAGE },
    ]);
    expect((await storedVisit(visitId))?.notes).toBe('原记录');
    expect(await storedVisit(created.recordId)).toBeUndefined();

    // The same change id sent again gets the same verdict, even after unlocking.
    organiser.edit('trips', tripId, { locked: false });
    expect((await organiser.push()).refused).toEqual([]);
    const again = await ed.push(expert.deviceId, [edit]);
    expect(again.body.refused).toEqual([
      expect.objectContaining({ mutationId: edit.mutationId, reason: 'locked' }),
    ]);

    // Retried as a new change (what the app's retry does), it is applied.
    const retry = await ed.push(expert.deviceId, [{ ...edit, mutationId: newId() }]);
    expect(retry.body.refused).toEqual([]);
    expect((await storedVisit(visitId))?.notes).toBe('锁定后修改');
  });

  it("accepts its organisers' and administrators' writes, and directory writes of anyone", async () => {
    const { organiser, expert, tripId, visitId } = await tripWithVisit();
    organiser.edit('trips', tripId, { locked: true });
    await organiser.push();

    organiser.edit('visits', visitId, { notes: '组织者修改' });
    expect((await organiser.push()).refused).toEqual([]);
    const root = new TestDevice(admin);
    await root.pull();
    root.edit('visits', visitId, { location: '管理员修改' });
    expect((await root.push()).refused).toEqual([]);
    expect(await storedVisit(visitId)).toMatchObject({ notes: '组织者修改', location: '管理员修改' });

    expert.create('hosts', { id: newId(), createdAt: '', name: '目录里的新单位' });
    expect((await expert.push()).refused).toEqual([]);
  });

  it('lets only managers write the locked field, locked or not', async () => {
    const { organiser, expert, tripId } = await tripWithVisit();
    expert.edit('trips', tripId, { locked: true });
    const lock = await expert.push();
    expect(lock.refused).toEqual([expect.objectContaining({ reason: 'permission' })]);
    expect(lock.refused[0]?.message).toMatch(/lock or unlock/);

    organiser.edit('trips', tripId, { locked: true });
    await organiser.push();
    await expert.pull();
    expert.edit('trips', tripId, { locked: false });
    expect((await expert.push()).refused).toEqual([expect.objectContaining({ reason: 'permission' })]);
    expert.edit('trips', tripId, { description: '说明' });
    expect((await expert.push()).refused).toEqual([expect.objectContaining({ reason: 'locked' })]);
    const trip = await t.db.query<{ data: Record<string, unknown> }>(
      `select data from records where id = $1`,
      [tripId],
    );
    expect(trip[0]?.data).toMatchObject({ locked: true, description: '' });
  });
});
