import type { RecordTable } from '../../../shared/schemas';
import type { AppDatabase } from '../../db/database';

/**
 * What a refused change is about, for people: the record's title as the other screens show it, and
 * where to fix it. Looked up from the local row; a row no longer on the device falls back to the
 * values the refused change carried.
 */
type Row = Record<string, unknown> & { id: string; _deleted?: 0 | 1 };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

async function nameOf(db: AppDatabase, table: 'hosts' | 'experts', id: unknown): Promise<string> {
  if (typeof id !== 'string' || id === '') return '';
  return str((await db.table(table).get(id))?.name);
}

export async function recordTitle(db: AppDatabase, table: RecordTable, row: Row): Promise<string> {
  switch (table) {
    case 'trips':
    case 'needs':
    case 'problems':
    case 'agreements':
      return str(row.title);
    case 'experts':
    case 'hosts':
      return str(row.name);
    case 'tripMembers':
      return nameOf(db, 'experts', row.expertId);
    case 'visits':
      return [await nameOf(db, 'hosts', row.hostId), str(row.date)].filter(Boolean).join(' · ');
    case 'recommendations':
      return clip(str(row.text));
    case 'followUps':
      return clip(str(row.action));
    case 'comments':
      return clip(str(row.body));
    case 'merges':
      return [str(row.fromLabel), str(row.intoLabel)].filter(Boolean).join(' → ');
    case 'conflicts':
      return str(row.field);
    case 'attachments':
      return str(row.caption) || str(row.name);
  }
}

/** The screen where the record is edited; null when it cannot be opened (gone, deleted, no trip). */
export function recordPath(
  table: RecordTable,
  row: Row | undefined,
  currentTripId: string | null,
): string | null {
  if (!row || row._deleted === 1) return null;
  const trip = str(row.tripId);
  const id = encodeURIComponent(row.id);
  switch (table) {
    case 'trips':
      return `/trips/${id}/edit`;
    case 'experts':
      return currentTripId ? `/trips/${currentTripId}/team` : null;
    case 'hosts':
      return currentTripId ? `/trips/${currentTripId}/hosts?tab=directory&open=${id}` : null;
    case 'tripMembers':
      return trip ? `/trips/${trip}/team` : null;
    case 'needs':
      return trip ? `/trips/${trip}/hosts?open=${id}` : null;
    case 'visits':
      return trip ? `/trips/${trip}/visits/${id}` : null;
    case 'recommendations':
      return trip && str(row.visitId) ? `/trips/${trip}/visits/${str(row.visitId)}` : null;
    case 'problems':
      return trip ? `/trips/${trip}/problems?open=${id}` : null;
    case 'agreements':
      return trip ? `/trips/${trip}/agreements?open=${id}` : null;
    case 'followUps':
      return trip ? `/trips/${trip}/follow-ups?open=${id}` : null;
    case 'comments': {
      const target = encodeURIComponent(str(row.recordId));
      if (!trip || !target) return null;
      return str(row.recordTable) === 'agreements'
        ? `/trips/${trip}/agreements?open=${target}`
        : `/trips/${trip}/visits/${target}`;
    }
    case 'merges':
      return trip ? `/trips/${trip}/review?tab=duplicates` : null;
    case 'attachments': {
      const target = encodeURIComponent(str(row.recordId));
      if (!trip || !target) return null;
      return str(row.recordTable) === 'agreements'
        ? `/trips/${trip}/agreements?open=${target}`
        : `/trips/${trip}/visits/${target}`;
    }
    case 'conflicts': {
      const conflictTrip = trip || currentTripId;
      return conflictTrip ? `/trips/${conflictTrip}/review?tab=conflicts` : null;
    }
  }
}
