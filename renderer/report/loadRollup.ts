import {
  computeRollup,
  computeTripReport,
  matchesRollupFilter,
  type Rollup,
  type RollupFilter,
} from '../../shared/report';
import type { AppDatabase } from '../db/database';
import { loadReportInput, reportTables } from './loadReportInput';

/**
 * The roll-up across the trips on this device that match the filter, each trip counted by its own
 * report (so the roll-up and the trip reports can never disagree). One read transaction over every
 * table the reports read, so a sync landing meanwhile cannot mix two states into one total.
 */
export async function loadRollup(db: AppDatabase, filter: RollupFilter, today: string): Promise<Rollup> {
  return db.transaction('r', reportTables(db), async () => {
    const trips = await db.trips.filter((t) => t._deleted !== 1 && matchesRollupFilter(t, filter)).toArray();
    const reports = [];
    for (const trip of trips) {
      const input = await loadReportInput(db, trip.id, today);
      if (input) reports.push(computeTripReport(input));
    }
    return computeRollup(reports, filter);
  });
}
