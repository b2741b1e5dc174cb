import { useLiveQuery } from 'dexie-react-hooks';
import type { ReviewedTable } from '../../shared/schemas';
import { useRecord } from '../data/hooks';
import { getDb } from '../db/database';
import type { Stored } from '../db/types';
import { useCanManageTrip } from './role';

export type Comment = Stored<'comments'>;

/**
 * Thread order: by when each comment was written, then by id (UUIDv7, time-ordered) for comments of
 * the same instant. Comments come from several devices; their creation times are what people expect
 * to read in order, and the order must not change when a pull brings them in a different order.
 */
export function threadOrder(a: Comment, b: Comment): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** The review thread of one record, oldest first, live (a synced comment appears as it arrives). */
export function useReviewThread(table: ReviewedTable, recordId: string | undefined): Comment[] | undefined {
  return useLiveQuery(async () => {
    if (!recordId) return [];
    const rows = await getDb().comments.where('[recordTable+recordId]').equals([table, recordId]).toArray();
    return rows.filter((c) => c._deleted === 0).sort(threadOrder);
  }, [table, recordId]);
}

/**
 * Whether the trip is locked and what that means on this device: organisers still edit a locked trip
 * (finishing the report), experts only read, because the server refuses their changes.
 * `ready` is false until both the trip and the session are read, so no screen flashes read-only.
 */
export function useTripLock(tripId: string | undefined) {
  const trip = useRecord('trips', tripId);
  const canManage = useCanManageTrip(tripId);
  const locked = trip?.locked === true;
  return {
    trip,
    locked,
    canManage: canManage === true,
    readOnly: locked && canManage === false,
    ready: trip !== undefined && canManage !== undefined,
  };
}
