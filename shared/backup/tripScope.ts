import { directoryTables, type RecordTable, recordTables } from '../schemas';
import { REFERENCES } from '../sync/references';

/**
 * What "one trip" means for a backup: every record of the trip's sync scope, and the directory records
 * (experts, hosts) those records name. The directory is shared by every trip, so a backup carries only
 * the entries its trip needs to be read on its own.
 */

/** The tables of a trip's own scope, in the backup's order (the trip record itself first). */
export const TRIP_TABLES = recordTables.filter(
  (t) => !(directoryTables as readonly string[]).includes(t),
) as readonly RecordTable[];

type Data = Record<string, unknown>;

/** Fields that name experts: single ids and id lists. */
const EXPERT_FIELDS: readonly { table: RecordTable; field: string }[] = [
  { table: 'tripMembers', field: 'expertId' },
  { table: 'needs', field: 'expertIds' },
  { table: 'visits', field: 'expertIds' },
  { table: 'agreements', field: 'expertIds' },
];

function addIds(into: Set<string>, value: unknown): void {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) if (typeof v === 'string' && v !== '') into.add(v);
}

/**
 * The ids of the hosts and experts a trip's records name. Host references come from the same map the
 * merge of duplicates uses (shared/sync/references.ts), plus both ends of a host merge, so the trail
 * "A was merged into B" can still be read after a restore.
 */
export function namedDirectoryIds(tables: Partial<Record<RecordTable, readonly Data[]>>): {
  hosts: Set<string>;
  experts: Set<string>;
} {
  const hosts = new Set<string>();
  const experts = new Set<string>();
  for (const ref of REFERENCES.hosts) {
    for (const record of tables[ref.table] ?? []) {
      if (ref.when && record[ref.when.field] !== ref.when.equals) continue;
      addIds(hosts, record[ref.field]);
    }
  }
  for (const merge of tables.merges ?? []) {
    if (merge.table !== 'hosts') continue;
    addIds(hosts, merge.fromId);
    addIds(hosts, merge.intoId);
  }
  for (const { table, field } of EXPERT_FIELDS) {
    for (const record of tables[table] ?? []) addIds(experts, record[field]);
  }
  return { hosts, experts };
}
