import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, checksumOf } from '../../../shared/backup/checksum';
import {
  BACKUP_FORMAT,
  type BackupRecord,
  type BackupTables,
  buildBackup,
  parseBackup,
  readBackup,
  serializeBackup,
} from '../../../shared/backup/format';
import { namedDirectoryIds } from '../../../shared/backup/tripScope';
import { formatHlc } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import { recordTables } from '../../../shared/schemas';

const stamp = (n: number) => formatHlc({ wall: 1_750_000_000_000 + n, counter: 0, node: 'a1b2c3d4' });

function record(data: Record<string, unknown>, deleted = false): BackupRecord {
  const stamps = Object.fromEntries(
    Object.keys(data)
      .filter((k) => k !== 'id')
      .map((k, i) => [k, stamp(i)]),
  );
  return { id: String(data.id), data, stamps: { ...stamps, _deleted: stamp(99) }, deleted };
}

function emptyTables(): BackupTables {
  return Object.fromEntries(recordTables.map((t) => [t, []])) as unknown as BackupTables;
}

const tripId = newId();
function minimalTables(): BackupTables {
  const tables = emptyTables();
  tables.trips.push(
    record({
      id: tripId,
      title: '走进眉山',
      region: '眉山市',
      startDate: '2023-09-20',
      endDate: '2023-09-21',
    }),
  );
  return tables;
}

async function textOf(tables: BackupTables): Promise<string> {
  return serializeBackup(
    await buildBackup({
      exportedAt: '2023-09-22T02:00:00.000Z',
      protocolVersion: 1,
      trip: { id: tripId, title: '走进眉山' },
      tables,
    }),
  );
}

describe('canonical JSON and checksum', () => {
  it('sorts keys at every depth and keeps list order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ x: undefined, y: '璧山' })).toBe('{"y":"璧山"}');
    expect(canonicalJson([1, undefined])).toBe('[1,null]');
  });

  it('is SHA-256 of the canonical UTF-8 text, whatever the key order', async () => {
    const value = { visits: [{ id: 'x', data: { title: '主轴温升', n: 1 } }], trips: [] };
    const expected = createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
    expect(await checksumOf(value)).toBe(`sha256:${expected}`);
    expect(await checksumOf({ trips: [], visits: [{ data: { n: 1, title: '主轴温升' }, id: 'x' }] })).toBe(
      `sha256:${expected}`,
    );
    expect(
      await checksumOf({ trips: [], visits: [{ data: { n: 1, title: '主轴温度' }, id: 'x' }] }),
    ).not.toBe(`sha256:${expected}`);
  });
});

describe('serializeBackup and parseBackup', () => {
  it('writes readable JSON with the summary before the records, and reads it back', async () => {
    const text = await textOf(minimalTables());
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format',
      'version',
      'exportedAt',
      'app',
      'trip',
      'counts',
      'checksum',
      'tables',
    ]);
    expect(Object.keys(JSON.parse(text).tables)).toEqual(recordTables);
    const parsed = await readBackup(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.backup.tables.trips[0]?.data.title).toBe('走进眉山');
  });

  it('refuses a version that is not a whole number as damaged, a higher one as newer', async () => {
    const text = await textOf(minimalTables());
    expect(parseBackup(text.replace('"version": 1', '"version": "1"'))).toMatchObject({
      ok: false,
      problem: { code: 'damaged' },
    });
    expect(parseBackup(text.replace('"version": 1', '"version": 3'))).toEqual({
      ok: false,
      problem: { code: 'newer_version', version: 3 },
    });
    expect(parseBackup(text.replace(BACKUP_FORMAT, 'other-app/backup'))).toEqual({
      ok: false,
      problem: { code: 'not_backup' },
    });
  });

  it('refuses a file without its trip record, or without one of the tables', async () => {
    expect(parseBackup(await textOf(emptyTables()))).toMatchObject({
      ok: false,
      problem: { code: 'damaged' },
    });
    const text = await textOf(minimalTables());
    const copy = JSON.parse(text);
    delete copy.tables.merges;
    delete copy.counts.merges;
    expect(parseBackup(JSON.stringify(copy))).toMatchObject({ ok: false, problem: { code: 'damaged' } });
  });

  it('refuses a stamp for a field the record does not have, and a duplicated id', async () => {
    const stray = minimalTables();
    const trip = stray.trips[0] as BackupRecord;
    trip.stamps.status = stamp(5);
    expect(parseBackup(await textOf(stray))).toMatchObject({ ok: false, problem: { code: 'damaged' } });

    const twice = minimalTables();
    const host = record({ id: newId(), name: '眉山某某公司' });
    twice.hosts.push(host, structuredClone(host));
    expect(parseBackup(await textOf(twice))).toMatchObject({ ok: false, problem: { code: 'damaged' } });
  });

  it('does not validate tombstones (a deleted record only has to stay deleted) but does validate live records', async () => {
    const tables = minimalTables();
    tables.problems.push(record({ id: newId(), tripId, visitId: newId(), title: '' }, true));
    expect(parseBackup(await textOf(tables)).ok).toBe(true);
    tables.problems.push(record({ id: newId(), tripId, visitId: newId(), title: '' }));
    expect(parseBackup(await textOf(tables))).toMatchObject({
      ok: false,
      problem: {
        code: 'invalid_record',
        table: 'problems',
        position: 2,
        field: 'title',
        issue: { message: 'v.required' },
      },
    });
  });

  it('refuses a second trip record as a record of another trip', async () => {
    const tables = minimalTables();
    const other = newId();
    tables.trips.push(
      record({
        id: other,
        title: '走进长治',
        region: '长治市',
        startDate: '2022-04-01',
        endDate: '2022-04-02',
      }),
    );
    expect(parseBackup(await textOf(tables))).toMatchObject({
      ok: false,
      problem: { code: 'foreign_record', table: 'trips', recordId: other },
    });
  });
});

describe('namedDirectoryIds', () => {
  it('follows host references (host follow-ups only), both ends of host merges, and expert fields', () => {
    const [h1, h2, h3, h4, e1, e2, e3] = Array.from({ length: 7 }, () => newId());
    const named = namedDirectoryIds({
      visits: [{ hostId: h1, expertIds: [e1, e2] }],
      followUps: [
        { relatedType: 'host', relatedId: h2 },
        { relatedType: 'visit', relatedId: newId() },
      ],
      merges: [
        { table: 'hosts', fromId: h3, intoId: h4 },
        { table: 'visits', fromId: newId(), intoId: newId() },
      ],
      tripMembers: [{ expertId: e3 }],
      problems: [{ hostId: '' }],
    });
    expect([...named.hosts].sort()).toEqual([h1, h2, h3, h4].sort());
    expect([...named.experts].sort()).toEqual([e1, e2, e3].sort());
  });
});
