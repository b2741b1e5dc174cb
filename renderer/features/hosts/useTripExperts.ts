import { useLiveQuery } from 'dexie-react-hooks';
import { memberRoles } from '../../../shared/enums';
import { useRecordMap } from '../../data/useRecordMap';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';
import { useLabel } from '../../i18n/useT';

export type ExpertOption = { id: string; label: string; detail?: string };

/** The experts of a trip's team (trip members → experts), in the team's order. */
export function useTripTeam(tripId: string | undefined) {
  return useLiveQuery(async () => {
    if (!tripId) return [];
    const db = getDb();
    const members = (await db.tripMembers.where('tripId').equals(tripId).toArray()).filter(
      (m) => m._deleted === 0,
    );
    const experts = await db.experts.bulkGet(members.map((m) => m.expertId));
    const team: { member: Stored<'tripMembers'>; expert: Stored<'experts'> }[] = [];
    const seen = new Set<string>();
    members.forEach((member, i) => {
      const expert = experts[i];
      if (!expert || expert._deleted === 1 || seen.has(expert.id)) return;
      seen.add(expert.id);
      team.push({ member, expert });
    });
    return team;
  }, [tripId]);
}

/**
 * Chip options for choosing experts: the trip's team, plus any already-chosen expert who has since left
 * the team (so a saved choice stays visible and can be removed, instead of being kept silently).
 */
export function useExpertOptions(tripId: string | undefined, selected: readonly string[]): ExpertOption[] {
  const labelOf = useLabel();
  const loaded = useTripTeam(tripId);
  const team = loaded ?? [];
  const teamIds = new Set(team.map((m) => m.expert.id));
  const outsiders = useRecordMap(
    'experts',
    selected.filter((id) => !teamIds.has(id)),
  );
  // Until the team has loaded every chosen expert looks like an outsider; offering them then would show
  // each twice for a moment once the team arrives (the outsiders' query catches up a render later).
  if (loaded === undefined) return [];
  const options: ExpertOption[] = team.map(({ member, expert }) => ({
    id: expert.id,
    label: expert.name,
    detail: [labelOf(memberRoles, member.role), member.group, expert.title, expert.affiliation]
      .filter(Boolean)
      .join(' · '),
  }));
  for (const expert of outsiders.values())
    if (!teamIds.has(expert.id))
      options.push({ id: expert.id, label: expert.name, detail: expert.affiliation });
  return options;
}

/** "张三、李四" for a list of expert ids; unknown ids (not yet synced to this device) are skipped. */
export function expertNames(
  ids: readonly string[],
  experts: Map<string, Stored<'experts'>>,
  separator: string,
): string {
  return ids
    .map((id) => experts.get(id)?.name)
    .filter(Boolean)
    .join(separator);
}
