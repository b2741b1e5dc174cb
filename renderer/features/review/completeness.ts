import type { MessageKey } from '../../../shared/i18n';
import { ATTENTION_KINDS, type AttentionItem, type AttentionKind } from '../../../shared/report';
import type { T } from '../../i18n/useT';

/**
 * The completeness check's groups: computeTripFigures' attention items by kind, each item with the
 * address of the record to fix (its own form or drawer, not just the list it is in).
 */
export type CompletenessRow = { key: string; text: string; detail: string; to: string };
export type CompletenessGroup = { kind: AttentionKind; rows: CompletenessRow[] };
export type Names = { host: (id: string) => string; expert: (id: string) => string };

export const GROUP_TITLE = {
  visitEmpty: 'review.complete.visitEmpty',
  needUnvisited: 'review.complete.needUnvisited',
  agreementNoSignedDate: 'review.complete.agreementNoSignedDate',
  agreementNoParties: 'review.complete.agreementNoParties',
  followUpOverdue: 'review.complete.followUpOverdue',
  memberIdle: 'review.complete.memberIdle',
} as const satisfies Record<AttentionKind, MessageKey>;

export const GROUP_HINT = {
  visitEmpty: 'review.complete.visitEmptyHint',
  needUnvisited: 'review.complete.needUnvisitedHint',
  agreementNoSignedDate: 'review.complete.agreementNoSignedDateHint',
  agreementNoParties: 'review.complete.agreementNoPartiesHint',
  followUpOverdue: 'review.complete.followUpOverdueHint',
  memberIdle: 'review.complete.memberIdleHint',
} as const satisfies Record<AttentionKind, MessageKey>;

function rowOf(item: AttentionItem, tripId: string, t: T, names: Names): CompletenessRow {
  const base = `/trips/${tripId}`;
  const titled = (title: string) => title || t('review.complete.untitled');
  switch (item.kind) {
    case 'visitEmpty':
      return {
        key: item.visitId,
        text: names.host(item.hostId),
        detail: item.date,
        to: `${base}/visits/${item.visitId}`,
      };
    case 'needUnvisited':
      return {
        key: item.needId,
        text: titled(item.title),
        detail: names.host(item.hostId),
        to: `${base}/hosts?open=${item.needId}`,
      };
    case 'agreementNoSignedDate':
    case 'agreementNoParties':
      return {
        key: item.agreementId,
        text: titled(item.title),
        detail: '',
        to: `${base}/agreements?open=${item.agreementId}`,
      };
    case 'followUpOverdue':
      return {
        key: item.followUpId,
        text: titled(item.action),
        detail: t('review.complete.overdue', { due: item.dueDate, days: item.daysOverdue }),
        to: `${base}/follow-ups?open=${item.followUpId}`,
      };
    case 'memberIdle':
      // The team screen has no per-member address; the list is where a member's visits are checked.
      return { key: item.memberId, text: names.expert(item.expertId), detail: '', to: `${base}/team` };
  }
}

/** Groups in the order a trip produces its records; kinds with nothing to fix are left out. */
export function completenessGroups(
  items: readonly AttentionItem[],
  tripId: string,
  t: T,
  names: Names,
): CompletenessGroup[] {
  return ATTENTION_KINDS.map((kind) => ({
    kind,
    rows: items.filter((i) => i.kind === kind).map((i) => rowOf(i, tripId, t, names)),
  })).filter((g) => g.rows.length > 0);
}
