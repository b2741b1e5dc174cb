import { createRecord } from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { applyPulledPage } from '../../../renderer/sync/applyPull';
import { completeCreditCode } from '../../../shared/creditCode';
import { formatHlc, HybridClock } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import type { Conflict } from '../../../shared/schemas';

/** Shared set-up of the reconcile tests: a fresh device database and the records a trip has. */
export function freshDb(): AppDatabase {
  const db = new AppDatabase(`test-${newId()}`);
  setDb(db);
  return db;
}

export const CODE = completeCreditCode('91500227MA5U71234');

/** A stamp of another device at `wall` (the server's conflict records carry the writers' stamps). */
export const stampAt = (wall: number, node = 'otherdevice') => formatHlc({ wall, counter: 0, node });

export async function seedTrip(db: AppDatabase) {
  const trip = await createRecord(
    'trips',
    {
      title: '2025年成渝地区双城经济圈专家团走进璧山',
      region: '重庆市璧山区',
      startDate: '2025-06-23',
      endDate: '2025-06-25',
    },
    db,
  );
  const li = await createRecord('experts', { name: '李工', title: '正高级工程师' }, db);
  const wang = await createRecord('experts', { name: '王教授', affiliation: '重庆大学' }, db);
  await createRecord('tripMembers', { tripId: trip.id, expertId: li.id, role: 'group_leader' }, db);
  await createRecord('tripMembers', { tripId: trip.id, expertId: wang.id }, db);
  return { trip, li, wang };
}

export async function seedVisit(
  db: AppDatabase,
  tripId: string,
  hostId: string,
  expertIds: string[],
  extra: Partial<{
    date: string;
    notes: string;
    needIds: string[];
    peopleTrained: number;
    location: string;
  }> = {},
) {
  return createRecord(
    'visits',
    {
      tripId,
      hostId,
      date: extra.date ?? '2025-06-23',
      expertIds,
      needIds: extra.needIds ?? [],
      activities: [{ type: 'technical_guidance', count: 1 }],
      notes: extra.notes ?? '',
      peopleTrained: extra.peopleTrained ?? 0,
      location: extra.location ?? '',
    },
    db,
  );
}

/**
 * Writes conflict records into the device exactly as the sync engine stores what the server sends:
 * through applyPulledPage, with the server's stamps.
 */
export async function pullConflicts(
  db: AppDatabase,
  conflicts: (Partial<Conflict> & Pick<Conflict, 'table' | 'recordId' | 'field'>)[],
): Promise<Conflict[]> {
  const now = Date.now();
  const made: Conflict[] = conflicts.map((c) => ({
    id: newId(),
    createdAt: new Date(now).toISOString(),
    tripId: '',
    currentValue: null,
    currentStamp: stampAt(now - 60_000, 'devicea'),
    currentBy: '',
    otherValue: null,
    otherStamp: stampAt(now - 120_000, 'deviceb'),
    otherBy: '',
    resolution: 'open',
    resolvedBy: '',
    resolvedAt: '',
    ...c,
  }));
  const serverStamp = stampAt(now - 1000, 'server');
  await applyPulledPage(
    db,
    {
      changes: made.map((c, i) => ({
        seq: i + 1,
        table: 'conflicts',
        recordId: c.id,
        scope: c.tripId || 'directory',
        data: { ...c, _deleted: false },
        stamps: Object.fromEntries([...Object.keys(c), '_deleted'].map((f) => [f, serverStamp])),
      })),
      cursors: {},
      scopes: [],
      hasMore: false,
      serverTime: now,
    },
    new HybridClock('testclock'),
  );
  return made;
}
