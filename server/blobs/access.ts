import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/index';
import { scopeExists, tripRole } from '../sync/access';
import { notTripMember, tripNotSynced } from './errors';

/**
 * Who may add files to a trip: the same people who may write its records (server/sync/access.ts) —
 * its members in trip_access, and administrators. A trip the server does not know yet gets its own
 * answer (trip_not_synced), so a device that made the trip offline knows to retry after the trip's
 * record has synced instead of showing "forbidden".
 */
export async function assertMayWriteTrip(db: Queryable, user: AuthUser, tripId: string): Promise<void> {
  if (user.role !== 'admin' && (await tripRole(db, user.id, tripId))) return;
  if (!(await scopeExists(db, tripId))) throw tripNotSynced();
  if (user.role !== 'admin') throw notTripMember();
}
