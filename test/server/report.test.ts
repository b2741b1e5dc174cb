import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoTrip, DEMO_TABLE_ORDER } from '../../shared/demo/demoTrip';
import {
  computeRollup,
  computeTripReport,
  type ReportInput,
  type Rollup,
  type TripReport,
} from '../../shared/report';
import type { RecordTable } from '../../shared/schemas';
import { parsedDemo } from '../unit/report/demoInput';
import {
  Api,
  createTestDatabase,
  makeUser,
  PASSWORD,
  type RunningServer,
  startServer,
  type TestDatabase,
  TestDevice,
} from './helpers';

/**
 * The server's report endpoints against the shared computation: records pushed through the sync API,
 * then the report the server computes must equal computeTripReport over the very objects pushed.
 */
const TODAY = '2026-11-22';

let t: TestDatabase;
let server: RunningServer;
let olga: Api;
let ed: Api;
let admin: Api;
let anon: Api;
let bishan: ReportInput;
let meishan: ReportInput;

/** Pushes a whole trip (as the demo's tables) from the organiser's device, in batches the server takes. */
async function pushTrip(device: TestDevice, records: Record<string, { id: string }[]>) {
  for (const table of DEMO_TABLE_ORDER) {
    for (const record of records[table] ?? []) device.create(table as RecordTable, record);
    const res = await device.push();
    expect(res.refused).toEqual([]);
  }
}

