import { isDirectoryTable, type RecordTable } from '../schemas';

/**
 * Every record belongs to exactly one scope: a trip (its id) or the shared directory of experts and
 * hosts. Access is granted per scope, and pull cursors are kept per scope.
 */
export const DIRECTORY_SCOPE = 'directory';

export function scopeOf(table: RecordTable, record: Record<string, unknown>): string {
  if (isDirectoryTable(table)) return DIRECTORY_SCOPE;
  if (table === 'trips') return String(record.id ?? '');
  // A conflict lives where its record lives: a trip, or the directory for hosts and experts.
  if (table === 'conflicts') return record.tripId ? String(record.tripId) : DIRECTORY_SCOPE;
  return String(record.tripId ?? '');
}
