import { namedDirectoryIds } from '../../shared/report/namedIds';
import type { ReportInput } from '../../shared/report/tripReport';
import type { RecordOf, RecordTable } from '../../shared/schemas';
import type { AppDatabase } from '../db/database';
import { domainFields } from '../db/rows';

/**
 * Everything `computeTripReport` needs for one trip, read from the device in ONE read transaction (a
 * sync landing meanwhile cannot make the report mix two states). Tombstones are dropped here; the
 * rules about what counts (rejected visits…) live in shared/report.
 *
 * Plain async code over Dexie: the report screen, the export worker (Dexie works in a Web Worker on the
 * same database) and tests all call it.
 */
type TripTable =
  | 'visits'
  | 'problems'
  | 'recommendations'
  | 'agreements'
  | 'needs'
  | 'tripMembers'
  | 'followUps';

async function liveOfTrip<T extends TripTable>(
  db: AppDatabase,
  table: T,
  tripId: string,
): Promise<RecordOf<T>[]> {
  const rows = await db.records(table).where('tripId').equals(tripId).toArray();
  return rows.filter((r) => r._deleted !== 1).map((r) => domainFields(r) as RecordOf<T>);
}

async function liveByIds<T extends RecordTable>(
  db: AppDatabase,
  table: T,
  ids: readonly string[],
): Promise<RecordOf<T>[]> {
  const rows = await db.records(table).bulkGet([...ids]);
  return rows
    .filter((r): r is NonNullable<typeof r> => r !== undefined && r._deleted !== 1)
    .map((r) => domainFields(r) as RecordOf<T>);
}

/** Every table a report reads: one read transaction over them sees one state of the device. */
export function reportTables(db: AppDatabase) {
  return [
    db.trips,
    db.visits,
    db.problems,
    db.recommendations,
    db.agreements,
    db.needs,
    db.tripMembers,
    db.followUps,
    db.hosts,
    db.experts,
  ];
}

/** undefined when the trip is not on the device (or deleted). */
export async function loadReportInput(
  db: AppDatabase,
  tripId: string,
  today: string,
): Promise<ReportInput | undefined> {
  return db.transaction('r', reportTables(db), async () => {
    const tripRow = await db.trips.get(tripId);
    if (!tripRow || tripRow._deleted === 1) return undefined;
    const [visits, problems, recommendations, agreements, needs, members, followUps] = await Promise.all([
      liveOfTrip(db, 'visits', tripId),
      liveOfTrip(db, 'problems', tripId),
      liveOfTrip(db, 'recommendations', tripId),
      liveOfTrip(db, 'agreements', tripId),
      liveOfTrip(db, 'needs', tripId),
      liveOfTrip(db, 'tripMembers', tripId),
      liveOfTrip(db, 'followUps', tripId),
    ]);
    const { hostIds, expertIds } = namedDirectoryIds({
      visits,
      needs,
      agreements,
      problems,
      followUps,
      members,
    });
    const [hosts, experts] = await Promise.all([
      liveByIds(db, 'hosts', hostIds),
      liveByIds(db, 'experts', expertIds),
    ]);
    return {
      trip: domainFields(tripRow) as RecordOf<'trips'>,
      visits,
      problems,
      recommendations,
      agreements,
      needs,
      members,
      followUps,
      hosts,
      experts,
      today,
    };
  });
}
