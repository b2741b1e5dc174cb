import { useMemo } from 'react';
import { useTripRecords } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import './small.css';

/** Number of photos per visit of a trip (visit id → count), live. */
export function usePhotoCounts(tripId: string): Map<string, number> {
  const attachments = useTripRecords('attachments', tripId);
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const a of attachments ?? []) {
      if (a.kind === 'photo' && a.recordTable === 'visits')
        counts.set(a.recordId, (counts.get(a.recordId) ?? 0) + 1);
    }
    return counts;
  }, [attachments]);
}

/** A small "📷 3" after a visit's name in the list; nothing for a visit without photos. */
export function PhotoCountBadge({ count }: { count: number }) {
  const t = useT();
  if (count === 0) return null;
  const label = t('attachments.photos.count', { count });
  return (
    <span className="photo-count" title={label} data-testid="photo-count">
      <span aria-hidden="true">📷 {count}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
