import { putBlobIfAbsent } from '../../../renderer/attachments/blobStore';
import { createRecord, deleteRecord, updateRecord } from '../../../renderer/data/repository';
import { AppDatabase } from '../../../renderer/db/database';
import { sha256Hex } from '../../../shared/backup/checksum';
import type { BackupTables } from '../../../shared/backup/format';
import { newId } from '../../../shared/ids';
import { recordTables } from '../../../shared/schemas';
import { solidPng } from '../export/images';

/** A device of its own: a fresh IndexedDB database (fake-indexeddb in tests). */
export function newDevice(): AppDatabase {
  return new AppDatabase(`test-${newId()}`);
}

export type BuiltTrip = Awaited<ReturnType<typeof buildTrip>>;

/**
 * A small but complete trip written through the repository, as a user would: the directory (two hosts,
 * two experts, one host and one expert that the trip does not name), team, a need, two visits (one
 * edited after creation), problems (one deleted: a tombstone), a recommendation, an agreement, a
 * follow-up, a review comment, a host merge and a conflict record.
 */
export async function buildTrip(
  db: AppDatabase,
  title = '2025年成渝地区双城经济圈专家团“走进璧山”',
  options: { conflictRecord?: boolean } = {},
) {
  const trip = await createRecord(
    'trips',
    {
      title,
      region: '重庆市璧山区',
      startDate: '2025-06-23',
      endDate: '2025-06-25',
      organisers: ['重庆市人力资源和社会保障局'],
      status: 'active',
    },
    db,
  );
  const zhang = await createRecord('experts', { name: '张伟', title: '教授', affiliation: '四川大学' }, db);
  const li = await createRecord('experts', { name: '李娜', title: '主任医师' }, db);
  const unrelatedExpert = await createRecord('experts', { name: '王五' }, db);
  const factory = await createRecord(
    'hosts',
    { name: '重庆璧山精密制造有限公司', kind: 'enterprise', district: '璧山区' },
    db,
  );
  const hospital = await createRecord('hosts', { name: '璧山区人民医院', kind: 'hospital' }, db);
  const duplicate = await createRecord('hosts', { name: '璧山精密制造公司' }, db);
  const unrelatedHost = await createRecord('hosts', { name: '眉山某某公司' }, db);
  await createRecord('tripMembers', { tripId: trip.id, expertId: zhang.id, role: 'chief_expert' }, db);
  await createRecord('tripMembers', { tripId: trip.id, expertId: li.id }, db);
  const need = await createRecord(
    'needs',
    { tripId: trip.id, hostId: factory.id, title: '数控机床精度提升', expertIds: [zhang.id] },
    db,
  );
  const visit = await createRecord(
    'visits',
    {
      tripId: trip.id,
      hostId: factory.id,
      needIds: [need.id],
      date: '2025-06-23',
      expertIds: [zhang.id],
      activities: [{ type: 'technical_guidance', count: 1, topic: '主轴热变形' }],
      peopleTrained: 12,
      notes: '初稿',
    },
    db,
  );
  await updateRecord(
    'visits',
    visit.id,
    { notes: '与企业技术骨干座谈，现场查看生产线', beneficiaries: 30 },
    db,
  );
  const clinic = await createRecord(
    'visits',
    {
      tripId: trip.id,
      hostId: hospital.id,
      date: '2025-06-24',
      expertIds: [li.id],
      activities: [{ type: 'outpatient', count: 40 }],
    },
    db,
  );
  const problem = await createRecord(
    'problems',
    { tripId: trip.id, visitId: visit.id, hostId: factory.id, title: '主轴温升过快', category: 'hard' },
    db,
  );
  const wrong = await createRecord(
    'problems',
    { tripId: trip.id, visitId: visit.id, hostId: factory.id, title: '误录的问题' },
    db,
  );
  await deleteRecord('problems', wrong.id, db);
  await createRecord(
    'recommendations',
    { tripId: trip.id, visitId: visit.id, problemId: problem.id, text: '加装冷却循环系统' },
    db,
  );
  const agreement = await createRecord(
    'agreements',
    {
      tripId: trip.id,
      hostId: factory.id,
      visitId: visit.id,
      title: '技术合作协议',
      status: 'signed',
      signedDate: '2025-06-25',
      expertIds: [zhang.id],
    },
    db,
  );
  await createRecord(
    'followUps',
    { tripId: trip.id, relatedType: 'visit', relatedId: visit.id, action: '每月回访', dueDate: '2025-07-25' },
    db,
  );
  await createRecord(
    'comments',
    {
      tripId: trip.id,
      recordTable: 'visits',
      recordId: clinic.id,
      body: '请补充门诊人次',
      authorName: '组织方',
    },
    db,
  );
  await createRecord(
    'merges',
    { tripId: trip.id, table: 'hosts', fromId: duplicate.id, intoId: factory.id, fromLabel: duplicate.name },
    db,
  );
  await deleteRecord('hosts', duplicate.id, db);
  // Only the server makes conflict records; tests that sync leave this one out.
  if (options.conflictRecord !== false)
    await createRecord(
      'conflicts',
      {
        tripId: trip.id,
        table: 'visits',
        recordId: visit.id,
        field: 'notes',
        currentValue: '与企业技术骨干座谈，现场查看生产线',
        currentStamp: '',
        otherValue: '座谈',
        otherStamp: '',
      },
      db,
    );
  return {
    trip,
    visit,
    clinic,
    problem,
    wrong,
    agreement,
    factory,
    hospital,
    duplicate,
    unrelatedHost,
    zhang,
    li,
    unrelatedExpert,
  };
}

