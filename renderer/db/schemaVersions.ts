import type { Transaction } from 'dexie';
import { rebuildSearchIndex } from '../data/searchIndex';

/**
 * Every version of the local schema, in one place. A version is never edited once shipped: a change is
 * a new entry, with an upgrade that rewrites existing rows in place (Dexie runs each upgrade once, in
 * order, inside the version-change transaction, so a crash mid-upgrade rolls back to the old version).
 */
export type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};

const RECORD_STORES_V1 = {
  trips: 'id, startDate, status, _updated',
  experts: 'id, name, _updated',
  tripMembers: 'id, tripId, expertId, [tripId+expertId]',
  hosts: 'id, name, creditCode, _updated',
  needs: 'id, tripId, hostId, status',
  visits: 'id, tripId, hostId, date, [tripId+date], _updated',
  problems: 'id, tripId, visitId, hostId, status',
  recommendations: 'id, tripId, visitId, problemId',
  agreements: 'id, tripId, hostId, status',
  followUps: 'id, tripId, dueDate, status, relatedId',
};

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      ...RECORD_STORES_V1,
      outbox: '++seq, &mutationId, table, recordId',
      meta: 'key',
      drafts: 'key',
    },
  },
  {
    // v2: the word-free search index for Chinese text; built from the records already on the device.
    version: 2,
    stores: { search: 'key, type, tripId, *tokens' },
    upgrade: (tx) => rebuildSearchIndex(tx),
  },
];

export const LATEST_VERSION = schemaVersions[schemaVersions.length - 1]?.version ?? 1;
