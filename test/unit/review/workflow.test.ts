import { describe, expect, it } from 'vitest';
import type { Stored } from '../../../renderer/db/types';
import { buildQueue, countByState, filterQueue, isQueueState } from '../../../renderer/review/queue';
import { reviewActions } from '../../../renderer/review/transitions';

describe('review actions offered', () => {
  it('experts submit drafts and resubmit what was sent back; nothing else, and nothing once locked', () => {
    const expert = { canManage: false, locked: false };
    expect(reviewActions('draft', expert)).toEqual(['submit']);
    expect(reviewActions('has_issues', expert)).toEqual(['resubmit']);
    expect(reviewActions('rejected', expert)).toEqual(['resubmit']);
    expect(reviewActions('submitted', expert)).toEqual([]);
    expect(reviewActions('approved', expert)).toEqual([]);
    expect(reviewActions('has_issues', { canManage: false, locked: true })).toEqual([]);
  });

  it('organisers decide from any state, even when locked, and can take a decision back', () => {
    for (const locked of [false, true]) {
      const organiser = { canManage: true, locked };
      expect(reviewActions('submitted', organiser)).toEqual(['approve', 'markIssues', 'reject']);
      expect(reviewActions('draft', organiser)).toEqual(['approve', 'markIssues', 'reject']);
      expect(reviewActions('approved', organiser)).toEqual(['markIssues', 'reject', 'reopen']);
      expect(reviewActions('has_issues', organiser)).toEqual(['approve', 'reject', 'reopen']);
    }
  });
});

const visit = (id: string, date: string, reviewState: Stored<'visits'>['reviewState'], hostId = 'h1') =>
  ({ id, date, reviewState, hostId, expertIds: ['e1'] }) as Stored<'visits'>;
const agreement = (id: string, signedDate: string, reviewState: Stored<'agreements'>['reviewState']) =>
  ({
    id,
    title: `协议${id}`,
    signedDate,
    createdAt: '2025-06-20T08:00:00Z',
    reviewState,
    hostId: 'h2',
  }) as Stored<'agreements'>;
const comment = (recordId: string) => ({ recordId }) as Stored<'comments'>;

describe('the review queue', () => {
  const rows = buildQueue({
    visits: [visit('v2', '2025-06-25', 'submitted'), visit('v1', '2025-06-24', 'has_issues')],
    agreements: [agreement('a1', '', 'submitted'), agreement('a2', '2025-06-24', 'approved')],
    comments: [comment('v1'), comment('v1'), comment('a2')],
    hostName: (id) => (id === 'h1' ? '东嶅药业' : '璧山区人民医院'),
    expertNames: (ids) => ids.map(() => '陈绍成').join('、'),
  });

  it('lists visits and agreements oldest first, with names and comment counts', () => {
    expect(rows.map((r) => r.id)).toEqual(['a1', 'v1', 'a2', 'v2']);
    expect(rows[0]).toMatchObject({
      table: 'agreements',
      date: '2025-06-20',
      detail: '璧山区人民医院',
      comments: 0,
    });
    expect(rows[1]).toMatchObject({ table: 'visits', title: '东嶅药业', detail: '陈绍成', comments: 2 });
  });

  it('filters by state and kind, and counts every state', () => {
    expect(filterQueue(rows, { state: 'submitted', kind: 'all' }).map((r) => r.id)).toEqual(['a1', 'v2']);
    expect(filterQueue(rows, { state: 'submitted', kind: 'visits' }).map((r) => r.id)).toEqual(['v2']);
    expect(filterQueue(rows, { state: 'all', kind: 'agreements' }).map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(countByState(rows)).toEqual({ draft: 0, submitted: 2, has_issues: 1, approved: 1, rejected: 0 });
  });

  it('accepts only known states from the address', () => {
    expect(isQueueState('has_issues')).toBe(true);
    expect(isQueueState('all')).toBe(true);
    expect(isQueueState('toString')).toBe(false);
    expect(isQueueState(null)).toBe(false);
  });
});
