import { memberRoles } from '../enums';
import type { Agreement, Expert, Host, Need, Problem, TripMember, Visit } from '../schemas/records';
import { daysBetween } from './tripFigures';
import type { ReportExpert, ReportInput } from './tripReport';

/**
 * Lookups and orderings shared by the report's sections. Names sort with an explicit Chinese collation
 * (pinyin order in 'zh-Hans-CN'), never the runtime's default locale, so a report computed on an
 * English-language laptop and on the server lists names in the same order. Ties fall back to the id so
 * the order never depends on input order.
 */

const collator = new Intl.Collator('zh-Hans-CN');

export const compareZh = (a: string, b: string): number => collator.compare(a, b);

type Compare<T> = (a: T, b: T) => number;

/** Compares a name (or any text a person reads) in zh collation. */
export const byName =
  <T>(key: (item: T) => string): Compare<T> =>
  (a, b) =>
    compareZh(key(a), key(b));

/** Compares dates (YYYY-MM-DD), ids and role ranks by code units: no locale may reorder them. */
export const byCode =
  <T>(key: (item: T) => string): Compare<T> =>
  (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/** Sorts a copy by the given comparisons in turn (callers end with the id, so ties never depend on input order). */
export function sortedBy<T>(items: Iterable<T>, ...compares: Compare<T>[]): T[] {
  return [...items].sort((a, b) => {
    for (const compare of compares) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
}

/** Distinct non-empty strings, zh-sorted. */
export function distinctSorted(values: Iterable<string>): string[] {
  return sortedBy(
    new Set([...values].filter((v) => v.trim() !== '')),
    byName((v) => v),
    byCode((v) => v),
  );
}

/** Dates compare as plain strings (YYYY-MM-DD); a missing date sorts after every real one. */
export const dateKey = (date: string): string => date || '\uffff';

/** Calendar days from start to end, both included; 0 when a date is missing or the range is reversed. */
export function calendarDays(start: string, end: string): number {
  if (!start || !end) return 0;
  const days = daysBetween(start, end) + 1;
  return Number.isFinite(days) && days > 0 ? days : 0;
}

const ROLE_ORDER = Object.keys(memberRoles);
/** Chief expert, group leaders, experts, then the supporting roles: the order a team is introduced in. */
export const roleRank = (role: string): string => {
  const rank = ROLE_ORDER.indexOf(role);
  return String(rank < 0 ? ROLE_ORDER.length : rank).padStart(2, '0');
};

export type Lookup = {
  hosts: ReadonlyMap<string, Host>;
  experts: ReadonlyMap<string, Expert>;
  /** The expert's membership on this trip (the first one if a sync produced two). */
  members: ReadonlyMap<string, TripMember>;
  /** Every live visit, rejected ones included: labels of follow-ups may point at them. */
  visits: ReadonlyMap<string, Visit>;
  problems: ReadonlyMap<string, Problem>;
  needs: ReadonlyMap<string, Need>;
  agreements: ReadonlyMap<string, Agreement>;
};

const mapById = <R extends { id: string }>(rows: readonly R[]) => new Map(rows.map((r) => [r.id, r]));

export function makeLookup(input: {
  hosts: readonly Host[];
  experts: readonly Expert[];
  members: readonly TripMember[];
  visits: readonly Visit[];
  problems: readonly Problem[];
  needs: readonly Need[];
  agreements: readonly Agreement[];
}): Lookup {
  const members = new Map<string, TripMember>();
  for (const m of input.members) if (!members.has(m.expertId)) members.set(m.expertId, m);
  return {
    hosts: mapById(input.hosts),
    experts: mapById(input.experts),
    members,
    visits: mapById(input.visits),
    problems: mapById(input.problems),
    needs: mapById(input.needs),
    agreements: mapById(input.agreements),
  };
}

export function reportExpert(lookup: Lookup, expertId: string): ReportExpert {
  const expert = lookup.experts.get(expertId);
  const member = lookup.members.get(expertId);
  return {
    expertId,
    name: expert?.name ?? '',
    title: expert?.title ?? '',
    affiliation: expert?.affiliation ?? '',
    role: member?.role ?? '',
    group: member?.group ?? '',
    fields: [...(expert?.fields ?? [])],
  };
}

export const hostName = (lookup: Lookup, hostId: string): string => lookup.hosts.get(hostId)?.name ?? '';

/** Names of the given experts in the given order, distinct, unknown ones left out. */
export function expertNames(lookup: Lookup, expertIds: Iterable<string>): string[] {
  const names = [...new Set(expertIds)].map((id) => lookup.experts.get(id)?.name ?? '');
  return [...new Set(names.filter((n) => n !== ''))];
}

/**
 * The input with every list in id order: the device reads rows in id order, the server in whatever order
 * PostgreSQL returns them, and a few things follow input order (the attention list, which of two
 * duplicate memberships wins). Sorting here makes the report a function of the records alone.
 */
export function inIdOrder(input: ReportInput): ReportInput {
  const byId = <R extends { id: string }>(rows: readonly R[]) =>
    sortedBy(
      rows,
      byCode((r) => r.id),
    );
  return {
    ...input,
    visits: byId(input.visits),
    problems: byId(input.problems),
    recommendations: byId(input.recommendations),
    agreements: byId(input.agreements),
    needs: byId(input.needs),
    members: byId(input.members),
    followUps: byId(input.followUps),
    hosts: byId(input.hosts),
    experts: byId(input.experts),
  };
}
