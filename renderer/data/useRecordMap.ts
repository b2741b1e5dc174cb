import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../db/database';
import type { Stored } from '../db/types';

type DirectoryTable = 'hosts' | 'experts';

/**
 * Live map of the directory records a screen refers to (the hosts of needs, the experts of agreements).
 * The directory can hold ~200,000 hosts, so a screen loads only the ids it shows, never the whole table.
 * Undefined while loading, so callers can tell "not loaded yet" from "no such record".
 */
export function useDirectoryByIds<T extends DirectoryTable>(
  table: T,
  ids: readonly string[],
): Map<string, Stored<T>> | undefined {
  const unique = [...new Set(ids.filter(Boolean))].sort();
  // The query depends on `key`, not the array: a new array with the same ids must not query again.
  const key = unique.join(',');
  return useLiveQuery(async () => {
    const rows = await getDb().records(table).bulkGet(unique);
    const map = new Map<string, Stored<T>>();
    for (const row of rows) if (row && row._deleted === 0) map.set(row.id, row);
    return map;
  }, [table, key]);
}

/** useDirectoryByIds for lists, where a name that is still loading simply shows as missing. */
export function useRecordMap<T extends DirectoryTable>(
  table: T,
  ids: readonly string[],
): Map<string, Stored<T>> {
  return useDirectoryByIds(table, ids) ?? EMPTY;
}

const EMPTY = new Map<never, never>();
