import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';

export type TripCounts = { visits: number; members: number };

/**
 * Visits and team members per trip, for the trips list. Counting walks the two tables once
 * (cheap next to rendering); the live query re-counts when either table changes.
 */
export function useTripCounts(): Map<string, TripCounts> {
  return (
    useLiveQuery(async () => {
      const db = getDb();
      const counts = new Map<string, TripCounts>();
      const entry = (tripId: string) => {
        let c = counts.get(tripId);
        if (!c) {
          c = { visits: 0, members: 0 };
          counts.set(tripId, c);
        }
        return c;
      };
      await db.visits.each((v) => {
        if (v._deleted === 0) entry(v.tripId).visits += 1;
      });
      await db.tripMembers.each((m) => {
        if (m._deleted === 0) entry(m.tripId).members += 1;
      });
      return counts;
    }, []) ?? new Map()
  );
}
