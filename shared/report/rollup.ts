import { byCode, byName, sortedBy } from './reportLookup';
import {
  ACTIVITY_TYPES,
  type ActivityType,
  AGREEMENT_KINDS,
  type AgreementKind,
  isExpertRole,
} from './tripFigures';
import type { Rollup, RollupFilter, TripReport } from './tripReport';

/**
 * The totals across many trips, as the province reports them over years ("7 years: 230 experts from
 * 54 institutions, 117 host units, 160 projects, 1723 problems…"). Built from the trips' reports, so a
 * roll-up counts exactly what each trip's report counts (rejected visits left out, and so on).
 *
 * People and places are counted once however many trips they took part in: experts by id (the team
 * members of each trip in an expert role; technology managers and liaisons support the team), institutions as the distinct affiliations of those experts, host units by id
 * among the hosts actually visited. Everything else is a sum of the trips' figures.
 */

export const EMPTY_ROLLUP_FILTER: RollupFilter = { from: '', to: '', region: '' };

/**
 * A trip belongs to the roll-up when its dates overlap [from, to] (an empty end is open) and its region
 * contains the filter's region text, ignoring case and surrounding spaces (empty: any region).
 */
export function matchesRollupFilter(
  trip: { startDate: string; endDate: string; region: string },
  filter: RollupFilter,
): boolean {
  const from = filter.from.trim();
  const to = filter.to.trim();
  if (from && trip.endDate < from) return false;
  if (to && trip.startDate > to) return false;
  const region = filter.region.trim().toLowerCase();
  return region === '' || trip.region.toLowerCase().includes(region);
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function computeRollup(reports: readonly TripReport[], filter: RollupFilter): Rollup {
  const included = sortedBy(
    reports.filter((r) => matchesRollupFilter(r.trip, filter)),
    byCode((r) => r.trip.startDate),
    byName((r) => r.trip.title),
    byCode((r) => r.trip.id),
  );
  const experts = new Map<string, string>();
  const hosts = new Set<string>();
  const appointed = new Set<string>();
  const activities = zeros<ActivityType>(ACTIVITY_TYPES);
  const agreementsByKind = zeros<AgreementKind>(AGREEMENT_KINDS);
  const totals = {
    projects: 0,
    projectsCovered: 0,
    visits: 0,
    problemsSolved: 0,
    hardProblemsSolved: 0,
    recommendations: 0,
    peopleTrained: 0,
    beneficiaries: 0,
    agreementsSigned: 0,
  };

  for (const { figures: f, team, hosts: hostSections, expertsAppointed } of included) {
    for (const e of team) if (isExpertRole(e.role)) experts.set(e.expertId, e.affiliation.trim());
    for (const h of hostSections) if (h.visits > 0) hosts.add(h.hostId);
    for (const e of expertsAppointed) appointed.add(e.expertId);
    for (const type of ACTIVITY_TYPES) activities[type] += f.activities[type];
    for (const kind of AGREEMENT_KINDS) agreementsByKind[kind] += f.agreements.byKind[kind].signed;
    totals.projects += f.needs.total;
    totals.projectsCovered += f.needs.covered;
    totals.visits += f.visits;
    totals.problemsSolved += f.problems.solved;
    totals.hardProblemsSolved += f.problems.hard.solved;
    totals.recommendations += f.recommendations.total;
    totals.peopleTrained += f.peopleTrained;
    totals.beneficiaries += f.beneficiaries;
    totals.agreementsSigned += f.agreements.signed;
  }

  return {
    filter: { ...filter },
    trips: included.map(({ trip, figures }) => ({
      id: trip.id,
      title: trip.title,
      region: trip.region,
      startDate: trip.startDate,
      endDate: trip.endDate,
      visits: figures.visits,
      experts: figures.experts.members,
    })),
    experts: experts.size,
    institutions: new Set([...experts.values()].filter((a) => a !== '')).size,
    hostsServed: hosts.size,
    ...totals,
    activities,
    agreementsByKind,
    expertsAppointed: appointed.size,
  };
}
