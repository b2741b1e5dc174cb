import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createRecord,
  deleteRecord,
  getRecord,
  RecordValidationError,
  updateRecord,
} from '../../../../renderer/data/repository';
import { searchRecords } from '../../../../renderer/data/searchIndex';
import { AppDatabase, setDb } from '../../../../renderer/db/database';
import { compareHlc } from '../../../../shared/hlc';
import { newId } from '../../../../shared/ids';

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`test-${newId()}`);
  setDb(db);
});

const tripInput = {
  title: '2025年成渝地区双城经济圈专家团走进璧山',
  region: '重庆市璧山区',
  startDate: '2025-06-23',
  endDate: '2025-06-25',
};

describe('repository writes', () => {
  it('a create stores the record with per-field stamps and appends one outbox entry', async () => {
    const trip = await createRecord('trips', tripInput, db);
    expect(trip.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(trip.id[14]).toBe('7'); // UUIDv7
    expect(trip._deleted).toBe(0);
    expect(Object.keys(trip._stamps)).toEqual(
      expect.arrayContaining(['title', 'region', 'status', '_deleted']),
    );
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table: 'trips', recordId: trip.id, scope: trip.id });
    expect(outbox[0]?.changes.title).toBe(tripInput.title);
  });

  it('an update stamps and sends only the fields that changed', async () => {
    const trip = await createRecord('trips', tripInput, db);
    const updated = await updateRecord('trips', trip.id, { status: 'active', title: tripInput.title }, db);
    expect(updated.status).toBe('active');
    expect(compareHlc(trip._stamps.status ?? '', updated._stamps.status ?? '')).toBe(-1);
    expect(updated._stamps.title).toBe(trip._stamps.title);
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries).toHaveLength(2);
    expect(Object.keys(entries[1]?.changes ?? {})).toEqual(['status']);
  });

  it('an update that changes nothing writes nothing', async () => {
    const trip = await createRecord('trips', tripInput, db);
    await updateRecord('trips', trip.id, { region: tripInput.region }, db);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a delete is a stamped tombstone, not a removal', async () => {
    const trip = await createRecord('trips', tripInput, db);
    await deleteRecord('trips', trip.id, db);
    const row = await db.trips.get(trip.id);
    expect(row?._deleted).toBe(1);
    expect(await getRecord('trips', trip.id, db)).toBeUndefined();
    const last = (await db.outbox.orderBy('seq').last())?.changes;
    expect(last).toEqual({ _deleted: true });
  });

  it('invalid input is refused with the issues, leaving no record and no outbox entry', async () => {
    await expect(createRecord('trips', { ...tripInput, endDate: '2025-06-01' }, db)).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    expect(await db.trips.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a write that fails half-way leaves neither record nor outbox entry', async () => {
    const trip = await createRecord('trips', tripInput, db);
    const spy = vi.spyOn(db.search, 'put').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    const hostCount = await db.hosts.count();
    await expect(createRecord('hosts', { name: '重庆东嶅药业有限公司' }, db)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.hosts.count()).toBe(hostCount);
    expect(await db.outbox.count()).toBe(1);
    // and an update that fails keeps the previous value
    const failing = vi.spyOn(db.outbox, 'add').mockImplementationOnce(() => {
      throw new Error('quota exceeded');
    });
    await expect(updateRecord('trips', trip.id, { title: '改名' }, db)).rejects.toThrow('quota exceeded');
    failing.mockRestore();
    expect((await db.trips.get(trip.id))?.title).toBe(tripInput.title);
    expect(await db.outbox.count()).toBe(1);
  });

  it('stamps keep increasing across a restart (clock state is persisted)', async () => {
    const trip = await createRecord('trips', tripInput, db);
    const name = db.name;
    db.close();
    const reopened = new AppDatabase(name);
    setDb(reopened);
    // the clock was set back a little (an NTP correction): stamps must still increase
    const vi2 = vi.spyOn(Date, 'now').mockReturnValue(Number(trip._stamps.title?.slice(0, 15)) - 120_000);
    const updated = await updateRecord('trips', trip.id, { status: 'completed' }, reopened);
    vi2.mockRestore();
    expect(compareHlc(trip._stamps.title ?? '', updated._stamps.status ?? '')).toBe(-1);
  });

  it('indexes hosts, visits, problems and agreements for search in the same write', async () => {
    const trip = await createRecord('trips', tripInput, db);
    const host = await createRecord('hosts', { name: '四川金属材料热处理工艺有限公司', creditCode: '' }, db);
    const expert = await createRecord('experts', { name: '丁显平' }, db);
    const visit = await createRecord(
      'visits',
      {
        tripId: trip.id,
        hostId: host.id,
        date: '2025-06-23',
        expertIds: [expert.id],
        activities: [{ type: 'technical_guidance', count: 1 }],
        notes: '淬火裂纹',
      },
      db,
    );
    await createRecord(
      'problems',
      { tripId: trip.id, visitId: visit.id, hostId: host.id, title: '热处理变形超差' },
      db,
    );
    const hits = await searchRecords(db, '热处理');
    expect(hits.map((h) => h.type).sort()).toEqual(['hosts', 'problems', 'visits']);
    // renaming the host re-indexes the visit that shows its name
    await updateRecord('hosts', host.id, { name: '四川精工锻造有限公司' }, db);
    const after = await searchRecords(db, '精工锻造');
    expect(after.map((h) => h.type).sort()).toEqual(['hosts', 'problems', 'visits']);
    // a deleted record leaves the index
    await deleteRecord('problems', (await db.problems.toArray())[0]?.id ?? '', db);
    expect((await searchRecords(db, '变形')).length).toBe(0);
  });
});

describe('device clock', () => {
  it('forgets its own stamps from a clock that was far ahead once the clock is corrected', async () => {
    const ahead = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2027, 10, 22));
    const trip = await createRecord('trips', tripInput, db);
    ahead.mockRestore();
    const name = db.name;
    db.close();
    const reopened = new AppDatabase(name);
    setDb(reopened);
    const updated = await updateRecord('trips', trip.id, { status: 'active' }, reopened);
    // the new stamp follows the corrected clock, not the year-ahead one
    expect(Number(updated._stamps.status?.slice(0, 15))).toBeLessThan(Date.UTC(2027, 0, 1));
  });
});
