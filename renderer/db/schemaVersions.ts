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
  {
    // v3: sync. `quarantine` keeps outbox entries the server refused (keyed by their mutation id, so a
    // repeated refusal overwrites instead of duplicating); `held` keeps pulled values of fields that
    // still have a local change waiting to be acknowledged (see renderer/sync/held.ts). Both start empty.
    // Cursors, server address and user live in `meta`. From now on records also arrive from other
    // devices and are indexed as they are applied; the derived search index is rebuilt once here so
    // every record already on the device is findable the same way, whatever build wrote it.
    version: 3,
    stores: {
      quarantine: 'mutationId, recordId, table, refusedAt',
      held: 'key, recordId',
    },
    upgrade: (tx) => rebuildSearchIndex(tx),
  },
  {
    // v4: records whose search row is still to be written. A large pulled page (a fresh device taking
    // the whole directory) queues them in its own transaction instead of tokenising inline; a
    // background pass drains the queue (renderer/data/searchQueue.ts), and it survives a crash.
    version: 4,
    stores: { searchQueue: 'key' },
  },
  {
    // v5: reconciling a trip. Review states on visits and agreements become indexed (lists filter by
    // them; agreements gain the field, which existing rows get as 'draft'); the review thread
    // (`comments`), the merge trail (`merges`) and the server's conflict records (`conflicts`) are
    // synced record tables like the others.
    version: 5,
    stores: {
      visits: 'id, tripId, hostId, date, [tripId+date], _updated, [tripId+reviewState]',
      agreements: 'id, tripId, hostId, status, [tripId+reviewState]',
      comments: 'id, tripId, [recordTable+recordId], _updated',
      merges: 'id, tripId, table, fromId, intoId',
      conflicts: 'id, tripId, recordId, resolution, [tripId+resolution]',
    },
    upgrade: async (tx) => {
      await tx
        .table('agreements')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.reviewState === undefined) row.reviewState = 'draft';
        });
    },
  },
  {
    // v6: attachments. `attachments` are synced records (which file belongs to which visit/agreement);
    // `blobs` keeps the bytes by SHA-256 (with a thumbnail for lists), `blobUploads` the hashes still to
    // upload and how far a chunked upload got. Both start empty.
    version: 6,
    stores: {
      attachments: 'id, tripId, hash, [recordTable+recordId], _updated',
      blobs: 'hash, lastUsed',
      blobUploads: 'hash, tripId',
    },
  },
];

export const LATEST_VERSION = schemaVersions[schemaVersions.length - 1]?.version ?? 1;
