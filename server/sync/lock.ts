import type { RefusalReason } from '../../shared/sync/protocol';
import { DIRECTORY_SCOPE } from '../../shared/sync/scope';
import type { Queryable } from '../db/index';

/**
 * The trip lock. A trips record with `locked: true` finalises the trip (its summary was reported):
 *  - later changes in that trip's scope from anyone who cannot manage the trip (not its organiser, not
 *    an administrator) are refused with reason 'locked' — the device keeps them in its quarantine,
 *    and after the organiser unlocks the trip the person retries them from the sync page;
 *  - the organisers' own writes are always accepted; unlocking is an ordinary write of locked: false;
 *  - only those who manage the trip may write the `locked` field at all (even while unlocked, a write
 *    of it carries a stamp that could override an organiser's lock).
 * The directory (experts, hosts) has no lock: it is shared by every trip.
 */
export const LOCKED_MESSAGE =
  'This trip has been finalised (locked) by its organiser; your change was not applied. Ask the organiser to unlock the trip, then retry it from the sync page.';

export const LOCK_FIELD_MESSAGE =
  "Only the trip's organisers (or an administrator) can lock or unlock a trip. Ask an organiser if the trip should be locked or unlocked.";

export async function isTripLocked(tx: Queryable, tripId: string): Promise<boolean> {
  const rows = await tx.query<{ locked: boolean | null }>(
    `select (data->>'locked') = 'true' as locked from records where tbl = 'trips' and id = $1`,
    [tripId],
  );
  return rows[0]?.locked === true;
}

/**
 * Why the lock refuses this write, or undefined. `manages` is asked only when needed (one query).
 * `updatesTrip`: the write changes an existing trips record (creating a trip with `locked` is the
 * creator's own choice: the creator becomes its organiser).
 */
export async function lockProblem(
  tx: Queryable,
  write: { table: string; scope: string; changes: Record<string, unknown>; updatesTrip: boolean },
  manages: () => Promise<boolean>,
): Promise<{ reason: RefusalReason; message: string } | undefined> {
  if (write.scope === DIRECTORY_SCOPE) return undefined;
  if (write.table === 'trips' && write.updatesTrip && 'locked' in write.changes && !(await manages())) {
    return { reason: 'permission', message: LOCK_FIELD_MESSAGE };
  }
  if (!(await isTripLocked(tx, write.scope))) return undefined;
  if (await manages()) return undefined;
  return { reason: 'locked', message: LOCKED_MESSAGE };
}
