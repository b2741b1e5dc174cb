import type { followUpRelatedTypes } from '../../../shared/enums';
import { byId, useTripRecords } from '../../data/hooks';
import { useRecordMap } from '../../data/useRecordMap';
import type { Stored } from '../../db/types';

export type RelatedType = keyof typeof followUpRelatedTypes;
export type RelatedOption = { id: string; label: string };

const collator = new Intl.Collator('zh-CN');

/**
 * The trip's records a follow-up can be about, with a readable label and a link for each: visits
 * ("host · date"), problems, agreements and needs ("title · host") and the hosts the trip works with.
 */
export function useRelated(tripId: string, extraHostIds: readonly string[] = []) {
  const visits = useTripRecords('visits', tripId);
  const problems = useTripRecords('problems', tripId);
  const agreements = useTripRecords('agreements', tripId);
  const needs = useTripRecords('needs', tripId);
  const visitMap = byId(visits);
  const problemHost = (p: Stored<'problems'>) => p.hostId || visitMap.get(p.visitId)?.hostId || '';
  const tripHostIds = [
    ...(visits ?? []).map((v) => v.hostId),
    ...(needs ?? []).map((n) => n.hostId),
    ...(agreements ?? []).map((a) => a.hostId),
    ...(problems ?? []).map(problemHost),
  ];
  const hosts = useRecordMap('hosts', [...tripHostIds, ...extraHostIds]);
  const hostName = (id: string) => hosts.get(id)?.name ?? '';
  const withHost = (title: string, hostId: string) => [title, hostName(hostId)].filter(Boolean).join(' · ');

  const byType: Record<RelatedType, Map<string, RelatedOption>> = {
    visit: new Map((visits ?? []).map((v) => [v.id, { id: v.id, label: withHost(v.date, v.hostId) }])),
    problem: new Map(
      (problems ?? []).map((p) => [p.id, { id: p.id, label: withHost(p.title, problemHost(p)) }]),
    ),
    agreement: new Map(
      (agreements ?? []).map((a) => [a.id, { id: a.id, label: withHost(a.title, a.hostId) }]),
    ),
    need: new Map((needs ?? []).map((n) => [n.id, { id: n.id, label: withHost(n.title, n.hostId) }])),
    host: new Map([...hosts.values()].map((h) => [h.id, { id: h.id, label: h.name }])),
  };

  const options = (type: RelatedType): RelatedOption[] => {
    const list = [...byType[type].values()];
    // Visits read best newest first; everything else alphabetically.
    return type === 'visit'
      ? list.sort((a, b) => (visitMap.get(b.id)?.date ?? '').localeCompare(visitMap.get(a.id)?.date ?? ''))
      : list.sort((a, b) => collator.compare(a.label, b.label));
  };

  const describe = (type: RelatedType, id: string): RelatedOption | undefined =>
    id ? byType[type].get(id) : undefined;

  const link = (type: RelatedType, id: string): string => {
    const base = `/trips/${tripId}`;
    switch (type) {
      case 'visit':
        return `${base}/visits/${id}`;
      case 'problem':
        return `${base}/problems?open=${id}`;
      case 'agreement':
        return `${base}/agreements?open=${id}`;
      case 'need':
        return `${base}/hosts?open=${id}`;
      case 'host':
        return `${base}/hosts?tab=directory&open=${id}`;
    }
  };

  return { options, describe, link };
}
