import type { RecordTable } from '../../shared/schemas';
import type { Mutation } from '../../shared/sync/protocol';
import { DIRECTORY_SCOPE } from '../../shared/sync/scope';
import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/index';

/**
 * Who may read and write which scope.
 *
 * Rules:
 *  - the directory scope (experts, hosts) is readable and writable by every signed-in user; removing a
 *    directory entry (a tombstone) is for organisers and admins;
 *  - a trip scope is readable and writable by the users listed for it in trip_access; admins see all;
 *  - a trip scope that does not exist yet (no record, no access row) can be created by organisers and
 *    admins only, and only by pushing its `trips` record; the creator becomes the trip's organiser;
 *  - managing a trip (members, conflicts) needs the organiser role in trip_access, or admin.
 */
export type TripRole = 'organiser' | 'member';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isTripScope = (scope: string) => UUID.test(scope);

export async function tripRole(db: Queryable, userId: string, tripId: string): Promise<TripRole | undefined> {
  const rows = await db.query<{ role: TripRole }>(
    'select role from trip_access where trip_id = $1 and user_id = $2',
    [tripId, userId],
  );
  return rows[0]?.role;
}

/** A scope exists once a record or an access row names it. */
export async function scopeExists(db: Queryable, scope: string): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>(
    `select exists (select 1 from records where scope = $1)
         or exists (select 1 from trip_access where trip_id = $1) as found`,
    [scope],
  );
  return rows[0]?.found === true;
}

/** Every scope the user may read: the directory first, then trips in a stable order. */
export async function readableScopes(db: Queryable, user: AuthUser): Promise<string[]> {
  const rows =
    user.role === 'admin'
      ? await db.query<{ scope: string }>(
          // A trip scope only comes into being with its trips record (or an access row granted ahead).
          `select id as scope from records where tbl = 'trips' union select trip_id from trip_access order by 1`,
        )
      : await db.query<{ scope: string }>(
          'select trip_id as scope from trip_access where user_id = $1 order by 1',
          [user.id],
        );
  return [DIRECTORY_SCOPE, ...rows.map((r) => r.scope).filter((s) => s !== DIRECTORY_SCOPE)];
}

export async function canManageScope(db: Queryable, user: AuthUser, scope: string): Promise<boolean> {
  if (user.role === 'admin') return true;
  if (scope === DIRECTORY_SCOPE) return user.role === 'organiser';
  return (await tripRole(db, user.id, scope)) === 'organiser';
}

export async function grantTripAccess(
  db: Queryable,
  tripId: string,
  userId: string,
  role: TripRole,
  grantedBy: string,
): Promise<void> {
  await db.query(
    `insert into trip_access (trip_id, user_id, role, granted_by) values ($1, $2, $3, $4)
     on conflict (trip_id, user_id) do update set role = excluded.role, granted_by = excluded.granted_by,
       granted_at = now()`,
    [tripId, userId, role, grantedBy],
  );
}

/** May this user apply this mutation (the rules at the top of this file)? */
export type Permission = { ok: true; createsTrip: boolean } | { ok: false; message: string };

export async function checkPermission(
  tx: Queryable,
  user: AuthUser,
  table: RecordTable,
  m: Mutation,
): Promise<Permission> {
  if (m.scope === DIRECTORY_SCOPE) {
    if (user.role === 'expert' && m.changes._deleted === true) {
      return {
        ok: false,
        message:
          'Only organisers can remove entries from the shared directory of experts and hosts. Ask an organiser to remove it.',
      };
    }
    return { ok: true, createsTrip: false };
  }
  if (user.role !== 'admin' && (await tripRole(tx, user.id, m.scope)))
    return { ok: true, createsTrip: false };
  const exists = await scopeExists(tx, m.scope);
  if (exists) {
    if (user.role === 'admin') return { ok: true, createsTrip: false };
    return {
      ok: false,
      message:
        "You are not a member of this trip, so you cannot change its records. Ask the trip's organiser to add you to the trip.",
    };
  }
  if (table !== 'trips') {
    return {
      ok: false,
      message:
        'This trip does not exist on the server. Its trip record must be synced before its other records.',
    };
  }
  if (user.role === 'expert') {
    return {
      ok: false,
      message:
        'Only organisers can create trips. Ask an organiser to create this trip on the server and add you to it.',
    };
  }
  return { ok: true, createsTrip: true };
}
