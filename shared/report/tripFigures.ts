import { activityTypes, agreementKinds, keysOf } from '../enums';
import type {
  Agreement,
  FollowUp,
  Need,
  Problem,
  Recommendation,
  TripMember,
  Visit,
} from '../schemas/records';

/**
 * The figures of one trip in the shape of the report organisers send to the province
 * ("技术指导5次、学术讲座8场、座谈交流13次,解决疑难杂症12个、其他大小问题47个,给出有效意见建议37条,
 * 直接培训指导201人次,惠及基层群众1645人 … 签订12份合作协议"), plus the gaps an organiser should close
 * before reporting.
 *
 * Pure: no DOM, no Dexie, no clock. The caller passes only live records (tombstones already removed)
 * and today's date, so the renderer, the exports and the server all get the same numbers from the same rows.
 */

export type ActivityType = keyof typeof activityTypes;
export type AgreementKind = keyof typeof agreementKinds;

export const ACTIVITY_TYPES: readonly ActivityType[] = keysOf(activityTypes);
export const AGREEMENT_KINDS: readonly AgreementKind[] = keysOf(agreementKinds);

/** Agreement statuses that mean the agreement was concluded (what the province counts as 签订). */
export const CONCLUDED_STATUSES: ReadonlySet<Agreement['status']> = new Set([
  'signed',
  'in_effect',
  'completed',
]);
/** Statuses before signing: these need no signing date yet. */
const UNSIGNED_STATUSES: ReadonlySet<Agreement['status']> = new Set(['draft', 'negotiating']);
export const CLOSED_FOLLOW_UP: ReadonlySet<FollowUp['status']> = new Set(['done', 'cancelled']);

/** Only the fields the figures read, so the server can pass its own rows without the device bookkeeping. */
export type TripFiguresInput = {
  visits: readonly Pick<
    Visit,
    | 'id'
    | 'hostId'
    | 'needIds'
    | 'date'
    | 'expertIds'
    | 'activities'
    | 'peopleTrained'
    | 'beneficiaries'
    | 'notes'
  >[];
  problems: readonly Pick<Problem, 'id' | 'visitId' | 'category' | 'status'>[];
  recommendations: readonly Pick<Recommendation, 'id' | 'visitId' | 'adopted'>[];
  agreements: readonly Pick<
    Agreement,
    'id' | 'title' | 'kind' | 'status' | 'signedDate' | 'parties' | 'expertIds'
  >[];
  needs: readonly Pick<Need, 'id' | 'hostId' | 'title' | 'status'>[];
  /** The role decides who counts as an expert (see isExpertRole); a member without one counts. */
  members: readonly (Pick<TripMember, 'id' | 'expertId'> & { role?: TripMember['role'] })[];
  followUps: readonly Pick<FollowUp, 'id' | 'action' | 'dueDate' | 'status'>[];
  /** Host ids of the trip's host list, if known; only used to report how many hosts were served of those listed. */
  hosts?: readonly { id: string }[];
  /** Today's date as YYYY-MM-DD, in the organiser's time zone. */
  today: string;
};

export type CountPair = { total: number; solved: number };

export type AttentionItem =
  | { kind: 'visitEmpty'; visitId: string; hostId: string; date: string }
  | { kind: 'needUnvisited'; needId: string; hostId: string; title: string }
  | { kind: 'agreementNoSignedDate'; agreementId: string; title: string }
  | { kind: 'agreementNoParties'; agreementId: string; title: string }
  | { kind: 'followUpOverdue'; followUpId: string; action: string; dueDate: string; daysOverdue: number }
  | { kind: 'memberIdle'; memberId: string; expertId: string };

export type AttentionKind = AttentionItem['kind'];
/** The order attention items are listed in: the record kinds in the order a trip produces them. */
export const ATTENTION_KINDS: readonly AttentionKind[] = [
  'visitEmpty',
  'needUnvisited',
  'agreementNoSignedDate',
  'agreementNoParties',
  'followUpOverdue',
  'memberIdle',
];

export type TripFigures = {
  visits: number;
  /** Distinct dates on which visits took place. */
  visitDays: number;
  hostsServed: number;
  /** Hosts listed for the trip (needs' hosts and visited hosts, plus `input.hosts` when given). */
  hostsListed: number;
  /** Sessions per activity type (sum of the activity counts); every type present, zero included. */
  activities: Record<ActivityType, number>;
  activitySessions: number;
  problems: CountPair & { hard: CountPair; other: CountPair };
  recommendations: { total: number; adopted: number };
  peopleTrained: number;
  beneficiaries: number;
  agreements: {
    total: number;
    /** Concluded agreements: status signed, in effect or completed. */
    signed: number;
    byKind: Record<AgreementKind, { total: number; signed: number }>;
    /** Distinct experts named in concluded special-adviser appointments (特聘专家). */
    appointedExperts: number;
  };
  needs: { total: number; covered: number };
  /**
   * Experts of the team (chief expert, group leaders, experts; not the technology manager or the
   * liaison, who support the team): how many took part in a visit, and how many there are.
   */
  experts: { active: number; members: number };
  attention: AttentionItem[];
};

const zeroRecord = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Whole days from `from` to `to` (both YYYY-MM-DD), counted in UTC so time zones and DST cannot shift it. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Roles that support the team rather than serve as experts: the province's "14名专家" leaves them out. */
const SUPPORT_ROLES: ReadonlySet<string> = new Set(['tech_manager', 'liaison']);
export const isExpertRole = (role: string | undefined): boolean => !SUPPORT_ROLES.has(role ?? '');

