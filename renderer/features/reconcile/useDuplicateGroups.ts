import { useLiveQuery } from 'dexie-react-hooks';
import type { HostDuplicateReason } from '../../../shared/dedupe';
import type { MergeableTable, RecordTable } from '../../../shared/schemas';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';
import { findHostDuplicates, findVisitDuplicates, readNotDuplicates } from '../../reconcile/duplicates';
import { referenceCounts } from '../../reconcile/references';
import { defaultSurvivor } from '../../reconcile/survivor';
import { lookupNames } from './names';
import type { NameLookup } from './values';

/**
 * The trip's possible duplicates with what the organiser needs to choose: each record's key fields,
 * how many records point at it, and the record that stays by default.
 */
export type Member<T extends MergeableTable = MergeableTable> = {
  id: string;
  record: Stored<T>;
  counts: Partial<Record<RecordTable, number>>;
  references: number;
};

export type DuplicateReason = HostDuplicateReason | 'sameVisit';

export type DuplicateItem =
  | { key: string; table: 'hosts'; reasons: DuplicateReason[]; members: Member<'hosts'>[]; survivor: string }
  | {
      key: string;
      table: 'visits';
      reasons: DuplicateReason[];
      members: Member<'visits'>[];
      survivor: string;
    };

export type DuplicateData = {
  items: DuplicateItem[];
  /** Titles of the hosts, experts and needs the visits name. */
  names: NameLookup;
};

async function withCounts<T extends MergeableTable>(table: T, records: Stored<T>[]): Promise<Member<T>[]> {
  const db = getDb();
  return Promise.all(
    records.map(async (record) => {
      const counts = await referenceCounts(db, table, record.id);
      const references = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
      return { id: record.id, record, counts, references };
    }),
  );
}

export async function loadDuplicates(tripId: string): Promise<DuplicateData> {
  const db = getDb();
  const notDuplicates = await readNotDuplicates(db);
  const [hostGroups, visitGroups] = await Promise.all([
    findHostDuplicates(db, tripId, notDuplicates),
    findVisitDuplicates(db, tripId, notDuplicates),
  ]);
  const items: DuplicateItem[] = [];
  for (const g of hostGroups) {
    const members = await withCounts('hosts', g.members);
    const survivor =
      defaultSurvivor(
        members.map((m) => ({
          id: m.id,
          creditCode: m.record.creditCode,
          references: m.references,
          createdAt: m.record.createdAt,
        })),
      ) ?? g.members[0]?.id;
    items.push({
      key: `hosts:${g.key}`,
      table: 'hosts',
      reasons: g.reasons,
      members,
      survivor: survivor ?? '',
    });
  }
  for (const g of visitGroups) {
    const members = await withCounts('visits', g.members);
    const survivor = defaultSurvivor(
      members.map((m) => ({ id: m.id, references: m.references, createdAt: m.record.createdAt })),
    );
    items.push({
      key: `visits:${g.key}`,
      table: 'visits',
      reasons: g.reasons,
      members,
      survivor: survivor ?? '',
    });
  }
  const visits = visitGroups.flatMap((g) => g.members);
  const names = await lookupNames([
    { table: 'hosts', ids: visits.map((v) => v.hostId) },
    { table: 'experts', ids: visits.flatMap((v) => v.expertIds) },
    { table: 'needs', ids: visits.flatMap((v) => v.needIds) },
  ]);
  return { items, names };
}

export function useDuplicateGroups(tripId: string): DuplicateData | undefined {
  return useLiveQuery(() => loadDuplicates(tripId), [tripId]);
}
