import type {
  Agreement,
  Expert,
  FollowUp,
  Host,
  Need,
  Problem,
  Recommendation,
  Trip,
  TripMember,
  Visit,
} from '../schemas/records';
import { countedRecords } from './counted';
import {
  byCode,
  byName,
  calendarDays,
  distinctSorted,
  inIdOrder,
  makeLookup,
  reportExpert,
  sortedBy,
} from './reportLookup';
import {
  agreementList,
  appointedExperts,
  groupSections,
  hostSections,
  openFollowUps,
} from './reportSections';
import { reportSentence } from './sentence';
import { type ActivityType, type AgreementKind, computeTripFigures, type TripFigures } from './tripFigures';

/**
 * The report an organiser sends to the province after a trip (DOMAIN.md, "What the organisers report"):
 * the figures in the province's shape, then sections per group and per host, the agreements and the open
 * follow-ups. Computed here, once, from plain records, so the app (offline, from IndexedDB), the exports
 * and the server's report endpoint give identical numbers for the same data.
 *
 * Rules of counting:
 *  - Only live records: the caller drops tombstones. Merged-away records are tombstones, and the records
 *    that pointed at them were re-pointed to the survivor, so a merged host counts once.
 *  - A visit an organiser rejected (review state 'rejected') does not count, nor the problems and
 *    recommendations recorded on it; nor does an agreement an organiser rejected (countedRecords in
 *    counted.ts, shared with the trip home). Every other review state counts: a trip's figures must not
 *    drop to zero because nobody has reviewed yet. Agreements, needs and follow-ups count whatever the
 *    review state of a visit they mention.
 *  - The figures are computeTripFigures of the counted records; group and host sections call the same
 *    function on their share of them, so nothing is added up twice in two ways.
 *  - Groups come from tripMembers.group (experts without a group under ''); a group's figures are over
 *    the visits that name any expert of the group, so a joint visit counts for each group present.
 *  - Hosts sections: every host the counted visits, needs or agreements name, by first visit date
 *    (never-visited hosts last), then name. Agreements: by signed date (undated last), then title.
 *  - Open follow-ups: status neither done nor cancelled, by due date; overdue when due before `today`.
 *  - The sentence uses the trip's calendar days (start to end date, inclusive), not the visit days.
 *
 * Contract: pure and deterministic — same input, same output (sorted lists, no clock, names sorted
 * with the explicit zh collation 'zh-Hans-CN', dates and ids by code units); never throws on odd data
 * (a visit naming a host or expert not in the input shows the name as '' and still counts; name lists
 * leave unknown experts out).
 */

export const REPORT_FORMAT_VERSION = 1;

/** Live records of one trip plus the directory entries they name. */
export type ReportInput = {
  trip: Trip;
  visits: readonly Visit[];
  problems: readonly Problem[];
  recommendations: readonly Recommendation[];
  agreements: readonly Agreement[];
  needs: readonly Need[];
  members: readonly TripMember[];
  followUps: readonly FollowUp[];
  /** Hosts the trip's records name (others are ignored). */
  hosts: readonly Host[];
  /** Experts the trip's records name (others are ignored). */
  experts: readonly Expert[];
  /** Today's date as YYYY-MM-DD in the organiser's time zone (overdue follow-ups). */
  today: string;
};

export type ReportExpert = {
  expertId: string;
  name: string;
  title: string;
  affiliation: string;
  /** Trip role key (memberRoles) and group; '' when the expert is not on the team. */
  role: string;
  group: string;
  fields: string[];
};

export type ReportGroup = {
  /** The group name as typed on the team screen; '' collects experts without a group. */
  group: string;
  experts: ReportExpert[];
  visits: number;
  hostsServed: number;
  activitySessions: number;
  problemsSolved: number;
  recommendations: number;
  peopleTrained: number;
  beneficiaries: number;
  agreementsSigned: number;
};

export type ReportHost = {
  hostId: string;
  name: string;
  kind: string;
  district: string;
  industry: string;
  /** Visit dates, ascending, distinct. */
  dates: string[];
  visits: number;
  expertNames: string[];
  activities: Record<ActivityType, number>;
  peopleTrained: number;
  beneficiaries: number;
  needs: { id: string; title: string; kind: string; status: string }[];
  problems: { id: string; title: string; category: string; status: string; field: string }[];
  recommendations: { id: string; text: string; adopted: boolean }[];
  agreements: { id: string; title: string; kind: AgreementKind; status: string }[];
};

export type ReportAgreement = {
  id: string;
  title: string;
  kind: AgreementKind;
  status: string;
  /** Concluded: signed, in effect or completed (what the province counts as 签订). */
  concluded: boolean;
  hostId: string;
  hostName: string;
  parties: string[];
  expertNames: string[];
  signedDate: string;
  termStart: string;
  termEnd: string;
  /** 万元 */
  amount: number;
};

