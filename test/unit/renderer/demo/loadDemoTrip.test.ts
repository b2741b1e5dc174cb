// @vitest-environment jsdom
// jsdom for its localStorage: loading the demo also sets the current trip in the persisted settings store.
import type { Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord } from '../../../../renderer/data/repository';
import { AppDatabase, getDb, setDb } from '../../../../renderer/db/database';
import { loadDemoTrip } from '../../../../renderer/features/demo/loadDemoTrip';
import { useSettings } from '../../../../renderer/state/settings';
import { buildDemoTrip, DEMO_TABLE_ORDER } from '../../../../shared/demo/demoTrip';

const TODAY = { today: '2026-11-22' };
const expected = buildDemoTrip(TODAY);
const totalRecords = DEMO_TABLE_ORDER.reduce((n, t) => n + expected[t].length, 0);

async function counts(db: AppDatabase) {
  const out: Record<string, number> = {};
  for (const table of DEMO_TABLE_ORDER) out[table] = await db.table(table).count();
  out.outbox = await db.outbox.count();
  out.search = await db.search.count();
  return out;
}

/**
 * Makes `put` on one table throw when `failure` says so. Dexie hands out a fresh Table object per
 * transaction, so the spy sits on the shared prototype and picks its table by name.
 */
function failWrites(db: AppDatabase, table: string, failure: () => Error | null) {
  const proto = Object.getPrototypeOf(db.table(table)) as Table;
  const put = proto.put;
  vi.spyOn(proto, 'put').mockImplementation(function (this: Table, ...args: Parameters<Table['put']>) {
    if (this.name === table) {
      const error = failure();
      if (error) throw error;
    }
    return put.apply(this, args);
  });
}

