import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTripRecords } from '../../data/hooks';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';

/**
 * Directory records (hosts, experts) by id, reading only the ids asked for: the host directory can hold
 * hundreds of thousands of units, far more than one trip touches. Undefined while loading, so callers
 * can tell "not loaded yet" from "no such record".
 */
export function useDirectoryByIds<T extends 'hosts' | 'experts'>(
  table: T,
  ids: readonly string[],
): Map<string, Stored<T>> | undefined {
  const key = [...new Set(ids)].sort().join(',');
  const rows = useLiveQuery(
    () =>
      getDb()
        .records(table)
        .bulkGet(key === '' ? [] : key.split(',')),
    [table, key],
  );
  return useMemo(() => {
    if (!rows) return undefined;
    const map = new Map<string, Stored<T>>();
    for (const row of rows) if (row && row._deleted === 0) map.set(row.id, row);
    return map;
  }, [rows]);
}

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
