import { userRoles } from '../../shared/sync/protocol';
import { useSyncSession } from '../features/sync/useSyncSession';
import type { SyncUser } from '../sync/transport';

/**
 * What this device's person may do with a trip, as far as the screens are concerned. The server
 * enforces the real rules (trip membership, organiser role, locked trips); this only decides which
 * buttons to offer, so an expert is not invited to approve their own visit.
 */

/** Roles that manage trips: review, lock, reconcile. */
const MANAGING: ReadonlySet<SyncUser['role']> = new Set<SyncUser['role']>(
  userRoles.filter((r) => r !== 'expert'),
);

/**
 * A device signed in to no server belongs to a lone organiser keeping a trip on their own laptop, so
 * it may do everything; a signed-in account manages trips when it is an admin or an organiser.
 */
export function canManageTrips(user: SyncUser | null): boolean {
  return user === null || MANAGING.has(user.role);
}

/** The name a comment is signed with: the account's display name, else '' (shown as "本机"). */
export function commentAuthorOf(user: SyncUser | null): string {
  if (!user) return '';
  return (user.displayName || user.username).trim().slice(0, 60);
}

/**
 * Whether the screens offer trip management (review decisions, the lock) on this device; undefined
 * while the session is read. The device does not know per-trip roles (the server keeps them), so the
 * account's role decides; `tripId` is kept so callers need not change when it does.
 */
export function useCanManageTrip(_tripId: string | undefined): boolean | undefined {
  const session = useSyncSession();
  return session === undefined ? undefined : canManageTrips(session.user);
}

/** The signed-in person's name for comments ('' when not signed in); undefined while loading. */
export function useCommentAuthor(): string | undefined {
  const session = useSyncSession();
  return session === undefined ? undefined : commentAuthorOf(session.user);
}
