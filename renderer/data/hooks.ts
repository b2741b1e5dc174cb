import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordTable } from '../../shared/schemas';
import { getDb } from '../db/database';
import type { Stored } from '../db/types';

/**
 * Components read records only through these live queries: they re-render when the data changes,
 * whichever screen or (later) the sync engine wrote it.
 */

type TripTable = Exclude<RecordTable, 'trips' | 'experts' | 'hosts'>;

export function useTripRecords<T extends TripTable>(
  table: T,
  tripId: string | undefined,
): Stored<T>[] | undefined {
  return useLiveQuery(async () => {
    if (!tripId) return [];
    const rows = await getDb().records(table).where('tripId').equals(tripId).toArray();
    return rows.filter((r) => r._deleted === 0);
  }, [table, tripId]);
}

export function useAllRecords<T extends RecordTable>(table: T): Stored<T>[] | undefined {
  return useLiveQuery(
    () =>
      getDb()
        .records(table)
        .filter((r) => r._deleted === 0)
        .toArray(),
    [table],
  );
}

export function useRecord<T extends RecordTable>(
  table: T,
  id: string | undefined,
): Stored<T> | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const row = await getDb().records(table).get(id);
    return row && row._deleted === 0 ? row : null;
  }, [table, id]);
}

/** Ids of records with unsent changes, for the "not yet synced" marks. */
export function usePendingIds(): Set<string> {
  return (
    useLiveQuery(async () => {
      const ids = new Set<string>();
      await getDb().outbox.each((e) => {
        ids.add(e.recordId);
      });
      return ids;
    }, []) ?? new Set()
  );
}

export function useOutboxCount(): number {
  return useLiveQuery(() => getDb().outbox.count(), []) ?? 0;
}

/** Map by id, for showing names of referenced records (host of a visit, experts present…). */
export function byId<R extends { id: string }>(rows: readonly R[] | undefined): Map<string, R> {
  return new Map((rows ?? []).map((r) => [r.id, r]));
}
