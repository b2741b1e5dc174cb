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
import type { ActivityType, AgreementKind, TripFigures } from './tripFigures';

/**
 * The report an organiser sends to the province after a trip (DOMAIN.md, "What the organisers report"):
 * the figures in the province's shape, then sections per group and per host, the agreements and the open
 * follow-ups. Computed here, once, from plain records, so the app (offline, from IndexedDB), the exports
 * and the server's report endpoint give identical numbers for the same data.
 *
 * What counts: only live records (the caller drops tombstones; merged-away records are tombstones), and
 * no visit an organiser rejected (review state 'rejected'), nor the problems and recommendations
 * recorded on such a visit. Everything else counts whatever its review state: a trip's figures must not
 * drop to zero just because nobody has reviewed yet.
 *
 * Contract for the implementation (computeTripReport in this file):
 *  - pure and deterministic: same input, same output (sorted lists, no clock, no locale-dependent sort
 *    except the explicit zh collation 'zh-Hans-CN' used for names);
 *  - never throws on odd data (a visit naming a host or expert not in the input shows the id's label as
 *    '' and still counts).
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
  excluded: { rejectedVisits: number };
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
  /** Distinct experts across the trips (by expert id) and their distinct affiliations. */
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
  agreementsByKind: Record<AgreementKind, number>;
  expertsAppointed: number;
};