/** Every row of every table of a device (records, outbox, meta, search…), for "nothing changed" checks. */
export async function snapshot(db: AppDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The stored rows of the given ids, per table, sorted by id. */
export async function rowsOf(db: AppDatabase, ids: Record<string, string[]>) {
  const out: Record<string, unknown[]> = {};
  for (const [table, list] of Object.entries(ids)) {
    const rows = await db.table(table).bulkGet([...list].sort());
    out[table] = rows;
  }
  return out;
}

/** The ids per table that a backup holds. */
export function idsOf(tables: BackupTables): Record<string, string[]> {
  return Object.fromEntries(recordTables.map((t) => [t, tables[t].map((r) => r.id)]));
}

/** One photo's bytes and name. */
export type FixtureFile = { hash: string; bytes: Uint8Array<ArrayBuffer>; type: 'image/png' };

async function fixtureFile(
  rgb: [number, number, number],
  width: number,
  height: number,
): Promise<FixtureFile> {
  const bytes = solidPng(width, height, rgb);
  return { hash: await sha256Hex(bytes), bytes, type: 'image/png' };
}

/**
 * Photos on a built trip, stored the way the attachments core stores them (putBlobIfAbsent + records
 * through the repository): `red` attached twice (the factory visit and the clinic visit: one hash, two
 * records), `blue` once, and `absent` — a record whose bytes never reached this device.
 */
export async function attachPhotos(db: AppDatabase, built: BuiltTrip) {
  const red = await fixtureFile([200, 30, 30], 40, 30);
  const blue = await fixtureFile([30, 30, 200], 20, 40);
  const absent = await fixtureFile([30, 200, 30], 10, 10);
  const now = Date.parse('2025-06-23T09:00:00Z');
  for (const f of [red, blue]) {
    await putBlobIfAbsent(
      db,
      { hash: f.hash, blob: new Blob([f.bytes], { type: f.type }), type: f.type, size: f.bytes.byteLength },
      now,
    );
  }
  const photo = (visitId: string, f: FixtureFile, caption: string, width: number, height: number) =>
    createRecord(
      'attachments',
      {
        tripId: built.trip.id,
        recordTable: 'visits',
        recordId: visitId,
        kind: 'photo',
        hash: f.hash,
        type: f.type,
        size: f.bytes.byteLength,
        caption,
        width,
        height,
      },
      db,
    );
  const redAtFactory = await photo(built.visit.id, red, '专家在生产线查看主轴', 40, 30);
  const redAtClinic = await photo(built.clinic.id, red, '', 40, 30);
  const blueAtFactory = await photo(built.visit.id, blue, '座谈会现场', 20, 40);
  const absentAtClinic = await photo(built.clinic.id, absent, '门诊现场', 10, 10);
  return { red, blue, absent, redAtFactory, redAtClinic, blueAtFactory, absentAtClinic };
}

/** The bytes of a stored blob, or undefined. */
export async function blobBytes(db: AppDatabase, hash: string): Promise<Uint8Array | undefined> {
  const row = await db.blobs.get(hash);
  return row ? new Uint8Array(await row.blob.arrayBuffer()) : undefined;
}
