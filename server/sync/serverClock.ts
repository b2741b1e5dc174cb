import { HybridClock } from '../../shared/hlc';

/**
 * The stamps of writes the server makes itself (conflict records, re-points after a merge, the
 * tombstone of a merged-away record, a resolution marked through the HTTP endpoint).
 *
 * Invariant: a server stamp is strictly greater than every stamp of the record it overwrites and of
 * the mutation that caused it. Devices merge by stamp, so a server write that did not beat what a
 * device holds would never reach that device (equal or lower stamps are ignored).
 *
 * Why nothing is persisted, and why the clock is not fed from the whole store at start:
 *  - the only stamps a server write has to exceed are those of the very record it writes (and of the
 *    mutation being applied). `stampAfter` receives exactly those, from the row it just read `for
 *    update`, before it ticks. That holds after a restart (the clock starts empty), when the wall
 *    clock went backwards, and across several instances (each has its own clock, but pushes are
 *    serialised by the push lock and every write first receives the stored stamps);
 *  - stamps of other records do not matter: a stamp is only ever compared with stamps of the same
 *    field of the same record;
 *  - `receiveTrusted`, not `receive`: the stamps were accepted by the push checks (or already stored),
 *    so the drift check must not throw here; a server stamp can at most run a few minutes (the drift
 *    limit) ahead of the server's wall clock, which devices accept.
 *  - the node id is 'server' on every instance: two instances can issue equal stamps, but only for
 *    different records (see above), and equal stamps are only ever compared within one field.
 */
export const SERVER_NODE = 'server';

const clock = new HybridClock(SERVER_NODE);

/** A new server stamp, strictly after every stamp given (in any of the lists). */
export function stampAfter(...seen: readonly (Iterable<string> | undefined)[]): string {
  for (const list of seen) if (list) for (const stamp of list) clock.receiveTrusted(stamp);
  return clock.tick();
}
