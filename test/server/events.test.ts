import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../server/auth/users';
import {
  Api,
  createTestDatabase,
  expertRecord,
  makeUser,
  openEvents,
  PASSWORD,
  type RunningServer,
  type SseEvent,
  STORE,
  startServer,
  type TestDatabase,
  TestDevice,
  tripRecord,
  visitRecord,
} from './helpers';

/**
 * Live notifications: two server instances on one database; a client connected to instance B hears
 * pushes made through instance A (through LISTEN/NOTIFY, not process memory), within a second.
 */
let t: TestDatabase;
let a: RunningServer;
let b: RunningServer;
let edUser: AuthUser;

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'olga', 'organiser');
  edUser = await makeUser(t.db, 'ed', 'expert');
  a = await startServer(t.store(), { heartbeatMs: 150 });
  b = await startServer(t.store(), { heartbeatMs: 150 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await t?.close();
});

const changes = (e: SseEvent) => e.event === 'changes';

describe('event stream', () => {
  it('needs a token: 401 in JSON without one', async () => {
    const res = await fetch(`${b.url}/sync/events`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'unauthorized' });
    const bad = await fetch(`${b.url}/sync/events?token=${'x'.repeat(43)}`);
    expect(bad.status).toBe(401);
  });

  it('takes the token in the Authorization header too', async () => {
    const ed = await new Api(b.url).login('ed', PASSWORD);
    const controller = new AbortController();
    const res = await fetch(`${b.url}/sync/events`, {
      headers: { authorization: `Bearer ${ed.token}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    controller.abort();
  });

  it('refuses an outdated protocol named in the query with 426', async () => {
    const ed = await new Api(b.url).login('ed', PASSWORD);
    const res = await fetch(`${b.url}/sync/events?token=${ed.token}&protocol=0`);
    expect(res.status).toBe(426);
  });

  // How fast is a benchmark's question (npm run bench:sync measures the round trip between two devices);
  // here only that the notice crosses instances, with a wait that cannot flip on a busy machine.
  it('a client on instance B hears a push made on instance A', async () => {
    const olgaA = await new Api(a.url).login('olga', PASSWORD);
    const olgaB = await new Api(b.url).login('olga', PASSWORD);
    const stream = await openEvents(`${b.url}/sync/events?token=${olgaB.token}`);
    expect(stream.status).toBe(200);
    const ready = await stream.next((e) => e.event === 'ready');
    expect(JSON.parse(ready.data).scopes).toContain('directory');

    const device = new TestDevice(olgaA);
    device.create('experts', expertRecord());
    await device.push();
    const event = await stream.next(changes);
    const note = JSON.parse(event.data);
    expect(note.scopes).toEqual(['directory']);
    const max = await t.db.query<{ m: number }>('select max(seq) as m from records');
    expect(note.seq).toBe(Number(max[0]?.m));
    stream.close();
  });

  it('tells a client only about scopes it may read, and about trips it is let into', async () => {
    const olga = await new Api(a.url).login('olga', PASSWORD);
    const ed = await new Api(b.url).login('ed', PASSWORD);
    const organiserStream = await openEvents(`${b.url}/sync/events?token=${olga.token}`);
    const expertStream = await openEvents(`${b.url}/sync/events?token=${ed.token}`);
    await expertStream.next((e) => e.event === 'ready');
    await organiserStream.next((e) => e.event === 'ready');

    const device = new TestDevice(olga);
    const trip = tripRecord();
    device.create('trips', trip);
    device.create('visits', visitRecord(String(trip.id)));
    await device.push();
    const tripId = String(trip.id);
    // The creator's stream learns about the new trip (its scope list was reloaded).
    const heard = await organiserStream.next(
      (e) => changes(e) && JSON.parse(e.data).scopes?.includes(tripId),
    );
    expect(heard).toBeDefined();
    // Another trip push; the expert hears nothing about it.
    device.create('visits', visitRecord(tripId));
    await device.push();
    await organiserStream.next((e) => changes(e) && JSON.parse(e.data).seq > JSON.parse(heard.data).seq);
    expect(expertStream.events.filter(changes)).toEqual([]);

    // Let the expert in: their stream hears about the trip at once.
    const add = await olga.post(`/trips/${tripId}/members`, { userId: edUser.id, role: 'member' });
    expect(add.status).toBe(200);
    const invited = await expertStream.next(changes);
    expect(JSON.parse(invited.data).scopes).toEqual([tripId]);
    // And from now on about the trip's changes.
    device.create('visits', visitRecord(tripId));
    await device.push();
    await expertStream.next((e) => changes(e) && JSON.parse(e.data).seq !== undefined);
    organiserStream.close();
    expertStream.close();
  });

  it.skipIf(STORE !== 'postgres')(
    'tells every client to pull when the listening connection was lost, and keeps listening (PostgreSQL)',
    async () => {
      const olga = await new Api(b.url).login('olga', PASSWORD);
      const stream = await openEvents(`${b.url}/sync/events?token=${olga.token}`);
      await stream.next((e) => e.event === 'ready');
      const killed = await t.db.query(
        `select pg_terminate_backend(pid) as ok from pg_stat_activity
          where datname = current_database() and query ilike 'listen %'`,
      );
      expect(killed.length).toBeGreaterThanOrEqual(2);
      const resync = await stream.next((e) => changes(e) && JSON.parse(e.data).scopes === null);
      expect(resync).toBeDefined();
      // Both instances listen again: a push through A reaches the client on B. They reconnect on their
      // own schedule, so push until one is heard (a notice sent before B listens again is lost).
      const device = new TestDevice(await new Api(a.url).login('olga', PASSWORD));
      const heard = (e: SseEvent) => changes(e) && JSON.parse(e.data).scopes?.includes('directory');
      await expect
        .poll(async () => {
          device.create('experts', expertRecord());
          await device.push();
          return stream.next(heard, 1000).then(
            () => true,
            () => false,
          );
        })
        .toBe(true);
      stream.close();
    },
  );

  it('sends heartbeats and ends the stream when the token is revoked', async () => {
    const ed = await new Api(b.url).login('ed', PASSWORD);
    const stream = await openEvents(`${b.url}/sync/events?token=${ed.token}`);
    await stream.next((e) => e.event === 'comment' && e.data === 'heartbeat');
    await ed.post('/auth/logout', {});
    await stream.next((e) => e.event === 'unauthorized');
    await stream.next((e) => e.event === 'end');
    stream.close();
  });
});
