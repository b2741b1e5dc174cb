import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import type { ReviewedTable } from '../../../shared/schemas';
import { useRecord } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { useReviewThread, useTripLock } from '../../review/hooks';
import { addComment, ReviewError, type ReviewProblem, setReviewState } from '../../review/setReviewState';
import {
  ACTION_STATE,
  COMMENT_REQUIRED,
  NEEDS_EXPERT,
  type ReviewAction,
  reviewActions,
} from '../../review/transitions';
import { ReviewBadge } from './ReviewBadge';
import { ReviewThread } from './ReviewThread';
import './reviewPanel.css';

const ACTION_LABEL = {
  submit: 'review.action.submit',
  resubmit: 'review.action.resubmit',
  markIssues: 'review.action.markIssues',
  approve: 'review.action.approve',
  reject: 'review.action.reject',
  reopen: 'review.action.reopen',
} as const satisfies Record<ReviewAction, MessageKey>;

const ACTION_CLASS: Record<ReviewAction, string> = {
  submit: 'btn btn--primary',
  resubmit: 'btn btn--primary',
  approve: 'btn review-btn--approve',
  markIssues: 'btn review-btn--issues',
  reject: 'btn btn--danger',
  reopen: 'btn',
};

const PROBLEM_TEXT = {
  commentRequired: 'review.problem.commentRequired',
  emptyComment: 'review.problem.emptyComment',
  sameState: 'review.problem.sameState',
} as const satisfies Record<ReviewProblem, MessageKey>;

type Problem = { kind: 'review'; problem: ReviewProblem } | { kind: 'failed'; message: string } | null;

/**
 * The review of one visit or agreement: its state, its thread, a box for a comment (Ctrl+Enter sends)
 * and the decisions this device's person may take. The box's text goes with whichever button is
 * pressed, so "待修改" and "退回" carry the reason with them.
 */
export function ReviewPanel({
  tripId,
  table,
  recordId,
  submitInForm = false,
}: {
  tripId: string;
  table: ReviewedTable;
  recordId: string;
  /**
   * The surrounding form offers "save and submit" itself: a submit button here would submit the stored
   * record and leave what was just typed unsaved.
   */
  submitInForm?: boolean;
}) {
  const t = useT();
  const boxId = useId();
  const record = useRecord(table, recordId);
  const thread = useReviewThread(table, recordId);
  const { locked, canManage, ready } = useTripLock(tripId);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  if (record === null) return null;
  if (record === undefined || thread === undefined || !ready) {
    return <p className="muted">{t('state.loading')}</p>;
  }
  const state = record.reviewState;
  const actions = reviewActions(state, { canManage, locked }).filter(
    (a) => !submitInForm || (a !== 'submit' && a !== 'resubmit'),
  );
  const mayWrite = canManage || !locked;

  const run = async (action: ReviewAction | 'comment') => {
    if (busy) return;
    if (action !== 'comment' && COMMENT_REQUIRED.has(ACTION_STATE[action]) && text.trim() === '') {
      setProblem({ kind: 'review', problem: 'commentRequired' });
      box.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      if (action === 'comment') await addComment(table, recordId, text);
      else await setReviewState(table, recordId, ACTION_STATE[action], text);
      setText('');
    } catch (error) {
      if (error instanceof ReviewError) setProblem({ kind: 'review', problem: error.problem });
      else setProblem({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      // The visit form saves on Ctrl+Enter: here it sends the comment instead, and only that.
      e.preventDefault();
      e.stopPropagation();
      void run('comment');
    }
  };

  return (
    <section className="panel review-panel" aria-label={t('review.panel.title')} data-testid="review-panel">
      <div className="review-panel__head">
        <h2>{t('review.panel.title')}</h2>
        <ReviewBadge state={state} />
      </div>
      {!canManage && NEEDS_EXPERT.has(state) && !locked ? (
        <p className="review-panel__ask" role="note">
          {t(submitInForm ? 'review.panel.expertAskForm' : 'review.panel.expertAsk')}
        </p>
      ) : null}
      <ReviewThread comments={thread} />
      {mayWrite ? (
        <div className="review-panel__compose">
          <label htmlFor={boxId}>
            {t(canManage ? 'review.box.labelOrganiser' : 'review.box.labelExpert')}
          </label>
          <textarea
            id={boxId}
            ref={box}
            rows={3}
            maxLength={4000}
            value={text}
            placeholder={t('review.box.placeholder')}
            aria-describedby={`${boxId}-hint`}
            onChange={(e) => {
              setText(e.target.value);
              if (problem) setProblem(null);
            }}
            onKeyDown={onKeyDown}
          />
          <div id={`${boxId}-hint`} className="field__hint">
            {t('review.box.hint')}
          </div>
          {problem ? (
            <div className="field__error" role="alert">
              {problem.kind === 'review'
                ? t(PROBLEM_TEXT[problem.problem])
                : t('error.saveFailed', { message: problem.message })}
            </div>
          ) : null}
          <div className="review-panel__actions">
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                className={ACTION_CLASS[a]}
                disabled={busy}
                onClick={() => void run(a)}
              >
                {t(ACTION_LABEL[a])}
              </button>
            ))}
            <button type="button" className="btn" disabled={busy} onClick={() => void run('comment')}>
              {t('review.action.comment')}
            </button>
          </div>
        </div>
      ) : (
        <p className="muted">{t('review.panel.lockedExpert')}</p>
      )}
    </section>
  );
}
