import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import { MAX_PUSH_MUTATIONS, PROTOCOL_HEADER } from '../../shared/sync/protocol';
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
let olga: Api;
let tripId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'olga', 'organiser');
  server = await startServer(t.store(), { bodyLimit: 1024 * 1024 });
  olga = await new Api(server.url).login('olga', PASSWORD);
  const device = new TestDevice(olga);
  const trip = tripRecord();
  device.create('trips', trip);
  await device.push();
  tripId = String(trip.id);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

const recordCount = async () =>
  Number((await t.db.query<{ n: number }>('select count(*)::int as n from records'))[0]?.n);
let countBefore = 0;

// After every bad request: the server is still healthy, and (where a test says so) nothing was written.
afterEach(async () => {
  const health = await new Api(server.url).get('/health');
  expect(health.status).toBe(200);
});

async function expectNothingWritten(action: () => Promise<void>) {
  countBefore = await recordCount();
  const seqBefore = (await t.db.query<{ m: number }>('select coalesce(max(seq), 0) as m from records'))[0]?.m;
  await action();
  expect(await recordCount()).toBe(countBefore);
  expect((await t.db.query<{ m: number }>('select coalesce(max(seq), 0) as m from records'))[0]?.m).toBe(
    seqBefore,
  );
}

const push = (body: unknown) => olga.post('/sync/push', body);

