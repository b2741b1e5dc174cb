import { newId } from '../ids';
import { APPOINTMENT_TITLE, APPOINTMENT_YEARS, demoCooperations } from './agreements';
import { addDays, assertIsoDate, localToday, termEnd } from './dates';
import { demoExperts, type ExpertKey, TEAM_EXPERTS } from './experts';
import { buildFollowUps } from './followUpBuilder';
import { demoHosts, type HostKey } from './hosts';
import { demoNeeds, type NeedKey } from './needs';
import { ARTICLE_START_DATE, demoTripSeed, TRIP_DAYS } from './trip';
import type { DemoOptions, DemoTrip } from './types';
import { demoVisits } from './visits';

export { DEMO_TABLE_ORDER, type DemoOptions, type DemoRecord, type DemoTable, type DemoTrip } from './types';

/**
 * Builds the demo trip (seed article 003, 璧山 2025) as plain record inputs, one list per table, with
 * fresh ids and every reference resolved. Pure: no database, no DOM. Every call makes new ids, so the
 * same demo can be loaded twice as two trips.
 */

const keysOf = <K extends string>(table: Record<K, unknown>) => Object.keys(table) as K[];

function idsFor<K extends string>(table: Record<K, unknown>): Record<K, string> {
  return Object.fromEntries(keysOf(table).map((key) => [key, newId()])) as Record<K, string>;
}

function tripStatus(start: string, end: string, today: string): 'planning' | 'active' | 'completed' {
  if (today < start) return 'planning';
  if (today <= end) return 'active';
  return 'completed';
}

export function buildDemoTrip(options: DemoOptions = {}): DemoTrip {
  const start = assertIsoDate(options.startDate ?? ARTICLE_START_DATE);
  const end = addDays(start, TRIP_DAYS - 1);
  const today = assertIsoDate(options.today ?? localToday());
  const tripId = newId();
  const expertIds = idsFor(demoExperts);
  const hostIds = idsFor(demoHosts);
  const needIds = idsFor(demoNeeds);
  const visitIds = idsFor(demoVisits);
  const experts = (keys: readonly ExpertKey[]) => keys.map((key) => expertIds[key]);

  const out: DemoTrip = {
    trips: [
      { id: tripId, ...demoTripSeed, startDate: start, endDate: end, status: tripStatus(start, end, today) },
    ],
    experts: keysOf(demoExperts).map((key) => {
      const { role: _role, group: _group, ...expert } = demoExperts[key];
      return { id: expertIds[key], ...expert };
    }),
    hosts: keysOf(demoHosts).map((key: HostKey) => ({ id: hostIds[key], ...demoHosts[key] })),
    tripMembers: keysOf(demoExperts).map((key) => ({
      id: newId(),
      tripId,
      expertId: expertIds[key],
      role: demoExperts[key].role,
      group: demoExperts[key].group,
    })),
    needs: keysOf(demoNeeds).map((key: NeedKey) => {
      const { host, experts: needExperts, ...need } = demoNeeds[key];
      return { id: needIds[key], tripId, hostId: hostIds[host], expertIds: experts(needExperts), ...need };
    }),
    visits: [],
    problems: [],
    recommendations: [],
    agreements: [],
    followUps: [],
  };

  /** (visit, problem title) → problem id, for follow-ups that point at a problem. */
  const problemIds = new Map<string, string>();
  for (const key of keysOf(demoVisits)) {
    const seed = demoVisits[key];
    const visitId = visitIds[key];
    out.visits.push({
      id: visitId,
      tripId,
      hostId: hostIds[seed.host],
      needIds: (seed.needs ?? []).map((need) => needIds[need]),
      date: addDays(start, seed.day),
      expertIds: experts(seed.experts),
      activities: seed.activities.map((activity) => ({ ...activity })),
      peopleTrained: seed.peopleTrained,
      beneficiaries: seed.beneficiaries,
      location: seed.location,
      notes: seed.notes,
      reviewState: seed.reviewState ?? 'draft',
    });
    for (const problem of seed.problems) {
      const problemId = newId();
      problemIds.set(`${key}\n${problem.title}`, problemId);
      out.problems.push({
        id: problemId,
        tripId,
        visitId,
        hostId: hostIds[seed.host],
        title: problem.title,
        description: problem.description ?? '',
        category: problem.category,
        field: seed.field,
        status: problem.status ?? 'solved',
      });
      for (const advice of problem.advice ?? []) {
        out.recommendations.push({
          id: newId(),
          tripId,
          visitId,
          problemId,
          ...advice,
          adopted: !!advice.adopted,
        });
      }
    }
    for (const advice of seed.generalAdvice ?? []) {
      out.recommendations.push({
        id: newId(),
        tripId,
        visitId,
        problemId: '',
        ...advice,
        adopted: !!advice.adopted,
      });
    }
  }

  const statusOver = <S extends string>(status: S, last: string) => (last < today ? 'completed' : status);
  const cooperationIds = new Map<string, string>();
  for (const seed of demoCooperations) {
    const id = newId();
    const last = termEnd(end, seed.years);
    cooperationIds.set(seed.title, id);
    out.agreements.push({
      id,
      tripId,
      hostId: hostIds[seed.host],
      visitId: visitIds[seed.visit],
      kind: 'cooperation',
      title: seed.title,
      parties: [demoHosts[seed.host].name, ...seed.partners],
      expertIds: experts(seed.experts),
      signedDate: end,
      termStart: end,
      termEnd: last,
      amount: seed.amount,
      status: statusOver(seed.status, last),
      notes: seed.notes ?? '',
    });
  }
  for (const key of TEAM_EXPERTS) {
    const name = demoExperts[key].name;
    const last = termEnd(end, APPOINTMENT_YEARS);
    out.agreements.push({
      id: newId(),
      tripId,
      hostId: hostIds.government,
      visitId: visitIds.closing,
      kind: 'expert_appointment',
      title: `聘任${name}为“${APPOINTMENT_TITLE}”`,
      parties: [demoHosts.government.name, name],
      expertIds: [expertIds[key]],
      signedDate: end,
      termStart: end,
      termEnd: last,
      amount: 0,
      status: statusOver('in_effect', last),
      notes: '',
    });
  }

  out.followUps = buildFollowUps({
    tripId,
    end,
    today,
    owner: (key) => demoExperts[key].name,
    resolve: (related) => {
      switch (related.type) {
        case 'visit':
          return visitIds[related.key];
        case 'need':
          return needIds[related.key];
        case 'host':
          return hostIds[related.key];
        case 'agreement':
          return cooperationIds.get(related.cooperation);
        case 'problem':
          return problemIds.get(`${related.visit}\n${related.title}`);
      }
    },
  });
  return out;
}
