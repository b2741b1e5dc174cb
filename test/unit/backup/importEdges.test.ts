import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTripBackup } from '../../../renderer/backup/exportBackup';
import { type ImportProgress, importTripBackup } from '../../../renderer/backup/importBackup';
import { searchRecords } from '../../../renderer/data/searchIndex';
import type { AppDatabase } from '../../../renderer/db/database';
import { buildBackup, serializeBackup } from '../../../shared/backup/format';
import { newId } from '../../../shared/ids';
import { buildTrip, newDevice, snapshot } from './fixtures';

const opened: AppDatabase[] = [];
function device(): AppDatabase {
  const db = newDevice();
  opened.push(db);
  return db;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

describe('importing a backup', () => {
  it('leaves nothing behind when writing fails halfway', async () => {
    const a = device();
    const built = await buildTrip(a);
    const text = serializeBackup(await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z'));
    const b = device();
    await buildTrip(b, '走进眉山');
    const before = await snapshot(b);
    // The outbox write of the fourth table with records fails (a full disk, say): hosts, trips,
    // experts and their outbox entries were already written inside the transaction.
    const bulkAdd = b.outbox.bulkAdd.bind(b.outbox);
    let calls = 0;
    vi.spyOn(b.outbox, 'bulkAdd').mockImplementation(((...args: Parameters<typeof bulkAdd>) => {
      calls += 1;
      if (calls === 4) return Promise.reject(new Error('QuotaExceededError'));
      return bulkAdd(...args);
    }) as typeof bulkAdd);
    await expect(importTripBackup(b, text)).rejects.toThrow('QuotaExceededError');
    expect(calls).toBe(4);
    expect(await snapshot(b)).toEqual(before);
  });

  it('takes a large trip in slices, reporting progress, and indexes every record', async () => {
    const a = device();
    const built = await buildTrip(a);
    const backup = await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z');
    // 1,200 more problems, as if written on A (same stamp shape), then re-checksummed by buildBackup.
    const template = backup.tables.problems.find((p) => !p.deleted);
    if (!template) throw new Error('fixture has a live problem');
    for (let i = 0; i < 1200; i++) {
      const id = newId();
      backup.tables.problems.push({
        ...structuredClone(template),
        id,
        data: { ...template.data, id, title: `批量问题 ${i}` },
      });
    }
    const large = await buildBackup({
      exportedAt: backup.exportedAt,
      protocolVersion: backup.app.protocolVersion,
      trip: backup.trip,
      tables: backup.tables,
    });
    const text = serializeBackup(large);

    const b = device();
    const progress: ImportProgress[] = [];
    const result = await importTripBackup(b, text, { onProgress: (p) => progress.push({ ...p }) });
    expect(result.ok).toBe(true);
    expect(await b.problems.count()).toBe(1202);
    const done = progress.filter((p) => p.phase === 'writing').map((p) => p.done);
    expect(done.length).toBeGreaterThan(4);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(progress.at(-1)).toEqual({ phase: 'done', done: 1219, total: 1219 });
    expect(await searchRecords(b, '批量问题 1199')).toHaveLength(1);
  });
});
