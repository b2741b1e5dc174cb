import { reviewStates } from '../../shared/enums';
import type { ReviewedTable } from '../../shared/schemas';
import type { Stored } from '../db/types';
import type { ReviewState } from './transitions';

/**
 * The organiser's review queue: the trip's visits and agreements as one list, filtered by state and
 * kind. Pure, so the order and the counts are tested without a screen.
 */
export type QueueRow = {
  id: string;
  table: ReviewedTable;
  state: ReviewState;
  /** Visit: the host's name; agreement: its title. */
  title: string;
  /** Visit: the experts present; agreement: the host. */
  detail: string;
  /** Visit date, or the agreement's signing date (its creation day while unsigned). */
  date: string;
  comments: number;
};

export type QueueKind = 'all' | ReviewedTable;
export type QueueStateFilter = ReviewState | 'all';

const collator = new Intl.Collator('zh-CN');

export function buildQueue(input: {
  visits: readonly Stored<'visits'>[];
  agreements: readonly Stored<'agreements'>[];
  comments: readonly Stored<'comments'>[];
  hostName: (id: string) => string;
  expertNames: (ids: readonly string[]) => string;
}): QueueRow[] {
  const commentCount = new Map<string, number>();
  for (const c of input.comments) commentCount.set(c.recordId, (commentCount.get(c.recordId) ?? 0) + 1);
  const rows: QueueRow[] = [
    ...input.visits.map((v) => ({
      id: v.id,
      table: 'visits' as const,
      state: v.reviewState,
      title: input.hostName(v.hostId),
      detail: input.expertNames(v.expertIds),
      date: v.date,
      comments: commentCount.get(v.id) ?? 0,
    })),
    ...input.agreements.map((a) => ({
      id: a.id,
      table: 'agreements' as const,
      state: a.reviewState,
      title: a.title,
      detail: input.hostName(a.hostId),
      date: a.signedDate || a.createdAt.slice(0, 10),
      comments: commentCount.get(a.id) ?? 0,
    })),
  ];
  // Oldest first: a queue is worked through in the order the trip happened.
  return rows.sort(
    (a, b) => a.date.localeCompare(b.date) || collator.compare(a.title, b.title) || a.id.localeCompare(b.id),
  );
}

export function filterQueue(
  rows: readonly QueueRow[],
  filter: { state: QueueStateFilter; kind: QueueKind },
): QueueRow[] {
  return rows.filter(
    (r) =>
      (filter.state === 'all' || r.state === filter.state) &&
      (filter.kind === 'all' || r.table === filter.kind),
  );
}

/** Rows per review state (every state present, zero included). */
export function countByState(rows: readonly Pick<QueueRow, 'state'>[]): Record<ReviewState, number> {
  const counts = Object.fromEntries(Object.keys(reviewStates).map((s) => [s, 0])) as Record<
    ReviewState,
    number
  >;
  for (const r of rows) counts[r.state] += 1;
  return counts;
}

export function isQueueState(value: string | null): value is QueueStateFilter {
  return value === 'all' || (value !== null && Object.hasOwn(reviewStates, value));
}
