import { useMemo } from 'react';
import { countedRecords } from '../../../shared/report';
import { useTripRecords } from '../../data/hooks';

/**
 * Every live record of one trip that the figures read, counted by the same rules as the trip report
 * (shared/report/counted.ts): rejected visits (with the problems and recommendations on them) and
 * rejected agreements are left out, so the trip home and the report show the same numbers. undefined
 * until all have loaded.
 */
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
    const counted = countedRecords({ visits, problems, recommendations, agreements });
    return {
      visits: counted.visits,
      problems: counted.problems,
      recommendations: counted.recommendations,
      agreements: counted.agreements,
      needs,
      members,
      followUps,
    };
  }, [visits, problems, recommendations, agreements, needs, members, followUps]);
}

export type TripData = NonNullable<ReturnType<typeof useTripData>>;