beforeEach(() => {
  setDb(new AppDatabase(`test-${crypto.randomUUID()}`));
  useSettings.setState({ currentTripId: null });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadDemoTrip', () => {
  it('writes the whole demo through the repository, with outbox entries and search rows, and opens it', async () => {
    const db = getDb();
    const tripId = await loadDemoTrip(TODAY);

    expect(useSettings.getState().currentTripId).toBe(tripId);
    const trip = await db.trips.get(tripId);
    expect(trip).toMatchObject({ region: '重庆市璧山区', startDate: '2025-06-23', _deleted: 0 });
    expect(trip?._stamps.title).toBeTruthy();

    const stored = await counts(db);
    for (const table of DEMO_TABLE_ORDER) expect(stored[table], table).toBe(expected[table].length);
    expect(stored.outbox).toBe(totalRecords);

    // One outbox entry per record, scoped to the trip (or to the directory for experts and hosts).
    const entries = await db.outbox.toArray();
    expect(new Set(entries.map((e) => e.recordId)).size).toBe(totalRecords);
    for (const e of entries) {
      expect(e.scope).toBe(e.table === 'experts' || e.table === 'hosts' ? 'directory' : tripId);
    }

    const searchable = ['hosts', 'visits', 'problems', 'agreements'] as const;
    expect(stored.search).toBe(searchable.reduce((n, t) => n + expected[t].length, 0));
    const dongao = await db.search.where('tokens').equals('东嶅').toArray();
    expect(dongao.map((r) => r.type)).toEqual(expect.arrayContaining(['hosts', 'visits', 'problems']));

    // Stored through the schema: defaults filled in, references intact.
    const visits = await db.visits.where('tripId').equals(tripId).toArray();
    const hostIds = new Set((await db.hosts.toArray()).map((h) => h.id));
    for (const v of visits) expect(hostIds.has(v.hostId)).toBe(true);
  });

  it('creates a second trip when loaded again, but no duplicate experts or hosts', async () => {
    const db = getDb();
    const first = await loadDemoTrip(TODAY);
    const second = await loadDemoTrip(TODAY);
    expect(second).not.toBe(first);
    expect(useSettings.getState().currentTripId).toBe(second);

    expect(await db.trips.count()).toBe(2);
    expect(await db.experts.count()).toBe(expected.experts.length);
    expect(await db.hosts.count()).toBe(expected.hosts.length);
    expect(await db.visits.count()).toBe(2 * expected.visits.length);

    const expertIds = new Set((await db.experts.toArray()).map((e) => e.id));
    const hostIds = new Set((await db.hosts.toArray()).map((h) => h.id));
    const members = await db.tripMembers.where('tripId').equals(second).toArray();
    expect(members).toHaveLength(expected.tripMembers.length);
    for (const m of members) expect(expertIds.has(m.expertId)).toBe(true);
    for (const v of await db.visits.where('tripId').equals(second).toArray()) {
      expect(hostIds.has(v.hostId)).toBe(true);
      for (const e of v.expertIds) expect(expertIds.has(e)).toBe(true);
    }
    for (const a of await db.agreements.where('tripId').equals(second).toArray()) {
      expect(hostIds.has(a.hostId)).toBe(true);
    }
    // The second load sent no directory changes.
    const directoryEntries = await db.outbox.where('table').anyOf('experts', 'hosts').count();
    expect(directoryEntries).toBe(expected.experts.length + expected.hosts.length);
  });

  it('reuses directory entries the user already had, and leaves namesakes elsewhere alone', async () => {
    const db = getDb();
    const mine = await createRecord('hosts', {
      name: '东嶅药业(璧山)',
      creditCode: expected.hosts.find((h) => h.name === '重庆东嶅药业有限公司')?.creditCode ?? '',
    });
    const ding = await createRecord('experts', { name: '丁显平', affiliation: '' });
    const namesake = await createRecord('experts', { name: '杨磊', affiliation: '西南大学' });
    const gone = await createRecord('experts', { name: '陈绍成', affiliation: '重庆第二师范学院' });
    await db.experts.update(gone.id, { _deleted: 1 });

    const tripId = await loadDemoTrip(TODAY);

    expect(await db.hosts.count()).toBe(expected.hosts.length);
    const visits = await db.visits.where('tripId').equals(tripId).toArray();
    expect(visits.some((v) => v.hostId === mine.id)).toBe(true);
    const members = await db.tripMembers.where('tripId').equals(tripId).toArray();
    expect(members.find((m) => m.role === 'chief_expert')?.expertId).toBe(ding.id);
    expect(members.some((m) => m.expertId === namesake.id)).toBe(false);
    expect(members.some((m) => m.expertId === gone.id)).toBe(false);
    // 丁显平 reused; the other 杨磊 and the deleted 陈绍成 do not count, so the demo's own are added.
    expect(await db.experts.count()).toBe(3 + expected.experts.length - 1);
  });

  it('leaves nothing behind when a write fails part-way', async () => {
    const db = getDb();
    let calls = 0;
    failWrites(db, 'problems', () => {
      calls += 1;
      return calls === 20 ? new Error('disk full') : null;
    });

    await expect(loadDemoTrip(TODAY)).rejects.toThrow('disk full');

    expect(calls).toBe(20);
    const stored = await counts(db);
    expect(
      Object.values(stored).every((n) => n === 0),
      JSON.stringify(stored),
    ).toBe(true);
    expect(await db.meta.get('lastHlc')).toBeUndefined();
    expect(useSettings.getState().currentTripId).toBeNull();

    // The database is still usable, and a retry loads the demo completely.
    vi.restoreAllMocks();
    const tripId = await loadDemoTrip(TODAY);
    expect(await db.problems.where('tripId').equals(tripId).count()).toBe(expected.problems.length);
    expect(await db.outbox.count()).toBe(totalRecords);
  });

  it('keeps an earlier demo intact when a later load fails', async () => {
    const db = getDb();
    const first = await loadDemoTrip(TODAY);
    const before = await counts(db);
    failWrites(db, 'followUps', () => new Error('quota exceeded'));
    await expect(loadDemoTrip(TODAY)).rejects.toThrow('quota exceeded');
    expect(await counts(db)).toEqual(before);
    expect(useSettings.getState().currentTripId).toBe(first);
  });
});
