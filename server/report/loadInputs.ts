import { namedDirectoryIds, type ReportInput } from '../../shared/report';
import { type RecordOf, type RecordTable, recordSchemas } from '../../shared/schemas';
import { DIRECTORY_SCOPE } from '../../shared/sync/scope';
import type { Queryable } from '../db/index';

/**
 * The server's side of loadReportInput (renderer/report/loadReportInput.ts): the live records of some
 * trips and the directory entries they name, read from the `records` table. Tombstones (data._deleted
 * true) are left out in SQL; every row is parsed with its record schema, as the device stores it, so the
 * shared computeTripReport sees the same records on both sides. Call inside one transaction so all trips
 * come from one snapshot.
 */

/** The trip tables a report reads (comments, merges and conflicts do not count towards anything). */
const TRIP_TABLES = [
  'trips',
  'visits',
  'problems',
  'recommendations',
  'agreements',
  'needs',
  'tripMembers',
  'followUps',
] as const satisfies readonly RecordTable[];
type TripTable = (typeof TRIP_TABLES)[number];

type Row = { tbl: string; scope: string; data: Record<string, unknown> };

/** Arrays travel as JSON text: the two drivers serialise JS arrays differently (see server/db). */
const LIVE_ROWS = `select tbl, scope, data from records
  where tbl in (select jsonb_array_elements_text($1::text::jsonb))
    and (data->>'_deleted') is distinct from 'true'`;

/** A row parsed as its record; undefined if it does not parse (push validates, so only very old data). */
function parseRow<T extends RecordTable>(table: T, data: unknown): RecordOf<T> | undefined {
  const result = recordSchemas[table].safeParse(data);
  return result.success ? (result.data as RecordOf<T>) : undefined;
}

type TripRecords = { [T in TripTable]: RecordOf<T>[] };
const emptyTripRecords = (): TripRecords => ({
  trips: [],
  visits: [],
  problems: [],
  recommendations: [],
  agreements: [],
  needs: [],
  tripMembers: [],
  followUps: [],
});

/** The live trips among these scopes, parsed (for choosing the trips of a roll-up before loading them). */
export async function loadLiveTrips(db: Queryable, scopes: readonly string[]): Promise<RecordOf<'trips'>[]> {
  if (scopes.length === 0) return [];
  const rows = await db.query<Row>(
    `${LIVE_ROWS} and scope in (select jsonb_array_elements_text($2::text::jsonb))`,
    [JSON.stringify(['trips']), JSON.stringify(scopes)],
  );
  return rows.flatMap((row) => parseRow('trips', row.data) ?? []);
}

export type LoadedInputs = { inputs: ReportInput[]; unreadableRows: number };

/** One ReportInput per live trip among `tripIds` (missing or deleted trips are simply absent). */
export async function loadReportInputs(
  db: Queryable,
  tripIds: readonly string[],
  today: string,
): Promise<LoadedInputs> {
  if (tripIds.length === 0) return { inputs: [], unreadableRows: 0 };
  let unreadableRows = 0;
  const rows = await db.query<Row>(
    `${LIVE_ROWS} and scope in (select jsonb_array_elements_text($2::text::jsonb))`,
    [JSON.stringify(TRIP_TABLES), JSON.stringify(tripIds)],
  );
  const byTrip = new Map<string, TripRecords>();
  for (const row of rows) {
    const table = row.tbl as TripTable;
    const record = parseRow(table, row.data);
    if (!record) {
      unreadableRows += 1;
      continue;
    }
    const records = byTrip.get(row.scope) ?? emptyTripRecords();
    (records[table] as unknown[]).push(record);
    byTrip.set(row.scope, records);
  }

  const trips = [...byTrip.values()].filter((r) => r.trips.length > 0);
  const named = trips.map((r) => namedDirectoryIds({ ...r, members: r.tripMembers }));
  const hostIds = new Set(named.flatMap((n) => n.hostIds));
  const expertIds = new Set(named.flatMap((n) => n.expertIds));
  const directory = await db.query<Row & { id: string }>(
    `${LIVE_ROWS} and scope = '${DIRECTORY_SCOPE}'
       and id in (select jsonb_array_elements_text($2::text::jsonb))`,
    [JSON.stringify(['hosts', 'experts']), JSON.stringify([...hostIds, ...expertIds])],
  );
  const hosts = new Map<string, RecordOf<'hosts'>>();
  const experts = new Map<string, RecordOf<'experts'>>();
  for (const row of directory) {
    const record = row.tbl === 'hosts' ? parseRow('hosts', row.data) : parseRow('experts', row.data);
    if (!record) unreadableRows += 1;
    else if (row.tbl === 'hosts') hosts.set(record.id, record as RecordOf<'hosts'>);
    else experts.set(record.id, record as RecordOf<'experts'>);
  }

  const inputs = trips.map((r, i): ReportInput => {
    const ids = named[i] ?? { hostIds: [], expertIds: [] };
    return {
      trip: r.trips[0] as RecordOf<'trips'>,
      visits: r.visits,
      problems: r.problems,
      recommendations: r.recommendations,
      agreements: r.agreements,
      needs: r.needs,
      members: r.tripMembers,
      followUps: r.followUps,
      hosts: ids.hostIds.flatMap((id) => hosts.get(id) ?? []),
      experts: ids.expertIds.flatMap((id) => experts.get(id) ?? []),
      today,
    };
  });
  return { inputs, unreadableRows };
}
