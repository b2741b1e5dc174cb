import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTripBackup } from '../../../renderer/backup/exportBackup';
import { importTripBackup } from '../../../renderer/backup/importBackup';
import { previewImport } from '../../../renderer/backup/planImport';
import { problemText } from '../../../renderer/backup/problemText';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { checksumOf } from '../../../shared/backup/checksum';
import { type BackupProblem, serializeBackup, type TripBackup } from '../../../shared/backup/format';
import { formatHlc, parseHlc } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import { type BuiltTrip, buildTrip, newDevice, snapshot } from './fixtures';

let a: AppDatabase;
let b: AppDatabase;
let built: BuiltTrip;
let backup: TripBackup;
let text: string;

beforeEach(async () => {
  a = newDevice();
  b = newDevice();
  built = await buildTrip(a);
  backup = await createTripBackup(a, built.trip.id, '2025-06-26T08:00:00.000Z');
  text = serializeBackup(backup);
  // B is not empty: it has a trip of its own, which a refused import must leave exactly as it was.
  await buildTrip(b, '走进眉山');
});
afterEach(() => {
  a.close();
  b.close();
});

/** A copy of the backup changed by `edit`, with a correct checksum (as a buggy or foreign exporter would write). */
async function rewritten(edit: (copy: TripBackup) => void): Promise<string> {
  const copy = structuredClone(backup);
  edit(copy);
  copy.checksum = await checksumOf(copy.tables);
  return serializeBackup(copy);
}

/** Imports `source` into B, expects a refusal, and checks that B did not change at all. */
async function refused(source: string | Uint8Array): Promise<BackupProblem> {
  const before = await snapshot(b);
  const result = await importTripBackup(b, source);
  if (result.ok) throw new Error('the import was expected to be refused');
  expect(await snapshot(b)).toEqual(before);
  return result.problem;
}

const zh = (problem: BackupProblem) => problemText('zh-CN', problem);

describe('importing a backup refuses, and changes nothing, when', () => {
  it('one character inside the tables was changed', async () => {
    const at = text.indexOf('主轴温升过快');
    expect(at).toBeGreaterThan(text.indexOf('"tables"'));
    const damaged = `${text.slice(0, at)}主轴温度过快${text.slice(at + 6)}`;
    expect(damaged.length).toBe(text.length);
    const problem = await refused(damaged);
    expect(problem).toEqual({ code: 'damaged', detail: 'checksum mismatch' });
    expect(zh(problem)).toContain('文件已损坏或被改动');
  });

  it('a stamp was changed (the checksum covers stamps too)', async () => {
    const stamp = backup.tables.visits[0]?.stamps.notes ?? '';
    const parts = parseHlc(stamp);
    const damaged = text.replace(stamp, formatHlc({ ...parts, counter: parts.counter + 1 }));
    expect(damaged).not.toBe(text);
    expect(await refused(damaged)).toMatchObject({ code: 'damaged' });
  });

  it('the file is some other JSON, or not JSON at all, or not UTF-8', async () => {
    for (const other of [
      '{"name":"expert-trips","version":"1.0.0"}',
      '[1, 2, 3]',
      'null',
      '专家名单：张伟、李娜',
      '',
    ]) {
      const problem = await refused(other);
      expect(problem).toEqual({ code: 'not_backup' });
      expect(zh(problem)).toContain('这不是专家服务活动的备份文件');
    }
    expect(await refused(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ code: 'not_backup' });
  });

  it('the file was cut off', async () => {
    const problem = await refused(text.slice(0, Math.floor(text.length / 2)));
    expect(problem).toMatchObject({ code: 'damaged' });
    expect(zh(problem)).toContain('文件已损坏或被改动');
  });

  it('a newer version of the app wrote it', async () => {
    const v2 = text.replace('"version": 1,', '"version": 2,');
    expect(v2).not.toBe(text);
    const problem = await refused(v2);
    expect(problem).toEqual({ code: 'newer_version', version: 2 });
    expect(zh(problem)).toContain('由更新版本的应用导出，请先更新应用');
    expect(problemText('en', problem)).toContain('newer version of the app');
  });

  it('a record has an invalid field, naming the table and the record', async () => {
    const visitId = built.clinic.id;
    const bad = await rewritten((copy) => {
      const visit = copy.tables.visits.find((v) => v.id === visitId);
      if (visit) visit.data.date = '2025-13-45';
    });
    const problem = await refused(bad);
    expect(problem).toMatchObject({
      code: 'invalid_record',
      table: 'visits',
      recordId: visitId,
      field: 'date',
    });
    const position = backup.tables.visits.findIndex((v) => v.id === visitId) + 1;
    expect(zh(problem)).toBe(
      `文件中第 ${position} 条走访记录（${visitId}）有误：走访日期：请填写有效日期（年-月-日）`,
    );
  });

  it('a record of another trip is mixed in', async () => {
    const otherTrip = newId();
    const foreignId = newId();
    const bad = await rewritten((copy) => {
      const need = structuredClone(copy.tables.needs[0]);
      if (!need) return;
      need.id = foreignId;
      need.data.id = foreignId;
      need.data.tripId = otherTrip;
      copy.tables.needs.push(need);
      copy.counts.needs += 1;
    });
    const problem = await refused(bad);
    expect(problem).toEqual({
      code: 'foreign_record',
      table: 'needs',
      recordId: foreignId,
      tripId: otherTrip,
    });
    expect(zh(problem)).toContain('文件中混入了其他活动的记录（需求');
  });

  it('the counts do not match the records', async () => {
    const bad = await rewritten((copy) => {
      copy.counts.visits = 5;
    });
    expect(await refused(bad)).toMatchObject({ code: 'damaged' });
  });

  it('its changes are far ahead of this device’s clock', async () => {
    const ahead = Date.now() + 3 * 24 * 3600_000;
    const bad = await rewritten((copy) => {
      const visit = copy.tables.visits[0];
      if (visit) visit.stamps.notes = formatHlc({ wall: ahead, counter: 0, node: 'abcdef01' });
    });
    const problem = await refused(bad);
    expect(problem).toMatchObject({ code: 'clock_ahead' });
    expect(zh(problem)).toContain('超前约 3 天');
  });

  it('this device holds one of its ids in another trip', async () => {
    const mine = await b.trips.toCollection().first();
    const needId = backup.tables.needs[0]?.id ?? '';
    await createRecord(
      'needs',
      { id: needId, tripId: mine?.id ?? '', hostId: newId(), title: '本机需求' },
      b,
    );
    // The preview finds it before the user confirms, and the import itself refuses it too.
    expect(await previewImport(b, backup)).toEqual({
      ok: false,
      problem: { code: 'id_clash', table: 'needs', recordId: needId },
    });
    const problem = await refused(text);
    expect(problem).toEqual({ code: 'id_clash', table: 'needs', recordId: needId });
    expect(zh(problem)).toBe(`本机已有编号相同（${needId}）、但属于其他活动的需求。为免数据错乱，没有导入。`);
  });
});

describe('importing a backup accepts', () => {
  it('a re-indented copy with a byte-order mark (the checksum is over the data, not the layout)', async () => {
    const reindented = `\ufeff${JSON.stringify(JSON.parse(text), null, 4)}`;
    const result = await importTripBackup(b, new TextEncoder().encode(reindented));
    expect(result.ok).toBe(true);
    expect((await b.trips.get(built.trip.id))?.title).toBe(built.trip.title);
  });
});
