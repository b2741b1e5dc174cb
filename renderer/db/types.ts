import type { RecordOf, RecordTable } from '../../shared/schemas';
import type { Refusal } from '../../shared/sync/protocol';

/**
 * A record as kept on the device: its fields plus the sync bookkeeping.
 *  _stamps  per-field hybrid-logical-clock stamp of the write that set the value (the merge key)
 *  _deleted 1 for a tombstone (IndexedDB cannot index booleans); the stamp of `_deleted` orders it
 *  _updated the highest stamp of the record, for "recently changed" ordering
 */
export type SyncMeta = {
  _stamps: Record<string, string>;
  _deleted: 0 | 1;
  _updated: string;
};
export type Stored<T extends RecordTable> = RecordOf<T> & SyncMeta;

/** One local change waiting to be pushed. Deleted only after the server acknowledges it. */
export type OutboxEntry = {
  seq?: number;
  mutationId: string;
  table: RecordTable;
  recordId: string;
  /** The trip the record belongs to, or 'directory' for the shared directory (experts, hosts). */
  scope: string;
  changes: Record<string, unknown>;
  stamps: Record<string, string>;
  /**
   * The stamp each changed field had on this device before the change (null: field was unset).
   * Lets the server tell a deliberate overwrite (based on the current value) from a concurrent one,
   * which it keeps as a conflict.
   */
  baseStamps: Record<string, string | null>;
  createdAt: string;
};

/** An outbox entry the server refused, kept with the verdict until the user retries or gives it up. */
export type QuarantineEntry = OutboxEntry & {
  reason: Refusal['reason'];
  /** The server's own words (English); the screen shows its translation by reason instead. */
  message: string;
  issues?: Refusal['issues'];
  refusedAt: string;
};

/**
 * Pulled values of fields that still have a local change in the outbox: the device keeps showing its
 * own value until the server acknowledges it, then merges these in by stamp (renderer/sync/held.ts).
 */
export type HeldRow = {
  key: string;
  table: RecordTable;
  recordId: string;
  data: Record<string, unknown>;
  stamps: Record<string, string>;
};

export type MetaRow = { key: string; value: unknown };
export type DraftRow = { key: string; value: unknown; updatedAt: number };

/** Local-only search index: one row per searchable record. */
export type SearchRow = {
  key: string;
  type: SearchType;
  id: string;
  tripId: string;
  title: string;
  subtitle: string;
  text: string;
  tokens: string[];
};
export type SearchType = 'hosts' | 'visits' | 'problems' | 'agreements';

/** A pulled batch of records waiting for their search rows (see renderer/data/searchQueue.ts). */
export type SearchQueueRow = { key: string; type: SearchType; ids: string[] };