/**
 * One membership per expert. Two devices that each added the same expert while offline sync into two
 * membership records; the expert is still one person on the team.
 */
function teamOf(members: TripFiguresInput['members']): TripFiguresInput['members'] {
  const seen = new Set<string>();
  return members.filter((m) => !seen.has(m.expertId) && seen.add(m.expertId));
}

export function computeTripFigures(input: TripFiguresInput): TripFigures {
  const { visits, problems, recommendations, agreements, needs, today } = input;
  const members = teamOf(input.members);
  const experts = members.filter((m) => isExpertRole(m.role));

  const activities = zeroRecord(ACTIVITY_TYPES);
  const visitDates = new Set<string>();
  const hostsServed = new Set<string>();
  const activeExperts = new Set<string>();
  const visitedNeeds = new Set<string>();
  let peopleTrained = 0;
  let beneficiaries = 0;
  for (const visit of visits) {
    visitDates.add(visit.date);
    hostsServed.add(visit.hostId);
    for (const expertId of visit.expertIds) activeExperts.add(expertId);
    for (const needId of visit.needIds) visitedNeeds.add(needId);
    for (const activity of visit.activities) {
      if (activity.type in activities) activities[activity.type] += activity.count;
    }
    peopleTrained += visit.peopleTrained;
    beneficiaries += visit.beneficiaries;
  }
  const activitySessions = ACTIVITY_TYPES.reduce((sum, type) => sum + activities[type], 0);

  const hard: CountPair = { total: 0, solved: 0 };
  const other: CountPair = { total: 0, solved: 0 };
  for (const problem of problems) {
    const bucket = problem.category === 'hard' ? hard : other;
    bucket.total += 1;
    if (problem.status === 'solved') bucket.solved += 1;
  }

  const byKind = Object.fromEntries(AGREEMENT_KINDS.map((k) => [k, { total: 0, signed: 0 }])) as Record<
    AgreementKind,
    { total: number; signed: number }
  >;
  const appointed = new Set<string>();
  let signed = 0;
  for (const agreement of agreements) {
    const entry = byKind[agreement.kind];
    if (!entry) continue;
    entry.total += 1;
    if (CONCLUDED_STATUSES.has(agreement.status)) {
      entry.signed += 1;
      signed += 1;
      if (agreement.kind === 'expert_appointment') for (const e of agreement.expertIds) appointed.add(e);
    }
  }

  const coveredNeeds = needs.filter((n) => visitedNeeds.has(n.id) || n.status === 'addressed');
  const listedHosts = new Set<string>([...hostsServed, ...needs.map((n) => n.hostId)]);
  for (const host of input.hosts ?? []) listedHosts.add(host.id);

  return {
    visits: visits.length,
    visitDays: visitDates.size,
    hostsServed: hostsServed.size,
    hostsListed: listedHosts.size,
    activities,
    activitySessions,
    problems: {
      total: hard.total + other.total,
      solved: hard.solved + other.solved,
      hard,
      other,
    },
    recommendations: {
      total: recommendations.length,
      adopted: recommendations.filter((r) => r.adopted).length,
    },
    peopleTrained,
    beneficiaries,
    agreements: { total: agreements.length, signed, byKind, appointedExperts: appointed.size },
    needs: { total: needs.length, covered: coveredNeeds.length },
    experts: {
      // Only experts of the team count: a visit may name an expert who has since left the team.
      active: experts.filter((m) => activeExperts.has(m.expertId)).length,
      members: experts.length,
    },
    attention: attentionItems({ ...input, members }, visitedNeeds, activeExperts, today),
  };
}

function attentionItems(
  input: TripFiguresInput,
  visitedNeeds: ReadonlySet<string>,
  activeExperts: ReadonlySet<string>,
  today: string,
): AttentionItem[] {
  const items: AttentionItem[] = [];

  // A visit with nothing recorded is usually a form someone meant to finish.
  const visitsWithFindings = new Set<string>([
    ...input.problems.map((p) => p.visitId),
    ...input.recommendations.map((r) => r.visitId),
  ]);
  const emptyVisits = input.visits
    .filter((v) => !visitsWithFindings.has(v.id) && v.notes.trim() === '')
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const v of emptyVisits)
    items.push({ kind: 'visitEmpty', visitId: v.id, hostId: v.hostId, date: v.date });

  // Closed needs were withdrawn on purpose; addressed ones were dealt with outside a visit.
  for (const n of input.needs) {
    if (visitedNeeds.has(n.id) || n.status === 'addressed' || n.status === 'closed') continue;
    items.push({ kind: 'needUnvisited', needId: n.id, hostId: n.hostId, title: n.title });
  }

  for (const a of input.agreements) {
    if (!UNSIGNED_STATUSES.has(a.status) && a.signedDate === '') {
      items.push({ kind: 'agreementNoSignedDate', agreementId: a.id, title: a.title });
    }
  }
  for (const a of input.agreements) {
    if (a.parties.length === 0) items.push({ kind: 'agreementNoParties', agreementId: a.id, title: a.title });
  }

  const overdue = input.followUps
    .filter((f) => !CLOSED_FOLLOW_UP.has(f.status) && f.dueDate < today)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  for (const f of overdue) {
    items.push({
      kind: 'followUpOverdue',
      followUpId: f.id,
      action: f.action,
      dueDate: f.dueDate,
      daysOverdue: daysBetween(f.dueDate, today),
    });
  }

  for (const m of input.members) {
    if (!activeExperts.has(m.expertId))
      items.push({ kind: 'memberIdle', memberId: m.id, expertId: m.expertId });
  }
  return items;
}
