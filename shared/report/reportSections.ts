import type { Agreement, FollowUp, Need, Problem, Recommendation, Visit } from '../schemas/records';
import {
  byCode,
  byName,
  compareZh,
  dateKey,
  distinctSorted,
  expertNames,
  hostName,
  type Lookup,
  reportExpert,
  roleRank,
  sortedBy,
} from './reportLookup';
import { CLOSED_FOLLOW_UP, CONCLUDED_STATUSES, computeTripFigures } from './tripFigures';
import type { ReportAgreement, ReportExpert, ReportFollowUp, ReportGroup, ReportHost } from './tripReport';

/**
 * The sections of the trip report below the figures. Each takes the COUNTED records (rejected visits
 * and what hangs on them already removed) and reuses computeTripFigures for its numbers, so a group's
 * or a host's figures can never be added up differently from the trip's.
 */

export type Counted = {
  visits: readonly Visit[];
  problems: readonly Problem[];
  recommendations: readonly Recommendation[];
  agreements: readonly Agreement[];
  needs: readonly Need[];
};

/** Figures of a subset of the trip's visits, with the problems and recommendations recorded on them. */
function figuresOfVisits(
  visits: readonly Visit[],
  counted: Counted,
  agreements: readonly Agreement[],
  today: string,
) {
  const ids = new Set(visits.map((v) => v.id));
  return computeTripFigures({
    visits,
    problems: counted.problems.filter((p) => ids.has(p.visitId)),
    recommendations: counted.recommendations.filter((r) => ids.has(r.visitId)),
    agreements,
    needs: [],
    members: [],
    followUps: [],
    today,
  });
}

/**
 * One section per group of the team (tripMembers.group; experts without a group under ''), named
 * groups in zh order and the ungrouped last. A group's visits are the visits that name any of its
 * experts (a joint visit counts for each group present); its agreements are the concluded ones signed
 * at those visits, or, for agreements recorded without a visit, naming one of its experts.
 */
export function groupSections(lookup: Lookup, counted: Counted, today: string): ReportGroup[] {
  const byGroup = new Map<string, ReportExpert[]>();
  for (const member of lookup.members.values()) {
    const group = member.group.trim();
    const experts = byGroup.get(group) ?? [];
    experts.push(reportExpert(lookup, member.expertId));
    byGroup.set(group, experts);
  }
  const names = [...byGroup.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareZh(a, b)));
  return names.map((group) => {
    const experts = sortedBy(
      byGroup.get(group) ?? [],
      byCode((e) => roleRank(e.role)),
      byName((e) => e.name),
      byCode((e) => e.expertId),
    );
    const ids = new Set(experts.map((e) => e.expertId));
    const visits = counted.visits.filter((v) => v.expertIds.some((e) => ids.has(e)));
    const visitIds = new Set(visits.map((v) => v.id));
    // An agreement signed at a visit belongs to the groups at that visit; only one recorded without a
    // visit (an appointment letter, say) goes by the experts it names.
    const agreements = counted.agreements.filter((a) =>
      a.visitId ? visitIds.has(a.visitId) : a.expertIds.some((e) => ids.has(e)),
    );
    const f = figuresOfVisits(visits, counted, agreements, today);
    return {
      group,
      experts,
      visits: f.visits,
      hostsServed: f.hostsServed,
      activitySessions: f.activitySessions,
      problemsSolved: f.problems.solved,
      recommendations: f.recommendations.total,
      peopleTrained: f.peopleTrained,
      beneficiaries: f.beneficiaries,
      agreementsSigned: f.agreements.signed,
    };
  });
}

/** The host a problem belongs to: its visit's host (re-pointed by merges), else its own field. */
const problemHost = (lookup: Lookup, p: Problem) => lookup.visits.get(p.visitId)?.hostId ?? p.hostId;
const visitDate = (lookup: Lookup, visitId: string) => dateKey(lookup.visits.get(visitId)?.date ?? '');

/**
 * One section per host the counted records name (visits, needs, agreements): visited hosts by their
 * first visit date, then the hosts never visited, each run in zh order of the name.
 */
