import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { groupQuarantine, isRefusedCreation, type QuarantineGroup } from '../../sync/quarantine';
import { recordTitle } from './recordInfo';

export type QuarantineItem = QuarantineGroup & {
  title: string;
  row: (Record<string, unknown> & { id: string; _deleted?: 0 | 1 }) | undefined;
  creation: boolean;
  deletion: boolean;
};

/** Refused changes per record, newest first, with the record's title — live. */
export function useQuarantine(): QuarantineItem[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const groups = groupQuarantine(await db.quarantine.toArray());
    const items: QuarantineItem[] = [];
    for (const group of groups) {
      const row = await db.table(group.table).get(group.recordId);
      // Without the row, the refused change itself still says what the record was.
      const fallback = { id: group.recordId, ...Object.assign({}, ...group.entries.map((e) => e.changes)) };
      items.push({
        ...group,
        row,
        title: await recordTitle(db, group.table, row ?? fallback),
        creation: isRefusedCreation(group.entries),
        deletion: group.entries.some((e) => e.changes._deleted === true),
      });
    }
    return items;
  }, []);
}

/** How many changes the server refused (entries, not records), live. */
export function useQuarantineCount(): number {
  return useLiveQuery(() => getDb().quarantine.count(), []) ?? 0;
}
