import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthUser, createUser } from '../../server/auth/users';
import { newId } from '../../shared/ids';
import { conflictSchema } from '../../shared/schemas';
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
 * Conflicts reach organisers' devices as `conflicts` records (server/sync/conflictRecords.ts): made by
 * the server with both values and who wrote them, synced to the members of the scope, resolved by an
 * ordinary write of the organiser — which the conflicts table (GET /trips/:id/conflicts) follows.
 */
let t: TestDatabase;
let server: RunningServer;
let olga: Api;
let ed: Api;
let eve: Api;
let olgaUser: AuthUser;
let edUser: AuthUser;

beforeAll(async () => {
  t = await createTestDatabase();
  olgaUser = await createUser(t.db, {
    username: 'olga',
    password: PASSWORD,
    role: 'organiser',
    displayName: '王组织',
  });
  edUser = await createUser(t.db, {
    username: 'ed',
    password: PASSWORD,
    role: 'expert',
    displayName: '李专家',
  });
  await makeUser(t.db, 'eve', 'expert');
  server = await startServer(t.store());
  olga = await new Api(server.url).login('olga', PASSWORD);
  ed = await new Api(server.url).login('ed', PASSWORD);
  eve = await new Api(server.url).login('eve', PASSWORD);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

async function newTrip() {
  const device = new TestDevice(olga);
  const trip = tripRecord();
  device.create('trips', trip);
  expect((await device.push()).refused).toEqual([]);
  await grant(t.db, String(trip.id), edUser.id);
  return { device, tripId: String(trip.id) };
}

type Held = Record<string, unknown>;
const conflictsOf = (device: TestDevice, recordId: string): Held[] =>
  [...device.records.entries()]
    .filter(([key, held]) => key.startsWith('conflicts:') && held.data.recordId === recordId)
    .map(([, held]) => held.data);

/** Olga and Ed edit the same visit's notes concurrently; Ed pushes last (his stamp is newer). */
async function concurrentNotes() {
  const { device: a, tripId } = await newTrip();
  const visit = visitRecord(tripId);
  a.create('visits', visit);
  await a.push();
  const b = new TestDevice(ed);
  await b.pull();
  const lost = a.edit('visits', String(visit.id), { notes: '王组织写的' });
  const won = b.edit('visits', String(visit.id), { notes: '李专家后写的' });
  expect((await a.push()).applied).toHaveLength(1);
  expect((await b.push()).applied).toHaveLength(1);
  return { a, b, tripId, visitId: String(visit.id), lost, won };
}

describe('conflict records', () => {
  it('are made with both values, their stamps and who wrote them, and reach every member', async () => {
    const { a, b, tripId, visitId, lost, won } = await concurrentNotes();
    await a.pull();
    await b.pull();
    const onOlga = conflictsOf(a, visitId);
    expect(onOlga).toHaveLength(1);
    const record = onOlga[0] as Held;
    expect(conflictSchema.safeParse(record).success).toBe(true);
    const stored = await t.db.query<{ stamps: Record<string, string> }>(
      `select stamps from records where tbl = 'visits' and id = $1`,
      [visitId],
    );
    expect(record).toMatchObject({
      tripId,
      table: 'visits',
      recordId: visitId,
      field: 'notes',
      currentValue: '李专家后写的',
      currentStamp: stored[0]?.stamps.notes,
      currentBy: '李专家',
      otherValue: '王组织写的',
      otherStamp: lost.stamps.notes,
      otherBy: '王组织',
      resolution: 'open',
      resolvedBy: '',
      resolvedAt: '',
      _deleted: false,
    });
    expect(record.currentStamp).toBe(won.stamps.notes);
    expect(Date.parse(String(record.createdAt))).not.toBeNaN();
    // The member's device has it too; someone outside the trip does not.
    expect(conflictsOf(b, visitId)).toEqual(onOlga);
    const outsider = new TestDevice(eve);
    await outsider.pull();
    expect(conflictsOf(outsider, visitId)).toEqual([]);
    // The conflict row points at its record.
    const rows = await t.db.query<{ conflict_record_id: string }>(
      'select conflict_record_id from conflicts where record_id = $1',
      [visitId],
    );
    expect(rows.map((r) => r.conflict_record_id)).toEqual([record.id]);
  });

  it('name the writers the other way round when the incoming write is the one that lost', async () => {
    const { device: a, tripId } = await newTrip();
    const visit = visitRecord(tripId);
    a.create('visits', visit);
    await a.push();
    const b = new TestDevice(ed);
    await b.pull();
    b.edit('visits', String(visit.id), { location: '旧的（李）' });
    await new Promise((r) => setTimeout(r, 5));
    a.edit('visits', String(visit.id), { location: '新的（王）' });
    await a.push();
    await b.push();
    await a.pull();
    expect(conflictsOf(a, String(visit.id))).toEqual([
      expect.objectContaining({
        field: 'location',
        currentValue: '新的（王）',
        currentBy: '王组织',
        otherValue: '旧的（李）',
        otherBy: '李专家',
      }),
    ]);
  });

  it('live in the directory for hosts, with an empty trip id', async () => {
    const a = new TestDevice(olga);
    const hostId = newId();
    a.create('hosts', { id: hostId, createdAt: '', name: '眉山某公司', kind: 'enterprise' });
    await a.push();
    const b = new TestDevice(ed);
    await b.pull();
    a.edit('hosts', hostId, { district: '东坡区' });
    b.edit('hosts', hostId, { district: '彭山区' });
    await a.push();
    await b.push();
    await b.pull();
    const [record] = conflictsOf(b, hostId);
    expect(record).toMatchObject({ tripId: '', table: 'hosts', field: 'district', currentBy: '李专家' });
    const stored = await t.db.query<{ scope: string }>(
      `select scope from records where tbl = 'conflicts' and id = $1`,
      [record?.id],
    );
    expect(stored[0]?.scope).toBe('directory');

    // An expert may not resolve a directory conflict; an organiser may.
    const conflictId = String(record?.id);
    b.edit('conflicts', conflictId, { resolution: 'kept_current' });
    const refused = await b.push();
    expect(refused.refused).toEqual([expect.objectContaining({ reason: 'permission' })]);
    await a.pull();
    a.edit('conflicts', conflictId, { resolution: 'kept_current', resolvedBy: '王组织' });
    expect((await a.push()).refused).toEqual([]);
  });
});

describe('resolving a conflict record', () => {
  it("is an organiser's ordinary write; the conflicts list follows it", async () => {
    const { a, b, tripId, visitId } = await concurrentNotes();
    await a.pull();
    const [record] = conflictsOf(a, visitId);
    const conflictId = String(record?.id);
    expect((await olga.get(`/trips/${tripId}/conflicts`)).body.conflicts).toEqual([
      expect.objectContaining({ recordId: visitId, conflictRecordId: conflictId }),
    ]);

    // The expert may not resolve it.
    await b.pull();
    b.edit('conflicts', conflictId, { resolution: 'kept_other' });
    const byExpert = await b.push();
    expect(byExpert.refused).toEqual([expect.objectContaining({ reason: 'permission' })]);
    expect(byExpert.refused[0]?.message).toMatch(/organisers/);

    // The organiser resolves it (offline on her device, then syncs) — with the chosen value too.
    a.edit('visits', visitId, { notes: '王组织写的' });
    a.edit('conflicts', conflictId, {
      resolution: 'kept_other',
      resolvedBy: '王组织',
      resolvedAt: new Date().toISOString(),
    });
    expect((await a.push()).refused).toEqual([]);
    expect((await olga.get(`/trips/${tripId}/conflicts`)).body.conflicts).toEqual([]);
    const rows = await t.db.query<{ resolved_by: string; resolved_at: Date | null }>(
      'select resolved_by, resolved_at from conflicts where conflict_record_id = $1',
      [conflictId],
    );
    expect(rows).toEqual([{ resolved_by: olgaUser.id, resolved_at: expect.any(Date) }]);
    await b.pull();
    expect(b.get('conflicts', conflictId)).toMatchObject({ resolution: 'kept_other', resolvedBy: '王组织' });
    expect(b.get('visits', visitId)?.notes).toBe('王组织写的');

    // Re-opening it puts it back on the list.
    a.edit('conflicts', conflictId, { resolution: 'open', resolvedBy: '', resolvedAt: '' });
    expect((await a.push()).refused).toEqual([]);
    expect((await olga.get(`/trips/${tripId}/conflicts`)).body.conflicts).toHaveLength(1);
  });

  it('refuses a conflict record made by a device, and changes of its recorded values', async () => {
    const { a, visitId, tripId } = await concurrentNotes();
    const made = a.create('conflicts', {
      id: newId(),
      createdAt: new Date().toISOString(),
      tripId,
      table: 'visits',
      recordId: visitId,
      field: 'notes',
      currentValue: 'x',
      currentStamp: '',
      currentBy: '',
      otherValue: 'y',
      otherStamp: '',
      otherBy: '',
      resolution: 'open',
      resolvedBy: '',
      resolvedAt: '',
    });
    const res = await a.push();
    expect(res.refused).toEqual([
      expect.objectContaining({ mutationId: made.mutationId, reason: 'permission' }),
    ]);
    expect(res.refused[0]?.message).toMatch(/only by the server/);
    expect(
      await t.db.query(`select 1 from records where tbl = 'conflicts' and id = $1`, [made.recordId]),
    ).toEqual([]);

    await a.pull();
    const [record] = conflictsOf(a, visitId).filter((c) => c.id !== made.recordId);
    a.edit('conflicts', String(record?.id), { otherValue: 'rewritten', resolution: 'edited' });
    const edit = await a.push();
    expect(edit.refused).toEqual([expect.objectContaining({ reason: 'permission' })]);
    expect(edit.refused[0]?.message).toMatch(/otherValue/);
    const stored = await t.db.query<{ data: Held }>(
      `select data from records where tbl = 'conflicts' and id = $1`,
      [record?.id],
    );
    expect(stored[0]?.data).toMatchObject({ otherValue: '王组织写的', resolution: 'open' });
  });

  it('through the HTTP endpoint also resolves the record on every device', async () => {
    const { a, tripId, visitId } = await concurrentNotes();
    const [listed] = (await olga.get(`/trips/${tripId}/conflicts`)).body.conflicts;
    const resolved = await olga.post(`/conflicts/${listed.id}/resolve`);
    expect(resolved.status).toBe(200);
    await a.pull();
    expect(conflictsOf(a, visitId)).toEqual([
      expect.objectContaining({
        resolution: 'kept_current',
        resolvedBy: '王组织',
        id: listed.conflictRecordId,
      }),
    ]);
    expect(Date.parse(String(conflictsOf(a, visitId)[0]?.resolvedAt))).not.toBeNaN();
  });
});
