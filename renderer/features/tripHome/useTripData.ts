import { useMemo } from 'react';
import { useTripRecords } from '../../data/hooks';

/** Every live record of one trip that the figures read; undefined until all have loaded. */
export function useTripData(tripId: string | undefined) {
  const visits = useTripRecords('visits', tripId);
  const problems = useTripRecords('problems', tripId);
  const recommendations = useTripRecords('recommendations', tripId);
  const agreements = useTripRecords('agreements', tripId);
  const needs = useTripRecords('needs', tripId);
  const members = useTripRecords('tripMembers', tripId);
  const followUps = useTripRecords('followUps', tripId);
  // One object per change of any table, so figures are recomputed only when a record changed.
  return useMemo(() => {
    if (!visits || !problems || !recommendations || !agreements || !needs || !members || !followUps) {
      return undefined;
    }
    return { visits, problems, recommendations, agreements, needs, members, followUps };
  }, [visits, problems, recommendations, agreements, needs, members, followUps]);
}

export type TripData = NonNullable<ReturnType<typeof useTripData>>;