export type ReportFollowUp = {
  id: string;
  action: string;
  owner: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  relatedType: string;
  /** The related record in words (host name, visit "host · date", problem/agreement/need title). */
  relatedLabel: string;
};

export type TripReport = {
  formatVersion: typeof REPORT_FORMAT_VERSION;
  trip: {
    id: string;
    title: string;
    region: string;
    startDate: string;
    endDate: string;
    /** Calendar days from start to end date, inclusive. */
    days: number;
    organisers: string[];
    coOrganisers: string[];
    focusFields: string[];
    locked: boolean;
  };
  today: string;
  /** The figures of the counted records (see the rules above). */
  figures: TripFigures;
  /** The province's one-paragraph summary (reportSentence), in both languages. */
  sentence: { zh: string; en: string };
  /** Distinct non-empty fields of the counted needs and problems and the trip's focus fields, zh-sorted. */
  fieldsCovered: string[];
  /** Everyone on the team, zh-sorted by name. */
  team: ReportExpert[];
  /** Experts named in concluded special-adviser appointments (特聘专家), zh-sorted. */
  expertsAppointed: (ReportExpert & { hostNames: string[] })[];
  /** Records left out of the figures, so the report can say so. */
  excluded: { rejectedVisits: number; rejectedAgreements: number };
  groups: ReportGroup[];
  hosts: ReportHost[];
  agreements: ReportAgreement[];
  openFollowUps: ReportFollowUp[];
};

/** Filter of the roll-up across trips; empty strings mean "any". */
export type RollupFilter = { from: string; to: string; region: string };

/** The multi-year totals of seed 000 ("7 years: 230 experts from 54 institutions, 117 host units…"). */
export type Rollup = {
  filter: RollupFilter;
  trips: {
    id: string;
    title: string;
    region: string;
    startDate: string;
    endDate: string;
    visits: number;
    experts: number;
  }[];
  /**
   * Distinct experts across the trips (by expert id; team members in an expert role, as
   * figures.experts counts them) and their distinct non-empty affiliations.
   */
  experts: number;
  institutions: number;
  /** Distinct host units served (visited). */
  hostsServed: number;
  /** Needs (projects) and how many were covered. */
  projects: number;
  projectsCovered: number;
  visits: number;
  activities: Record<ActivityType, number>;
  problemsSolved: number;
  hardProblemsSolved: number;
  recommendations: number;
  peopleTrained: number;
  beneficiaries: number;
  agreementsSigned: number;
  /** Concluded (signed, in effect, completed) agreements per kind. */
  agreementsByKind: Record<AgreementKind, number>;
  expertsAppointed: number;
};

export function computeTripReport(raw: ReportInput): TripReport {
  const input = inIdOrder(raw);
  const { trip, today } = input;
  const counted = countedRecords(input);
  const figures = computeTripFigures({
    visits: counted.visits,
    problems: counted.problems,
    recommendations: counted.recommendations,
    agreements: counted.agreements,
    needs: input.needs,
    members: input.members,
    followUps: input.followUps,
    today,
  });
  const days = calendarDays(trip.startDate, trip.endDate);
  const lookup = makeLookup(input);
  const sections = { ...counted, needs: input.needs };
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    trip: {
      id: trip.id,
      title: trip.title,
      region: trip.region,
      startDate: trip.startDate,
      endDate: trip.endDate,
      days,
      organisers: [...trip.organisers],
      coOrganisers: [...trip.coOrganisers],
      focusFields: [...trip.focusFields],
      locked: trip.locked,
    },
    today,
    figures,
    sentence: {
      zh: reportSentence(figures, 'zh-CN', { days }),
      en: reportSentence(figures, 'en', { days }),
    },
    fieldsCovered: distinctSorted([
      ...input.needs.map((n) => n.field),
      ...counted.problems.map((p) => p.field),
      ...trip.focusFields,
    ]),
    team: sortedBy(
      [...lookup.members.keys()].map((expertId) => reportExpert(lookup, expertId)),
      byName((e) => e.name),
      byCode((e) => e.expertId),
    ),
    expertsAppointed: appointedExperts(lookup, counted.agreements),
    excluded: {
      rejectedVisits: counted.rejectedVisits.length,
      rejectedAgreements: counted.rejectedAgreements.length,
    },
    groups: groupSections(lookup, sections, today),
    hosts: hostSections(lookup, sections, today),
    agreements: agreementList(lookup, counted.agreements),
    openFollowUps: openFollowUps(lookup, input.followUps, today),
  };
}
