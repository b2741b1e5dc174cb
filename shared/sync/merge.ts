import { compareHlc } from '../hlc';

/**
 * Per-field last-writer-wins merge by hybrid-logical-clock stamp, shared by the server (applying a
 * push) and the device (applying a pull).
 *
 * Invariants:
 *  - the merge of a field takes the value with the highest stamp; equal stamps mean the same write
 *    (a stamp is unique to one write of one device), so the merge is commutative, associative and
 *    idempotent: replicas that have seen the same writes hold the same state, whatever the order;
 *  - `_deleted` is merged like any field, so a delete and a concurrent edit resolve by stamp too;
 *  - a write that loses a field to a concurrent write (values differ, and the losing writer had not
 *    seen the winning value: its base stamp differs from the winner's stamp) is reported as a conflict,
 *    so the server can keep it for an organiser instead of silently dropping it.
 */
export type FieldState = { value: unknown; stamp: string };

export type RecordState = {
  data: Record<string, unknown>;
  stamps: Record<string, string>;
};

export type IncomingWrite = {
  changes: Record<string, unknown>;
  stamps: Record<string, string>;
  /** Stamp of each field on the writer's device before its change (null if unset); absent = unknown. */
  baseStamps?: Record<string, string | null>;
};

export type FieldConflict = {
  field: string;
  winner: FieldState;
  loser: FieldState;
  /** Which side lost: the incoming write, or the value the replica held before. */
  loserSide: 'incoming' | 'current';
};

export type MergeResult = {
  state: RecordState;
  /** Fields whose value the merge changed. */
  changed: string[];
  conflicts: FieldConflict[];
};

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function mergeWrite(current: RecordState | undefined, incoming: IncomingWrite): MergeResult {
  const data = { ...(current?.data ?? {}) };
  const stamps = { ...(current?.stamps ?? {}) };
  const changed: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const [field, stamp] of Object.entries(incoming.stamps)) {
    if (!(field in incoming.changes)) continue;
    const value = incoming.changes[field];
    const currentStamp = stamps[field];
    const base = incoming.baseStamps?.[field];
    const sawCurrent = base !== undefined && (base ?? undefined) === currentStamp;
    if (currentStamp === undefined || compareHlc(stamp, currentStamp) > 0) {
      if (currentStamp !== undefined && !sawCurrent && base !== undefined && !sameValue(data[field], value)) {
        conflicts.push({
          field,
          winner: { value, stamp },
          loser: { value: data[field], stamp: currentStamp },
          loserSide: 'current',
        });
      }
      // A higher stamp is always a change (its stamp at least), so no value comparison is needed here.
      changed.push(field);
      data[field] = value;
      stamps[field] = stamp;
    } else if (compareHlc(stamp, currentStamp) < 0) {
      if (base !== undefined && base !== currentStamp && !sameValue(data[field], value)) {
        conflicts.push({
          field,
          winner: { value: data[field], stamp: currentStamp },
          loser: { value, stamp },
          loserSide: 'incoming',
        });
      }
    }
  }
  return { state: { data, stamps }, changed, conflicts };
}

/** The highest stamp of a record: orders "recently changed" lists and feeds the device clock. */
export function maxStamp(stamps: Record<string, string>): string | undefined {
  let max: string | undefined;
  for (const s of Object.values(stamps)) if (max === undefined || s > max) max = s;
  return max;
}
