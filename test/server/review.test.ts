import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../server/auth/users';
import { REVIEW_PERMISSION } from '../../server/sync/review';
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

/** Review decisions (server/sync/review.ts): experts submit and reply; only organisers decide. */
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

const comment = (tripId: string, recordId: string, reviewState: string) => ({
  id: newId(),
  tripId,
  recordTable: 'visits',
  recordId,
  body: '请补充问题描述',
  authorName: 'ed',
  reviewState,
  createdAt: new Date().toISOString(),
});

describe('review decisions', () => {
  it('let an expert submit and reply, but not approve, send back or reject', async () => {
    const organiser = new TestDevice(olga);
    const trip = tripRecord();
    const tripId = String(trip.id);
    const visit = visitRecord(tripId);
    const visitId = String(visit.id);
    organiser.create('trips', trip);
    organiser.create('visits', visit);
    expect((await organiser.push()).refused).toEqual([]);
    await grant(t.db, tripId, edUser.id);
    const expert = new TestDevice(ed);
    await expert.pull();

    expert.edit('visits', visitId, { reviewState: 'submitted' });
    expert.create('comments', comment(tripId, visitId, 'submitted'));
    expert.create('comments', comment(tripId, visitId, ''));
    expect((await expert.push()).refused).toEqual([]);

    for (const state of ['approved', 'has_issues', 'rejected']) {
      const edit = expert.edit('visits', visitId, { reviewState: state });
      const note = expert.create('comments', comment(tripId, visitId, state));
      const res = await expert.push();
      expect(res.refused).toEqual([
        { mutationId: edit.mutationId, reason: 'permission', message: REVIEW_PERMISSION },
        { mutationId: note.mutationId, reason: 'permission', message: REVIEW_PERMISSION },
      ]);
    }

    organiser.edit('visits', visitId, { reviewState: 'approved' });
    organiser.create('comments', comment(tripId, visitId, 'approved'));
    expect((await organiser.push()).refused).toEqual([]);
    const stored = await t.db.query<{ data: Record<string, unknown> }>(
      `select data from records where tbl = 'visits' and id = $1`,
      [visitId],
    );
    expect(stored[0]?.data.reviewState).toBe('approved');
  });
});
