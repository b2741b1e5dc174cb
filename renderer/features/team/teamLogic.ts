import type { memberRoles } from '../../../shared/enums';
import type { BadgeTone } from '../../components/layout';
import { createRecord } from '../../data/repository';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';

export type Role = keyof typeof memberRoles;
export type Expert = Stored<'experts'>;
export type Member = Stored<'tripMembers'>;

/** The expert is already on the trip's team; carries the existing membership so the UI can point to it. */
export class AlreadyMemberError extends Error {
  constructor(readonly member: Member) {
    super('already a member');
    this.name = 'AlreadyMemberError';
  }
}

export async function findMembership(tripId: string, expertId: string): Promise<Member | undefined> {
  const rows = await getDb().tripMembers.where('tripId').equals(tripId).toArray();
  return rows.find((m) => m._deleted === 0 && m.expertId === expertId);
}

/**
 * Adds an expert to a trip's team. Checks the store right before writing (not only the list on screen),
 * so a second tab or a double click cannot put the same expert on the team twice.
 */
export async function addMemberToTrip(
  tripId: string,
  expertId: string,
  role: Role,
  group: string,
): Promise<Member> {
  const existing = await findMembership(tripId, expertId);
  if (existing) throw new AlreadyMemberError(existing);
  return createRecord('tripMembers', { tripId, expertId, role, group });
}

/** Visits per expert in this trip (an expert counts once per visit they were present at). */
export function visitsPerExpert(visits: readonly Pick<Stored<'visits'>, 'expertIds'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const visit of visits) {
    for (const id of new Set(visit.expertIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Every word of the query must appear in the expert's name, title, affiliation, fields or honours. */
export function expertMatches(expert: Expert | undefined, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  if (!expert) return false;
  const haystack = [expert.name, expert.title, expert.affiliation, ...expert.fields, ...expert.honours]
    .join(' ')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

const ROLE_ORDER: readonly Role[] = ['chief_expert', 'group_leader', 'expert', 'tech_manager', 'liaison'];

/** Team order: by group (ungrouped last), then by role seniority, then by name. */
export function compareMembers(a: Member, b: Member, nameOf: (m: Member) => string): number {
  if (a.group !== b.group) {
    if (a.group === '') return 1;
    if (b.group === '') return -1;
    return a.group.localeCompare(b.group, 'zh-CN');
  }
  const byRole = ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);
  return byRole || nameOf(a).localeCompare(nameOf(b), 'zh-CN');
}

export const roleTone = {
  chief_expert: 'warn',
  group_leader: 'info',
  expert: 'neutral',
  tech_manager: 'good',
  liaison: 'neutral',
} as const satisfies Record<Role, BadgeTone>;

export { ROLE_ORDER };