export function hostSections(lookup: Lookup, counted: Counted, today: string): ReportHost[] {
  const hostIds = new Set([
    ...counted.visits.map((v) => v.hostId),
    ...counted.needs.map((n) => n.hostId),
    ...counted.agreements.map((a) => a.hostId),
  ]);
  const sections = [...hostIds].map((hostId): ReportHost => {
    const host = lookup.hosts.get(hostId);
    const visits = counted.visits.filter((v) => v.hostId === hostId);
    const f = figuresOfVisits(visits, counted, [], today);
    const problems = sortedBy(
      counted.problems.filter((p) => problemHost(lookup, p) === hostId),
      byCode((p) => visitDate(lookup, p.visitId)),
      byName((p) => p.title),
      byCode((p) => p.id),
    );
    const recommendations = sortedBy(
      counted.recommendations.filter((r) => lookup.visits.get(r.visitId)?.hostId === hostId),
      byCode((r) => visitDate(lookup, r.visitId)),
      byCode((r) => r.id),
    );
    return {
      hostId,
      name: host?.name ?? '',
      kind: host?.kind ?? '',
      district: host?.district ?? '',
      industry: host?.industry ?? '',
      dates: [...new Set(visits.map((v) => v.date))].sort(),
      visits: f.visits,
      expertNames: distinctSorted(
        expertNames(
          lookup,
          visits.flatMap((v) => v.expertIds),
        ),
      ),
      activities: f.activities,
      peopleTrained: f.peopleTrained,
      beneficiaries: f.beneficiaries,
      needs: sortedBy(
        counted.needs.filter((n) => n.hostId === hostId),
        byName((n) => n.title),
        byCode((n) => n.id),
      ).map((n) => ({ id: n.id, title: n.title, kind: n.kind, status: n.status })),
      problems: problems.map((p) => ({
        id: p.id,
        title: p.title,
        category: p.category,
        status: p.status,
        field: p.field,
      })),
      recommendations: recommendations.map((r) => ({ id: r.id, text: r.text, adopted: r.adopted })),
      agreements: agreementOrder(counted.agreements.filter((a) => a.hostId === hostId)).map((a) => ({
        id: a.id,
        title: a.title,
        kind: a.kind,
        status: a.status,
      })),
    };
  });
  return sortedBy(
    sections,
    byCode((h) => dateKey(h.dates[0] ?? '')),
    byName((h) => h.name),
    byCode((h) => h.hostId),
  );
}

/** Signed date (undated last), then title. */
const agreementOrder = (agreements: readonly Agreement[]) =>
  sortedBy(
    agreements,
    byCode((a) => dateKey(a.signedDate)),
    byName((a) => a.title),
    byCode((a) => a.id),
  );

export function agreementList(lookup: Lookup, agreements: readonly Agreement[]): ReportAgreement[] {
  return agreementOrder(agreements).map((a) => ({
    id: a.id,
    title: a.title,
    kind: a.kind,
    status: a.status,
    concluded: CONCLUDED_STATUSES.has(a.status),
    hostId: a.hostId,
    hostName: hostName(lookup, a.hostId),
    parties: [...a.parties],
    expertNames: expertNames(lookup, a.expertIds),
    signedDate: a.signedDate,
    termStart: a.termStart,
    termEnd: a.termEnd,
    amount: a.amount,
  }));
}

/** Experts of concluded special-adviser appointments, with the hosts that appointed them. */
export function appointedExperts(
  lookup: Lookup,
  agreements: readonly Agreement[],
): (ReportExpert & { hostNames: string[] })[] {
  const hostsOf = new Map<string, string[]>();
  for (const a of agreements) {
    if (a.kind !== 'expert_appointment' || !CONCLUDED_STATUSES.has(a.status)) continue;
    for (const expertId of a.expertIds) {
      hostsOf.set(expertId, [...(hostsOf.get(expertId) ?? []), hostName(lookup, a.hostId)]);
    }
  }
  const experts = [...hostsOf].map(([expertId, hosts]) => ({
    ...reportExpert(lookup, expertId),
    hostNames: distinctSorted(hosts),
  }));
  return sortedBy(
    experts,
    byName((e) => e.name),
    byCode((e) => e.expertId),
  );
}

/** What a follow-up is about, in words: "host · date" for a visit, the title of anything else. */
export function relatedLabel(lookup: Lookup, f: FollowUp): string {
  switch (f.relatedType) {
    case 'host':
      return hostName(lookup, f.relatedId);
    case 'visit': {
      const visit = lookup.visits.get(f.relatedId);
      if (!visit) return '';
      const host = hostName(lookup, visit.hostId);
      return host ? `${host} · ${visit.date}` : visit.date;
    }
    case 'problem':
      return lookup.problems.get(f.relatedId)?.title ?? '';
    case 'agreement':
      return lookup.agreements.get(f.relatedId)?.title ?? '';
    case 'need':
      return lookup.needs.get(f.relatedId)?.title ?? '';
  }
}

/** Follow-ups still to do (not done, not cancelled), by due date; overdue when due before today. */
export function openFollowUps(
  lookup: Lookup,
  followUps: readonly FollowUp[],
  today: string,
): ReportFollowUp[] {
  return sortedBy(
    followUps.filter((f) => !CLOSED_FOLLOW_UP.has(f.status)),
    byCode((f) => f.dueDate),
    byName((f) => f.action),
    byCode((f) => f.id),
  ).map((f) => ({
    id: f.id,
    action: f.action,
    owner: f.owner,
    dueDate: f.dueDate,
    status: f.status,
    overdue: f.dueDate < today,
    relatedType: f.relatedType,
    relatedLabel: relatedLabel(lookup, f),
  }));
}
