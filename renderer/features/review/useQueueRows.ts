import { useMemo } from 'react';
import { listSeparator } from '../../components/list';
import { useTripRecords } from '../../data/hooks';
import { useRecordMap } from '../../data/useRecordMap';
import { useT } from '../../i18n/useT';
import { buildQueue, type QueueRow } from '../../review/queue';
import { expertNames } from '../hosts/useTripExperts';

/** The trip's visits and agreements as review-queue rows, live; undefined until loaded. */
export function useQueueRows(tripId: string): QueueRow[] | undefined {
  const t = useT();
  const visits = useTripRecords('visits', tripId);
  const agreements = useTripRecords('agreements', tripId);
  const comments = useTripRecords('comments', tripId);
  const hosts = useRecordMap(
    'hosts',
    [...(visits ?? []), ...(agreements ?? [])].map((r) => r.hostId),
  );
  const experts = useRecordMap(
    'experts',
    (visits ?? []).flatMap((v) => v.expertIds),
  );
  const sep = listSeparator(t.lang);
  return useMemo(() => {
    if (!visits || !agreements || !comments) return undefined;
    return buildQueue({
      visits,
      agreements,
      comments,
      hostName: (id) => hosts.get(id)?.name ?? t('visits.unknownHost'),
      expertNames: (ids) => expertNames(ids, experts, sep),
    });
  }, [visits, agreements, comments, hosts, experts, sep, t]);
}
