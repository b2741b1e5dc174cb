import type { MessageKey } from '../../../shared/i18n';
import type { RecordTable } from '../../../shared/schemas';
import { listSeparator } from '../../components/list';
import type { Stored } from '../../db/types';
import type { T } from '../../i18n/useT';
import { useT } from '../../i18n/useT';
import type { DuplicateData, DuplicateReason, Member } from './useDuplicateGroups';
import { nameKey } from './values';

/** Why records were grouped, in words. */
export const REASON_TEXT: Record<DuplicateReason, MessageKey> = {
  creditCode: 'reconcile.reason.creditCode',
  name: 'reconcile.reason.name',
  sameVisit: 'reconcile.reason.sameVisit',
};

/** "走访 3 次", "需求 1 条": how many records of a table point at a record. */
const COUNT_TEXT: Partial<Record<RecordTable, MessageKey>> = {
  visits: 'reconcile.count.visits',
  needs: 'reconcile.count.needs',
  problems: 'reconcile.count.problems',
  recommendations: 'reconcile.count.recommendations',
  agreements: 'reconcile.count.agreements',
  followUps: 'reconcile.count.followUps',
  comments: 'reconcile.count.comments',
};

/** The non-zero reference counts of a record in words, visits first ("走访 3 次、问题 2 个"); '' if none. */
export function countsText(t: T, counts: Partial<Record<RecordTable, number>>): string {
  return (Object.entries(COUNT_TEXT) as [RecordTable, MessageKey][])
    .filter(([table]) => (counts[table] ?? 0) > 0)
    .map(([table, key]) => t(key, { count: counts[table] ?? 0 }))
    .join(listSeparator(t.lang));
}

const hostName = (visit: Stored<'visits'>, data: Pick<DuplicateData, 'names'>) =>
  data.names.get(nameKey('hosts', visit.hostId)) ?? '';

export function visitLabel(visit: Stored<'visits'>, data: Pick<DuplicateData, 'names'>, t: T) {
  const experts = visit.expertIds
    .map((id) => data.names.get(nameKey('experts', id)))
    .filter(Boolean)
    .join(listSeparator(t.lang));
  return [hostName(visit, data), visit.date, experts].filter(Boolean).join(' · ');
}

/** A visit in the merge trail ("璧山区人民医院 · 2025-06-23"), as the sync screens title visits. */
export function visitTrailLabel(visit: Stored<'visits'>, data: Pick<DuplicateData, 'names'>): string {
  return [hostName(visit, data), visit.date].filter(Boolean).join(' · ');
}

/** How a member of a duplicate group is called in lists and confirmations. */
export function useMemberLabel(data: DuplicateData | undefined) {
  const t = useT();
  return (table: 'hosts' | 'visits', member: Member) =>
    table === 'hosts' || !data
      ? String((member.record as Stored<'hosts'>).name ?? '')
      : visitLabel(member.record as Stored<'visits'>, data, t);
}
