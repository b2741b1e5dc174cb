import type { RecordTable } from '../../../shared/schemas';
import { getDb } from '../../db/database';
import { recordTitle } from '../sync/recordInfo';
import { type NameLookup, nameKey } from './values';

/**
 * The titles of the records some values name (experts of a visit, its host, its needs), as the other
 * screens title them (renderer/features/sync/recordInfo.ts), keyed `${table}:${id}`. Records not on the
 * device, or deleted, are left out and shown as such.
 */
export async function lookupNames(
  requests: readonly { table: RecordTable; ids: readonly string[] }[],
): Promise<NameLookup> {
  const db = getDb();
  const names = new Map<string, string>();
  const byTable = new Map<RecordTable, Set<string>>();
  for (const r of requests) {
    const ids = byTable.get(r.table) ?? new Set<string>();
    for (const id of r.ids) if (id) ids.add(id);
    byTable.set(r.table, ids);
  }
  for (const [table, ids] of byTable) {
    const rows = await db.table(table).bulkGet([...ids]);
    for (const row of rows) {
      if (row && row._deleted === 0) names.set(nameKey(table, row.id), await recordTitle(db, table, row));
    }
  }
  return names;
}
