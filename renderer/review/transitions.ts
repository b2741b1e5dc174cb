import type { reviewStates } from '../../shared/enums';
import type { BadgeTone } from '../components/layout';

/**
 * The review workflow: draft → submitted → has_issues / approved / rejected. Experts submit (and
 * resubmit after fixing what was asked); organisers decide, and can take a decision back to
 * "submitted". A decision that asks for changes must say what, so the thread always explains it.
 */
export type ReviewState = keyof typeof reviewStates;

/** Each button of the review panel: the state it sets and whether a comment must go with it. */
export type ReviewAction = 'submit' | 'resubmit' | 'markIssues' | 'approve' | 'reject' | 'reopen';

export const ACTION_STATE = {
  submit: 'submitted',
  resubmit: 'submitted',
  markIssues: 'has_issues',
  approve: 'approved',
  reject: 'rejected',
  reopen: 'submitted',
} as const satisfies Record<ReviewAction, ReviewState>;

/** States that need a comment saying what is wrong. */
export const COMMENT_REQUIRED: ReadonlySet<ReviewState> = new Set<ReviewState>(['has_issues', 'rejected']);

/** States an expert is asked to act on. */
export const NEEDS_EXPERT: ReadonlySet<ReviewState> = new Set<ReviewState>(['has_issues', 'rejected']);

/** States an expert (re)submits from: not yet submitted, or sent back. */
export const SUBMITTABLE: ReadonlySet<ReviewState> = new Set<ReviewState>(['draft', ...NEEDS_EXPERT]);

/**
 * The actions offered for a record in `state`. Organisers may decide from any state (a lone organiser
 * approves their own records from draft); experts only submit, and nothing once the trip is locked,
 * because the server would refuse it.
 */
export function reviewActions(
  state: ReviewState,
  who: { canManage: boolean; locked: boolean },
): ReviewAction[] {
  if (!who.canManage) {
    if (who.locked) return [];
    if (state === 'draft') return ['submit'];
    if (NEEDS_EXPERT.has(state)) return ['resubmit'];
    return [];
  }
  const decisions: ReviewAction[] = ['approve', 'markIssues', 'reject'];
  const out = decisions.filter((a) => ACTION_STATE[a] !== state);
  if (state !== 'draft' && state !== 'submitted') out.push('reopen');
  return out;
}

export const REVIEW_TONE = {
  draft: 'neutral',
  submitted: 'info',
  has_issues: 'warn',
  approved: 'good',
  rejected: 'bad',
} as const satisfies Record<ReviewState, BadgeTone>;

/** The order states are listed in filters and counts: what needs the organiser first. */
export const REVIEW_ORDER: readonly ReviewState[] = [
  'submitted',
  'has_issues',
  'rejected',
  'approved',
  'draft',
];
