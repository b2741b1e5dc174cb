import { useLiveQuery } from 'dexie-react-hooks';
import { computeTripReport, type TripReport } from '../../shared/report';
import { todayIso } from '../data/today';
import { getDb } from '../db/database';
import { loadReportInput } from './loadReportInput';

/**
 * The trip's report, live: recomputed whenever any record it reads changes (an edit on this device or a
 * sync landing). undefined while loading; null when the trip is not on this device (or was deleted).
 */
export function useTripReport(tripId: string | undefined): TripReport | null | undefined {
  const today = todayIso();
  return useLiveQuery(async () => {
    if (!tripId) return null;
    const input = await loadReportInput(getDb(), tripId, today);
    return input ? computeTripReport(input) : null;
  }, [tripId, today]);
}