describe('whole-request mistakes get a 4xx with a message a person can act on', () => {
  it('malformed JSON', async () => {
    await expectNothingWritten(async () => {
      const res = await olga.request('POST', '/sync/push', '{"protocolVersion": 1, "mutations": [', {
        'content-type': 'application/json',
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ code: 'invalid_json', message: 'The request body is not valid JSON.' });
    });
  });

  it('a body that is not JSON at all', async () => {
    const res = await olga.request('POST', '/sync/push', 'hello', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
    expect(res.body.message).toMatch(/JSON/);
  });

  it('wrong types in the envelope', async () => {
    for (const body of [
      { protocolVersion: 1, deviceId: 'd1', mutations: 'not a list' },
      { protocolVersion: 1, deviceId: 42, mutations: [] },
      { protocolVersion: 1, mutations: [] },
      [],
      null,
    ]) {
      const res = await push(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toMatch(/invalid_request|invalid_json/);
      expect(typeof res.body.message).toBe('string');
    }
    const pull = await olga.post('/sync/pull', { protocolVersion: 1, cursors: { directory: -1 } });
    expect(pull.status).toBe(400);
    expect(pull.body.message).toMatch(/cursors\.directory/);
  });

  it('a device id with control characters', async () => {
    const res = await push({ protocolVersion: 1, deviceId: 'dev\u0000ice', mutations: [] });
    expect(res.status).toBe(400);
  });

  it('too old a protocol: 426 telling the user to update the app', async () => {
    const res = await olga.request(
      'POST',
      '/sync/push',
      { protocolVersion: 0, deviceId: 'd', mutations: [] },
      {
        [PROTOCOL_HEADER]: '0',
      },
    );
    expect(res.status).toBe(426);
    expect(res.body.code).toBe('protocol_too_old');
    expect(res.body.message).toMatch(/Update the app/);
    const bodyOnly = await push({ protocolVersion: 0, deviceId: 'd', mutations: [] });
    expect(bodyOnly.status).toBe(426);
    const pull = await olga.request(
      'POST',
      '/sync/pull',
      { protocolVersion: 0, cursors: {} },
      { [PROTOCOL_HEADER]: '0' },
    );
    expect(pull.status).toBe(426);
  });

  it('an unknown or garbled protocol version: 400', async () => {
    const newer = await olga.request(
      'POST',
      '/sync/pull',
      { protocolVersion: 99, cursors: {} },
      { [PROTOCOL_HEADER]: '99' },
    );
    expect(newer.status).toBe(400);
    expect(newer.body.code).toBe('protocol_unsupported');
    const garbled = await olga.request(
      'POST',
      '/sync/pull',
      { protocolVersion: 1, cursors: {} },
      { [PROTOCOL_HEADER]: 'v1' },
    );
    expect(garbled.status).toBe(400);
    expect(garbled.body.code).toBe('invalid_protocol_version');
  });

  it('an oversized batch: 413 saying how many changes fit', async () => {
    const device = new TestDevice(olga);
    const mutations = Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, () =>
      device.create('experts', expertRecord()),
    );
    await expectNothingWritten(async () => {
      const res = await olga.push(device.deviceId, mutations);
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('too_many_mutations');
      expect(res.body.message).toMatch(/at most 500 changes/);
    });
  });

  it('an oversized body: 413', async () => {
    const device = new TestDevice(olga);
    const big = device.create(
      'experts',
      expertRecord({ honours: Array.from({ length: 300 }, () => 'x'.repeat(4000)) }),
    );
    await expectNothingWritten(async () => {
      const res = await olga.push(device.deviceId, [big]);
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('payload_too_large');
      expect(res.body.message).toMatch(/smaller batches/);
    });
  });

  it('unknown routes: 404 in JSON', async () => {
    const res = await olga.get('/sync/nothing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'not_found', message: 'There is no GET /sync/nothing on this server.' });
  });

  it('prototype-poisoning keys: 400', async () => {
    const res = await olga.request(
      'POST',
      '/sync/push',
      '{"protocolVersion":1,"deviceId":"d","mutations":[{"__proto__":{"admin":true}}]}',
    );
    expect(res.status).toBe(400);
  });
});

describe('per-mutation mistakes are refused one by one, never aborting the batch', () => {
  it('refuses each bad mutation with its reason and applies the good ones', async () => {
    const device = new TestDevice(olga);
    const good = device.create('experts', expertRecord());
    const unknownTable = { ...device.create('experts', expertRecord()), table: 'spaceships' };
    const invalidRecord = device.create('visits', visitRecord(tripId, { date: 'yesterday', activities: [] }));
    const wrongTypes = { ...device.create('experts', expertRecord()), stamps: 'all of them' };
    const notAnObject = 'mutation?';
    const unknownField = device.create('experts', { ...expertRecord(), favouriteColour: 'blue' });
    const nul = device.create('experts', expertRecord({ name: 'bad\u0000name' }));
    const surrogate = device.create('experts', expertRecord({ name: 'bad\ud800name' }));
    const deletedNotBool = { ...device.create('experts', expertRecord()), changes: { _deleted: 'yes' } };
    deletedNotBool.stamps = { _deleted: device.clock.tick() };
    const good2 = device.create('experts', expertRecord());

    const before = await recordCount();
    const res = await olga.push(device.deviceId, [
      good,
      unknownTable,
      invalidRecord,
      wrongTypes,
      notAnObject,
      unknownField,
      nul,
      surrogate,
      deletedNotBool,
      good2,
    ]);
    expect(res.status).toBe(200);
    expect(res.body.applied).toEqual([good.mutationId, good2.mutationId]);
    const reasons = Object.fromEntries(
      res.body.refused.map((r: { mutationId: string; reason: string }) => [r.mutationId, r.reason]),
    );
    expect(reasons).toEqual({
      [unknownTable.mutationId]: 'malformed',
      [invalidRecord.mutationId]: 'validation',
      [wrongTypes.mutationId]: 'malformed',
      '': 'malformed',
      [unknownField.mutationId]: 'validation',
      [nul.mutationId]: 'validation',
      [surrogate.mutationId]: 'validation',
      [deletedNotBool.mutationId]: 'validation',
    });
    const invalid = res.body.refused.find(
      (r: { mutationId: string }) => r.mutationId === invalidRecord.mutationId,
    );
    expect(invalid.message).toMatch(/visits record would be invalid/);
    expect(invalid.issues).toEqual(
      expect.arrayContaining([
        { path: ['date'], message: 'v.date' },
        { path: ['activities'], message: 'v.activitiesRequired' },
      ]),
    );
    const unknown = res.body.refused.find(
      (r: { mutationId: string }) => r.mutationId === unknownTable.mutationId,
    );
    expect(unknown.message).toMatch(/table/);
    expect(
      res.body.refused.find((r: { mutationId: string }) => r.mutationId === unknownField.mutationId).issues,
    ).toEqual([{ path: ['favouriteColour'], message: 'unknown field' }]);
    expect(await recordCount()).toBe(before + 2);
  });

  it('refuses an edit that would make a stored record invalid, keeping the stored one', async () => {
    const device = new TestDevice(olga);
    const visit = visitRecord(tripId);
    device.create('visits', visit);
    await device.push();
    const bad = device.edit('visits', String(visit.id), { expertIds: [] });
    const res = await device.push();
    expect(res.refused).toEqual([
      expect.objectContaining({
        mutationId: bad.mutationId,
        reason: 'validation',
        issues: [{ path: ['expertIds'], message: 'v.expertsRequired' }],
      }),
    ]);
    const stored = await t.db.query<{ data: { expertIds: string[] } }>(
      'select data from records where id = $1',
      [visit.id],
    );
    expect(stored[0]?.data.expertIds).toHaveLength(1);
  });

  it('refuses a device clock a year ahead with clock_drift and a message to fix the clock', async () => {
    const yearAhead = () => Date.now() + 365 * 24 * 3600 * 1000;
    const device = new TestDevice(olga, yearAhead);
    const future = device.create('experts', expertRecord());
    // A stamp just inside the tolerance is fine.
    const nearly = new TestDevice(olga, () => Date.now() + 60_000);
    const ok = nearly.create('experts', expertRecord());
    await expectNothingWritten(async () => {
      const res = await olga.push(device.deviceId, [future]);
      expect(res.status).toBe(200);
      expect(res.body.refused).toEqual([
        {
          mutationId: future.mutationId,
          reason: 'clock_drift',
          message: expect.stringMatching(/about 365 days ahead.*Set the correct date, time and time zone/),
        },
      ]);
    });
    expect((await nearly.push()).applied).toEqual([ok.mutationId]);
  });

  it('refuses a stamp far ahead even in a field it does not change the value of', async () => {
    const device = new TestDevice(olga);
    const m = device.create('experts', expertRecord());
    m.stamps.name = formatHlc({ wall: Date.now() + 86_400_000, counter: 0, node: 'evil' });
    const res = await olga.push(device.deviceId, [m]);
    expect(res.body.refused[0]).toMatchObject({ reason: 'clock_drift' });
  });

  it('refuses a tombstone-free record without its required fields', async () => {
    const device = new TestDevice(olga);
    const id = newId();
    const partial = device.edit('experts', id, { phone: '123' });
    const res = await device.push();
    expect(res.refused[0]).toMatchObject({ mutationId: partial.mutationId, reason: 'validation' });
    expect(res.refused[0]?.message).toMatch(/A new record must carry all its required fields/);
  });
});
