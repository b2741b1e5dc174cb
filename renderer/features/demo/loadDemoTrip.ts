import {
  buildDemoTrip,
  DEMO_TABLE_ORDER,
  type DemoOptions,
  type DemoTable,
  type DemoTrip,
} from '../../../shared/demo/demoTrip';
import { findSameExpert, findSameHost, reuseDirectoryEntries } from '../../../shared/demo/reuse';
import { recordTables } from '../../../shared/schemas';
import { getClock } from '../../data/clock';
import { createRecord } from '../../data/repository';
import { type AppDatabase, getDb } from '../../db/database';
import { useSettings } from '../../state/settings';

/**
 * Fills the app with the demo trip (璧山 2025) and makes it the current trip; returns its id.
 *
 * Everything is written through the repository (validation, HLC stamps, outbox, search index) inside
 * ONE outer transaction over every table the repository touches; the repository's own transactions
 * nest inside it. So the demo is loaded completely or — after any error or a crash — not at all.
 * Experts and hosts already in the directory are reused, so loading it again adds a trip, not
 * duplicate directory entries.
 */
export async function loadDemoTrip(options: DemoOptions = {}): Promise<string> {
  const db = getDb();
  const demo = buildDemoTrip(options);
  // Made before the transaction: if the clock's first use (which saves the device's node id) happened
  // inside it, a rollback would undo the saved node id while the clock in memory kept using it.
  await getClock(db);
  const tables = [...recordTables.map((table) => db.table(table)), db.outbox, db.meta, db.search];
  const tripId = await db.transaction('rw', tables, async () => {
    const plan = await withExistingDirectory(db, demo);
    for (const table of DEMO_TABLE_ORDER) await writeAll(db, table, plan[table]);
    const trip = plan.trips[0];
    if (!trip) throw new Error('The demo has no trip');
    return trip.id;
  });
  useSettings.getState().setCurrentTrip(tripId);
  return tripId;
}

async function writeAll<T extends DemoTable>(db: AppDatabase, table: T, rows: DemoTrip[T]): Promise<void> {
  // One after another: each write stamps the clock and appends to the outbox in order.
  for (const row of rows) await createRecord(table, row, db);
}

async function withExistingDirectory(db: AppDatabase, demo: DemoTrip): Promise<DemoTrip> {
  const experts = new Map<string, string>();
  for (const expert of demo.experts) {
    const namesakes = await db.experts.where('name').equals(expert.name).toArray();
    const same = findSameExpert(
      expert,
      namesakes.filter((e) => e._deleted === 0),
    );
    if (same) experts.set(expert.id, same.id);
  }
  const hosts = new Map<string, string>();
  for (const host of demo.hosts) {
    const candidates = host.creditCode
      ? await db.hosts.where('creditCode').equals(host.creditCode).toArray()
      : await db.hosts.where('name').equals(host.name).toArray();
    const same = findSameHost(
      host,
      candidates.filter((h) => h._deleted === 0),
    );
    if (same) hosts.set(host.id, same.id);
  }
  return reuseDirectoryEntries(demo, experts, hosts);
}
