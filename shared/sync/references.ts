import type { MergeableTable, RecordTable } from '../schemas';

/**
 * Which record fields point at which records. Merging duplicates re-points every reference from the
 * merged-away record to the one that stays; the device (when the organiser merges) and the server (when
 * the merge arrives, and for every later write that still names the merged-away record) use this same
 * map, so they re-point exactly the same fields.
 *
 * `when` restricts a reference to records whose discriminating field has a value (a follow-up's
 * relatedId is a host only when relatedType is 'host').
 */
export type Reference = {
  table: RecordTable;
  field: string;
  list: boolean;
  when?: { field: string; equals: string };
};

export const REFERENCES: Record<MergeableTable, readonly Reference[]> = {
  hosts: [
    { table: 'needs', field: 'hostId', list: false },
    { table: 'visits', field: 'hostId', list: false },
    { table: 'problems', field: 'hostId', list: false },
    { table: 'agreements', field: 'hostId', list: false },
    { table: 'followUps', field: 'relatedId', list: false, when: { field: 'relatedType', equals: 'host' } },
  ],
  visits: [
    { table: 'problems', field: 'visitId', list: false },
    { table: 'recommendations', field: 'visitId', list: false },
    { table: 'agreements', field: 'visitId', list: false },
    { table: 'followUps', field: 'relatedId', list: false, when: { field: 'relatedType', equals: 'visit' } },
    { table: 'comments', field: 'recordId', list: false, when: { field: 'recordTable', equals: 'visits' } },
  ],
};

/** The tables that hold a reference to a record of `target`. */
export function referencingTables(target: MergeableTable): RecordTable[] {
  return [...new Set(REFERENCES[target].map((r) => r.table))];
}

/**
 * Where a merged-away id ends up: follows chains (A merged into B, later B into C gives C) and stops on
 * a cycle instead of looping (two organisers merging A→B and B→A offline: the id is kept).
 */
export function survivorOf(id: string, mergedInto: ReadonlyMap<string, string>): string {
  let current = id;
  const seen = new Set<string>([id]);
  for (;;) {
    const next = mergedInto.get(current);
    if (next === undefined) return current;
    // A cycle has no survivor: keep the id rather than pick an arbitrary member of the cycle.
    if (seen.has(next)) return id;
    seen.add(next);
    current = next;
  }
}

/**
 * The fields of one record (or of one write's changes) of `table` that name a merged-away record, with
 * the value they should have instead. `record` is the full record when known, so a `when` condition can
 * read a field the write did not change. Empty when nothing needs re-pointing.
 */
export function repointFields(
  table: RecordTable,
  values: Record<string, unknown>,
  record: Record<string, unknown>,
  mergedInto: Readonly<Record<MergeableTable, ReadonlyMap<string, string>>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const target of Object.keys(REFERENCES) as MergeableTable[]) {
    const map = mergedInto[target];
    if (map.size === 0) continue;
    for (const ref of REFERENCES[target]) {
      if (ref.table !== table || !(ref.field in values)) continue;
      if (ref.when) {
        const discriminator = ref.when.field in values ? values[ref.when.field] : record[ref.when.field];
        if (discriminator !== ref.when.equals) continue;
      }
      const value = values[ref.field];
      if (ref.list && Array.isArray(value)) {
        const next = [...new Set(value.map((v) => (typeof v === 'string' ? survivorOf(v, map) : v)))];
        if (next.length !== value.length || next.some((v, i) => v !== value[i])) out[ref.field] = next;
      } else if (typeof value === 'string' && value !== '') {
        const next = survivorOf(value, map);
        if (next !== value) out[ref.field] = next;
      }
    }
  }
  return out;
}

/** An empty merge map per mergeable table. */
export function emptyMergeMaps(): Record<MergeableTable, Map<string, string>> {
  return { hosts: new Map(), visits: new Map() };
}
