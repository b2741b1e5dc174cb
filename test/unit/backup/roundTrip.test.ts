import { afterEach, describe, expect, it } from 'vitest';
import { createTripBackup } from '../../../renderer/backup/exportBackup';
import { type ImportProgress, importTripBackup } from '../../../renderer/backup/importBackup';
import { previewImport } from '../../../renderer/backup/planImport';
import { createRecord, deleteRecord, updateRecord } from '../../../renderer/data/repository';
import { searchRecords } from '../../../renderer/data/searchIndex';
import type { AppDatabase } from '../../../renderer/db/database';
import { parseBackup, serializeBackup } from '../../../shared/backup/format';
import { compareHlc } from '../../../shared/hlc';
import { recordTables } from '../../../shared/schemas';
import { maxStamp } from '../../../shared/sync/merge';
import { buildTrip, idsOf, newDevice, rowsOf, snapshot } from './fixtures';

const opened: AppDatabase[] = [];
function device(): AppDatabase {
  const db = newDevice();
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function parseOk(text: string) {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
  return parsed.backup;
}

async function mustImport(db: AppDatabase, text: string, onProgress?: (p: ImportProgress) => void) {
  const result = await importTripBackup(db, text, { onProgress });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.summary;
}

describe('trip backup round trip', () => {
  it('exports every record of the trip, tombstones included, and only the directory entries it names', async () => {
    const a = device();
    const built = await buildTrip(a);
    await buildTrip(a, '另一个活动'); // must stay out of the file
    const backup = await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z');

    expect(parseBackup(serializeBackup(backup))).toMatchObject({ ok: true });
    expect(backup.counts).toEqual({
      trips: 1,
      experts: 2,
      tripMembers: 2,
      hosts: 3,
      needs: 1,
      visits: 2,
      problems: 2,
      recommendations: 1,
      agreements: 1,
      followUps: 1,
      comments: 1,
      merges: 1,
      conflicts: 1,
      attachments: 0,
    });
    const hostIds = backup.tables.hosts.map((h) => h.id);
    expect(hostIds).toEqual([built.factory.id, built.hospital.id, built.duplicate.id].sort());
    expect(backup.tables.hosts.find((h) => h.id === built.duplicate.id)?.deleted).toBe(true);
    expect(backup.tables.experts.map((e) => e.id)).not.toContain(built.unrelatedExpert.id);
    const wrong = backup.tables.problems.find((p) => p.id === built.wrong.id);
    expect(wrong).toMatchObject({ deleted: true, data: { title: '误录的问题' } });
    expect(wrong?.stamps._deleted).toBeDefined();
    // Data without device bookkeeping; the stamps are the stored ones.
    const stored = await a.visits.get(built.visit.id);
    const visit = backup.tables.visits.find((v) => v.id === built.visit.id);
    expect(Object.keys(visit?.data ?? {}).some((k) => k.startsWith('_'))).toBe(false);
    expect(visit?.stamps).toEqual(stored?._stamps);
    expect(visit?.data.notes).toBe('与企业技术骨干座谈，现场查看生产线');

    const text = serializeBackup(backup);
    expect(text.charCodeAt(0)).toBe('{'.charCodeAt(0));
    expect(text).toContain('\n  "format": "expert-trips/trip-backup",\n');
    expect(text.endsWith('}\n')).toBe(true);
    // Exporting unchanged data again gives the same records and checksum.
    const again = await createTripBackup(a, built.trip.id, '2025-06-27T08:00:00.000Z');
    expect(again.checksum).toBe(backup.checksum);
  });

  it('restores the trip on an empty device field for field and stamp for stamp', async () => {
    const a = device();
    const built = await buildTrip(a);
    const backup = await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z');
    const text = serializeBackup(backup);

    const b = device();
    const progress: ImportProgress[] = [];
    const summary = await mustImport(b, text, (p) => progress.push(p));

    const ids = idsOf(backup.tables);
    const restored = await rowsOf(b, ids);
    expect(Object.values(restored).flat()).toHaveLength(
      recordTables.reduce((n, t) => n + backup.counts[t], 0),
    );
    expect(
      Object.values(restored)
        .flat()
        .every((row) => row !== undefined),
    ).toBe(true);
    expect(restored).toEqual(await rowsOf(a, ids));
    expect((await b.problems.get(built.wrong.id))?._deleted).toBe(1);
    expect((await b.hosts.get(built.duplicate.id))?._deleted).toBe(1);
    expect(await b.hosts.get(built.unrelatedHost.id)).toBeUndefined();

    const records = recordTables.reduce((n, t) => n + backup.counts[t], 0);
    expect(summary.total).toEqual({ new: records, updated: 0, unchanged: 0 });
    expect(summary.tables.visits).toEqual({ new: 2, updated: 0, unchanged: 0 });
    expect(summary.trip).toEqual({ id: built.trip.id, title: built.trip.title });
    expect(progress.at(-1)).toEqual({ phase: 'done', done: records, total: records });

    // Each restored record is queued for upload with the file's stamps and no base (new on this device),
    // except the conflict record: only the server makes those.
    const outbox = await b.outbox.toArray();
    expect(outbox).toHaveLength(records - 1);
    expect(outbox.some((e) => e.table === 'conflicts')).toBe(false);
    const visitEntry = outbox.find((e) => e.recordId === built.visit.id);
    const storedVisit = await a.visits.get(built.visit.id);
    expect(visitEntry).toMatchObject({ table: 'visits', scope: built.trip.id });
    expect(visitEntry?.stamps).toEqual(storedVisit?._stamps);
    expect(Object.values(visitEntry?.baseStamps ?? {}).every((s) => s === null)).toBe(true);
    expect(visitEntry?.changes.notes).toBe('与企业技术骨干座谈，现场查看生产线');
    expect(outbox.find((e) => e.recordId === built.wrong.id)?.changes._deleted).toBe(true);
    expect(outbox.find((e) => e.recordId === built.factory.id)?.scope).toBe('directory');

    // Searchable like records written here, with the host's name on the visit.
    expect((await searchRecords(b, '主轴温升')).map((h) => h.id)).toEqual([built.problem.id]);
    const visitHits = await searchRecords(b, '生产线', { types: ['visits'] });
    expect(visitHits).toMatchObject([{ id: built.visit.id, title: '重庆璧山精密制造有限公司' }]);
    expect(await searchRecords(b, '误录')).toEqual([]);

    // The clock has moved past everything imported: a new edit on B wins over the file's stamps.
    const top =
      backup.tables.visits
        .map((v) => maxStamp(v.stamps) ?? '')
        .sort()
        .at(-1) ?? '';
    const edited = await updateRecord('visits', built.visit.id, { notes: '在 B 上补充' }, b);
    expect(compareHlc(edited._stamps.notes ?? '', top)).toBe(1);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const a = device();
    const built = await buildTrip(a);
    const text = serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z'));
    const b = device();
    const first = await mustImport(b, text);
    const before = await snapshot(b);

    const second = await mustImport(b, text);
    expect(second.total).toEqual({ new: 0, updated: 0, unchanged: first.total.new });
    expect(await snapshot(b)).toEqual(before);
    expect(await b.visits.count()).toBe(2);

    // Into the device it came from: all unchanged too, no outbox entries added.
    const outboxA = await a.outbox.count();
    const onA = await mustImport(a, text);
    expect(onA.total).toEqual({ new: 0, updated: 0, unchanged: first.total.new });
    expect(await a.outbox.count()).toBe(outboxA);
  });

  it('keeps a field edited on the device after the export, and takes newer fields from the file', async () => {
    const a = device();
    const built = await buildTrip(a);
    const early = serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z'));
    const b = device();
    await mustImport(b, early);

    // A edits the title later; B edits the notes of the same visit later still.
    await updateRecord('visits', built.visit.id, { location: '二号车间' }, a);
    const late = serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-27T08:00:00.000Z'));
    await updateRecord('visits', built.visit.id, { notes: 'B 的新记录' }, b);

    // The early file cannot take B's newer notes back.
    const stale = await mustImport(b, early);
    expect(stale.tables.visits).toEqual({ new: 0, updated: 0, unchanged: 2 });
    expect((await b.visits.get(built.visit.id))?.notes).toBe('B 的新记录');

    // The late file brings A's location and still keeps B's notes; the preview says so beforehand.
    const preview = await previewImport(b, parseOk(late));
    expect(preview).toMatchObject({ ok: true, tables: { visits: { new: 0, updated: 1, unchanged: 1 } } });
    const outboxBefore = await b.outbox.count();
    const fresh = await mustImport(b, late);
    expect(fresh.tables.visits).toEqual({ new: 0, updated: 1, unchanged: 1 });
    const visit = await b.visits.get(built.visit.id);
    expect(visit?.location).toBe('二号车间');
    expect(visit?.notes).toBe('B 的新记录');
    const entries = (await b.outbox.toArray()).slice(outboxBefore);
    expect(entries).toHaveLength(1);
    expect(Object.keys(entries[0]?.changes ?? {})).toEqual(['location']);
    const aVisit = await a.visits.get(built.visit.id);
    expect(entries[0]?.stamps.location).toBe(aVisit?._stamps.location);
    // The base is what B had before: the field's stamp from the first import.
    expect(entries[0]?.baseStamps.location).toBe(built.visit._stamps.location);
  });

  it('a deleted record stays deleted on a device that still has it live', async () => {
    const a = device();
    const built = await buildTrip(a);
    const b = device();
    await mustImport(
      b,
      serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z')),
    );
    const extra = await createRecord(
      'problems',
      { tripId: built.trip.id, visitId: built.visit.id, title: '稍后删除' },
      a,
    );
    await mustImport(
      b,
      serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-26T09:00:00.000Z')),
    );
    expect((await b.problems.get(extra.id))?._deleted).toBe(0);
    await deleteRecord('problems', extra.id, a);
    const summary = await mustImport(
      b,
      serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-26T10:00:00.000Z')),
    );
    expect(summary.tables.problems).toEqual({ new: 0, updated: 1, unchanged: 2 });
    expect((await b.problems.get(extra.id))?._deleted).toBe(1);
    expect(await searchRecords(b, '稍后删除')).toEqual([]);
  });

  it('queues only the resolution of a conflict record the device already had', async () => {
    const a = device();
    const built = await buildTrip(a);
    const b = device();
    await mustImport(
      b,
      serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z')),
    );
    const conflict = await a.conflicts.toCollection().first();
    await updateRecord(
      'conflicts',
      conflict?.id ?? '',
      { resolution: 'kept_current', resolvedBy: '组织方', resolvedAt: '2025-06-26T09:00:00.000Z' },
      a,
    );
    const outboxBefore = await b.outbox.count();
    const summary = await mustImport(
      b,
      serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-26T10:00:00.000Z')),
    );
    expect(summary.tables.conflicts).toEqual({ new: 0, updated: 1, unchanged: 0 });
    const entries = (await b.outbox.toArray()).slice(outboxBefore);
    expect(entries.map((e) => [e.table, Object.keys(e.changes).sort()])).toEqual([
      ['conflicts', ['resolution', 'resolvedAt', 'resolvedBy']],
    ]);
    expect((await b.conflicts.get(conflict?.id ?? ''))?.resolution).toBe('kept_current');
  });
});
