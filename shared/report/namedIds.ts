import type { Agreement, FollowUp, Need, Problem, TripMember, Visit } from '../schemas/records';

/**
 * The directory entries (hosts, experts) a trip's records name: what a report needs from the shared
 * directory of ~200,000 hosts. The device and the server both read exactly these, so their reports
 * cannot differ by a host one of them happened to look up.
 */
export function namedDirectoryIds(records: {
  visits: readonly Pick<Visit, 'hostId' | 'expertIds'>[];
  needs: readonly Pick<Need, 'hostId' | 'expertIds'>[];
  agreements: readonly Pick<Agreement, 'hostId' | 'expertIds'>[];
  problems: readonly Pick<Problem, 'hostId'>[];
  followUps: readonly Pick<FollowUp, 'relatedType' | 'relatedId'>[];
  members: readonly Pick<TripMember, 'expertId'>[];
}): { hostIds: string[]; expertIds: string[] } {
  const hostIds = new Set([
    ...records.visits.map((v) => v.hostId),
    ...records.needs.map((n) => n.hostId),
    ...records.agreements.map((a) => a.hostId),
    ...records.problems.map((p) => p.hostId),
    ...records.followUps.filter((f) => f.relatedType === 'host').map((f) => f.relatedId),
  ]);
  const expertIds = new Set([
    ...records.members.map((m) => m.expertId),
    ...records.visits.flatMap((v) => v.expertIds),
    ...records.needs.flatMap((n) => n.expertIds),
    ...records.agreements.flatMap((a) => a.expertIds),
  ]);
  const present = (ids: Set<string>) => [...ids].filter((id) => id !== '').sort();
  return { hostIds: present(hostIds), expertIds: present(expertIds) };
}
