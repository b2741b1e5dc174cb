import { normaliseCreditCode } from '../creditCode';
import type { DemoTrip } from './types';

/**
 * Loading the demo must not fill the shared directory with duplicates: experts and hosts already there
 * are reused. Hosts are matched on the credit code (the natural key); a host without one, on its name
 * among hosts without a code. Experts are matched on the name — but a namesake at another institution
 * (杨磊 is a common name) is a different person, so an existing entry is reused only when its
 * affiliation is the same or was never filled in.
 */
type ExpertLike = { id: string; name: string; affiliation?: string | undefined };
type HostLike = { id: string; name: string; creditCode?: string | undefined };

const clean = (s: string | undefined) => (s ?? '').trim();

export function findSameExpert<E extends ExpertLike>(
  candidate: ExpertLike,
  existing: readonly E[],
): E | undefined {
  const name = clean(candidate.name);
  const affiliation = clean(candidate.affiliation);
  const namesakes = existing.filter((e) => clean(e.name) === name);
  return (
    namesakes.find((e) => clean(e.affiliation) === affiliation) ??
    namesakes.find((e) => clean(e.affiliation) === '')
  );
}

export function findSameHost<H extends HostLike>(candidate: HostLike, existing: readonly H[]): H | undefined {
  const code = normaliseCreditCode(candidate.creditCode ?? '');
  if (code) return existing.find((h) => normaliseCreditCode(h.creditCode ?? '') === code);
  const name = clean(candidate.name);
  return existing.find((h) => clean(h.name) === name && normaliseCreditCode(h.creditCode ?? '') === '');
}

/**
 * The demo with the given experts and hosts replaced by directory entries that already exist:
 * those are dropped from the lists to write and every reference to them is rewritten.
 * `experts`/`hosts` map a demo id to the id of the existing entry.
 */
export function reuseDirectoryEntries(
  demo: DemoTrip,
  experts: ReadonlyMap<string, string>,
  hosts: ReadonlyMap<string, string>,
): DemoTrip {
  const expert = (id: string) => experts.get(id) ?? id;
  const host = (id: string) => hosts.get(id) ?? id;
  const hostOrNone = (id: string | undefined) => (id ? host(id) : id);
  const expertList = (ids: readonly string[] | undefined) => ids?.map(expert);
  return {
    trips: demo.trips,
    experts: demo.experts.filter((e) => !experts.has(e.id)),
    hosts: demo.hosts.filter((h) => !hosts.has(h.id)),
    tripMembers: demo.tripMembers.map((m) => ({ ...m, expertId: expert(m.expertId) })),
    needs: demo.needs.map((n) => ({ ...n, hostId: host(n.hostId), expertIds: expertList(n.expertIds) })),
    visits: demo.visits.map((v) => ({ ...v, hostId: host(v.hostId), expertIds: v.expertIds.map(expert) })),
    problems: demo.problems.map((p) => ({ ...p, hostId: hostOrNone(p.hostId) })),
    recommendations: demo.recommendations,
    agreements: demo.agreements.map((a) => ({
      ...a,
      hostId: host(a.hostId),
      expertIds: expertList(a.expertIds),
    })),
    followUps: demo.followUps.map((f) =>
      f.relatedType === 'host' && f.relatedId ? { ...f, relatedId: host(f.relatedId) } : f,
    ),
  };
}