/** The demo trip as pushed: one visit rejected, one problem deleted after it was synced. */
async function seedTrip(device: TestDevice, over: { title: string; region: string; startDate: string }) {
  const d = parsedDemo(buildDemoTrip({ startDate: over.startDate, today: TODAY }));
  const trip = { ...(d.trips[0] as (typeof d.trips)[number]), title: over.title, region: over.region };
  const [first, ...rest] = d.visits;
  if (!first) throw new Error('demo without visits');
  const rejected = { ...first, reviewState: 'rejected' as const };
  await pushTrip(device, { ...d, trips: [trip], visits: [rejected, ...rest] });
  const [gone, ...problems] = d.problems;
  if (!gone) throw new Error('demo without problems');
  device.remove('problems', gone.id);
  expect((await device.push()).refused).toEqual([]);
  return {
    trip,
    visits: [rejected, ...rest],
    problems,
    recommendations: d.recommendations,
    agreements: d.agreements,
    needs: d.needs,
    members: d.tripMembers,
    followUps: d.followUps,
    hosts: d.hosts,
    experts: d.experts,
    today: TODAY,
  } satisfies ReportInput;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'olga', 'organiser');
  await makeUser(t.db, 'oscar', 'organiser');
  await makeUser(t.db, 'ed', 'expert');
  await makeUser(t.db, 'root', 'admin');
  server = await startServer(t.store());
  anon = new Api(server.url);
  olga = await anon.login('olga', PASSWORD);
  admin = await anon.login('root', PASSWORD);
  ed = await anon.login('ed', PASSWORD);
  const oscar = await anon.login('oscar', PASSWORD);
  bishan = await seedTrip(new TestDevice(olga), {
    title: '走进璧山',
    region: '重庆市璧山区',
    startDate: '2025-06-23',
  });
  meishan = await seedTrip(new TestDevice(oscar), {
    title: '走进眉山',
    region: '四川省眉山市',
    startDate: '2023-05-10',
  });
  // ed is a member of the Meishan trip only.
  const edId = (await t.db.query<{ id: string }>(`select id from users where username = 'ed'`))[0]?.id;
  await t.db.query(`insert into trip_access (trip_id, user_id, role) values ($1, $2, 'member')`, [
    meishan.trip.id,
    edId,
  ]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('GET /trips/:tripId/report', () => {
  it('equals computeTripReport over the records pushed (tombstones and rejected visits left out)', async () => {
    const res = await olga.get<TripReport>(`/trips/${bishan.trip.id}/report?today=${TODAY}`);
    expect(res.status).toBe(200);
    const expected = computeTripReport(bishan);
    expect(res.body).toEqual(expected);
    // The numbers moved as they should: one rejected visit, one deleted problem.
    expect(expected.excluded.rejectedVisits).toBe(1);
    expect(expected.figures.visits).toBe(12);
    expect(res.body.trip.title).toBe('走进璧山');
  });

  it('lets a member and an administrator read it, and nobody else', async () => {
    const member = await ed.get<TripReport>(`/trips/${meishan.trip.id}/report?today=${TODAY}`);
    expect(member.status).toBe(200);
    expect(member.body).toEqual(computeTripReport(meishan));
    expect((await admin.get(`/trips/${bishan.trip.id}/report?today=${TODAY}`)).status).toBe(200);

    const stranger = await ed.get(`/trips/${bishan.trip.id}/report?today=${TODAY}`);
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({ code: 'trip_not_found' });
    expect(stranger.body.message).toContain('Ask the trip');
    // The same answer as for a trip that does not exist: the endpoint does not tell which trips exist.
    const missing = await admin.get(`/trips/${crypto.randomUUID()}/report`);
    expect(missing.status).toBe(404);
    expect((await anon.get(`/trips/${bishan.trip.id}/report`)).status).toBe(401);
  });

  it('refuses a bad date or parameter with a 400 a person can act on', async () => {
    for (const today of ['yesterday', '2025-13-01', '2025-02-30', '20250630']) {
      const res = await olga.get(`/trips/${bishan.trip.id}/report?today=${today}`);
      expect(res.status, today).toBe(400);
      expect(res.body.code).toBe('invalid_request');
      expect(res.body.message).toMatch(/today/);
    }
    const typo = await olga.get(`/trips/${bishan.trip.id}/report?tody=${TODAY}`);
    expect(typo.status).toBe(400);
    expect((await olga.get('/trips/not-a-trip/report')).status).toBe(400);
  });

  it('uses the server date when no today is given', async () => {
    const res = await olga.get<TripReport>(`/trips/${bishan.trip.id}/report`);
    expect(res.status).toBe(200);
    expect(res.body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.figures.visits).toBe(12);
  });
});

describe('GET /reports/rollup', () => {
  const both = () => [computeTripReport(bishan), computeTripReport(meishan)];

  it('totals the trips the user may read', async () => {
    const filter = { from: '', to: '', region: '' };
    const adminView = await admin.get<Rollup>(`/reports/rollup?today=${TODAY}`);
    expect(adminView.status).toBe(200);
    expect(adminView.body).toEqual(computeRollup(both(), filter));
    expect(adminView.body.trips.map((x) => x.title)).toEqual(['走进眉山', '走进璧山']);

    const olgaView = await olga.get<Rollup>(`/reports/rollup?today=${TODAY}`);
    expect(olgaView.body).toEqual(computeRollup([computeTripReport(bishan)], filter));
    const edView = await ed.get<Rollup>('/reports/rollup');
    expect(edView.body.trips.map((x) => x.title)).toEqual(['走进眉山']);
  });

  it('applies the date range and the region', async () => {
    const since = await admin.get<Rollup>('/reports/rollup?from=2024-01-01');
    expect(since.body.trips.map((x) => x.title)).toEqual(['走进璧山']);
    const region = await admin.get<Rollup>(`/reports/rollup?region=${encodeURIComponent('眉山')}`);
    expect(region.body).toEqual(computeRollup(both(), { from: '', to: '', region: '眉山' }));
    expect(region.body.trips).toHaveLength(1);
    const none = await admin.get<Rollup>('/reports/rollup?from=2023-05-13&to=2025-06-22');
    expect(none.body).toMatchObject({ trips: [], experts: 0, visits: 0 });
  });

  it('refuses a reversed range or a bad date', async () => {
    const reversed = await admin.get('/reports/rollup?from=2025-01-01&to=2024-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.message).toMatch(/from must not be after to/);
    expect((await admin.get('/reports/rollup?from=soon')).status).toBe(400);
    expect((await admin.get('/reports/rollup?form=2024-01-01')).status).toBe(400);
    expect((await anon.get('/reports/rollup')).status).toBe(401);
  });
});
