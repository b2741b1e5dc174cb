import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, deleteRecord, RecordValidationError } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { ConflictError, resolveConflict } from '../../../renderer/reconcile/conflicts';
import { freshDb, pullConflicts, seedTrip, seedVisit } from './fixtures';

let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});

async function setUp() {
  const { trip, li, wang } = await seedTrip(db);
  const host = await createRecord('hosts', { name: '重庆金泰热处理有限公司' }, db);
  const visit = await seedVisit(db, trip.id, host.id, [li.id], {
    notes: '现场查看淬火线',
    peopleTrained: 30,
  });
  await db.outbox.clear();
  return { trip, li, wang, host, visit };
}

const outbox = () => db.outbox.toArray();

/** A conflict on one field of the set-up visit, as the server sends it. */
const onVisit = (
  visit: { id: string; tripId: string },
  field: string,
  currentValue: unknown,
  otherValue: unknown,
) => ({
  tripId: visit.tripId,
  table: 'visits' as const,
  recordId: visit.id,
  field,
  currentValue,
  otherValue,
});

describe('resolveConflict', () => {
  it('keep current writes only the conflict record', async () => {
    const { trip, visit } = await setUp();
    const [conflict] = await pullConflicts(db, [
      {
        tripId: trip.id,
        table: 'visits',
        recordId: visit.id,
        field: 'peopleTrained',
        currentValue: 30,
        otherValue: 45,
        currentBy: '李工',
        otherBy: '王教授',
      },
    ]);
    await resolveConflict(conflict?.id ?? '', 'kept_current', undefined, { by: '张组织' });

    expect((await db.visits.get(visit.id))?.peopleTrained).toBe(30);
    const entries = await outbox();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ table: 'conflicts', recordId: conflict?.id, scope: trip.id });
    expect(entries[0]?.changes).toEqual({
      resolution: 'kept_current',
      resolvedBy: '张组织',
      resolvedAt: expect.any(String),
    });
    expect((await db.conflicts.get(conflict?.id ?? ''))?.resolution).toBe('kept_current');
  });

  it('use the other value writes the record field with that value, then the conflict, as ordinary writes', async () => {
    const { visit } = await setUp();
    const [conflict] = await pullConflicts(db, [onVisit(visit, 'peopleTrained', 30, 45)]);
    await resolveConflict(conflict?.id ?? '', 'kept_other', undefined, { by: '张组织' });

    expect((await db.visits.get(visit.id))?.peopleTrained).toBe(45);
    const entries = await outbox();
    expect(entries.map((e) => e.table)).toEqual(['visits', 'conflicts']);
    expect(entries[0]?.changes).toEqual({ peopleTrained: 45 });
    expect(entries[1]?.changes).toMatchObject({ resolution: 'kept_other', resolvedBy: '张组织' });
  });

  it('is one transaction: a failure writing the conflict leaves the record untouched', async () => {
    const { visit } = await setUp();
    const [conflict] = await pullConflicts(db, [onVisit(visit, 'notes', '现场查看淬火线', '指导渗碳工艺')]);
    const put = vi.spyOn(db.table('conflicts'), 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      resolveConflict(conflict?.id ?? '', 'kept_other', undefined, { by: '张组织' }),
    ).rejects.toThrow('disk full');
    put.mockRestore();
    expect((await db.visits.get(visit.id))?.notes).toBe('现场查看淬火线');
    expect(await outbox()).toEqual([]);
    expect((await db.conflicts.get(conflict?.id ?? ''))?.resolution).toBe('open');
  });

  it('an edited value is validated with the record schema; nothing is written when it does not fit', async () => {
    const { visit } = await setUp();
    const [conflict] = await pullConflicts(db, [onVisit(visit, 'peopleTrained', 30, 45)]);
    const id = conflict?.id ?? '';
    const error = await resolveConflict(id, 'edited', -3, { by: '张组织' }).catch((e) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues[0]).toMatchObject({
      path: ['peopleTrained'],
      message: 'v.nonNegative',
    });
    expect(await outbox()).toEqual([]);

    await resolveConflict(id, 'edited', 40, { by: '张组织' });
    expect((await db.visits.get(visit.id))?.peopleTrained).toBe(40);
    expect((await db.conflicts.get(id))?.resolution).toBe('edited');
  });

  it('settles every open round on the same field, and leaves other fields open', async () => {
    const { visit } = await setUp();
    const [first, second, otherField] = await pullConflicts(db, [
      onVisit(visit, 'notes', 'B', 'A'),
      onVisit(visit, 'notes', '现场查看淬火线', 'B'),
      onVisit(visit, 'location', '', '一号车间'),
    ]);
    await resolveConflict(first?.id ?? '', 'kept_other', undefined, { by: '张组织' });
    expect((await db.visits.get(visit.id))?.notes).toBe('A');
    expect((await db.conflicts.get(first?.id ?? ''))?.resolution).toBe('kept_other');
    // The later round lost 'B'; the field now holds neither of its values.
    expect((await db.conflicts.get(second?.id ?? ''))?.resolution).toBe('edited');
    expect((await db.conflicts.get(otherField?.id ?? ''))?.resolution).toBe('open');
  });

  it('refuses to write to a deleted record, but keeping the current value still closes the conflict', async () => {
    const { visit } = await setUp();
    const [conflict] = await pullConflicts(db, [onVisit(visit, 'notes', 'x', 'y')]);
    await deleteRecord('visits', visit.id, db);
    await db.outbox.clear();
    const error = await resolveConflict(conflict?.id ?? '', 'kept_other', undefined, { by: '张组织' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).problem).toBe('recordGone');
    expect(await outbox()).toEqual([]);
    await resolveConflict(conflict?.id ?? '', 'kept_current', undefined, { by: '张组织' });
    expect((await db.conflicts.get(conflict?.id ?? ''))?.resolution).toBe('kept_current');
  });

  it('refuses a conflict already resolved (on another device) or unknown', async () => {
    const { trip, visit } = await setUp();
    const [conflict] = await pullConflicts(db, [
      { tripId: trip.id, table: 'visits', recordId: visit.id, field: 'notes', resolution: 'kept_current' },
    ]);
    await expect(resolveConflict(conflict?.id ?? '', 'kept_other')).rejects.toMatchObject({
      problem: 'resolved',
    });
    await expect(
      resolveConflict('0197a000-0000-7000-8000-00000000abcd', 'kept_current'),
    ).rejects.toMatchObject({
      problem: 'missing',
    });
  });

  it('a directory conflict (a host) is resolved in the directory scope; the name comes from the session', async () => {
    const { host } = await setUp();
    await db.meta.put({
      key: 'sync.user',
      value: { id: 'u1', username: 'zhang', displayName: '张组织', role: 'organiser' },
    });
    const [conflict] = await pullConflicts(db, [
      {
        tripId: '',
        table: 'hosts',
        recordId: host.id,
        field: 'district',
        currentValue: '',
        otherValue: '璧山区',
      },
    ]);
    await resolveConflict(conflict?.id ?? '', 'kept_other');
    expect((await db.hosts.get(host.id))?.district).toBe('璧山区');
    const entries = await outbox();
    expect(entries.map((e) => [e.table, e.scope])).toEqual([
      ['hosts', 'directory'],
      ['conflicts', 'directory'],
    ]);
    expect(entries[1]?.changes.resolvedBy).toBe('张组织');
  });
});
