import {
  type BackupRecord,
  type BackupTables,
  buildBackup,
  type TripBackup,
} from '../../shared/backup/format';
import { namedDirectoryIds, TRIP_TABLES } from '../../shared/backup/tripScope';
import type { RecordTable } from '../../shared/schemas';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { AppDatabase } from '../db/database';
import { domainFields } from '../db/rows';

/**
 * The complete backup of one trip as it is on this device (see shared/backup/format.ts).
 *
 * Read in ONE read transaction, so a sync landing meanwhile cannot make the file mix two states (a visit
 * without the host it names). Tombstones are included on purpose. Records are sorted by id, so exporting
 * unchanged data twice gives the same `tables` and checksum. Works wherever Dexie does (window, worker).
 */
export class TripNotOnDeviceError extends Error {
  constructor(readonly tripId: string) {
    super(`Trip ${tripId} is not on this device`);
    this.name = 'TripNotOnDeviceError';
  }
}

type Row = Record<string, unknown> & { id: string; _deleted: 0 | 1; _stamps: Record<string, string> };

function toBackupRecord(row: Row): BackupRecord {
  return { id: row.id, data: domainFields(row), stamps: { ...row._stamps }, deleted: row._deleted === 1 };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function createTripBackup(
  db: AppDatabase,
  tripId: string,
  exportedAt: string,
): Promise<TripBackup> {
  const tables = TRIP_TABLES.map((t) => db.table(t));
  const collected = await db.transaction('r', [...tables, db.experts, db.hosts], async () => {
    const trip = (await db.trips.get(tripId)) as Row | undefined;
    if (!trip) throw new TripNotOnDeviceError(tripId);
    const rows: Partial<Record<RecordTable, Row[]>> = { trips: [trip] };
    for (const table of TRIP_TABLES) {
      if (table === 'trips') continue;
      rows[table] = (await db.table(table).where('tripId').equals(tripId).toArray()) as Row[];
    }
    const named = namedDirectoryIds(rows);
    const [hosts, experts] = await Promise.all([
      db.hosts.bulkGet([...named.hosts]),
      db.experts.bulkGet([...named.experts]),
    ]);
    // A name pointing at an entry this device never received is left out (there is nothing to back up).
    rows.hosts = hosts.filter((r) => r !== undefined) as unknown as Row[];
    rows.experts = experts.filter((r) => r !== undefined) as unknown as Row[];
    return { title: String(trip.title ?? ''), rows };
  });
  const out = {} as BackupTables;
  for (const [table, list] of Object.entries(collected.rows) as [RecordTable, Row[]][]) {
    out[table] = list.map(toBackupRecord).sort(byId);
  }
  return buildBackup({
    exportedAt,
    protocolVersion: PROTOCOL_VERSION,
    trip: { id: tripId, title: collected.title },
    tables: out,
  });
}
