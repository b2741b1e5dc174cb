import { useT } from '../../i18n/useT';
import type { Comment } from '../../review/hooks';
import { formatDateTime } from '../sync/time';
import { ReviewBadge } from './ReviewBadge';

/** When a comment was written, or nothing for a comment whose time is missing or garbled. */
function writtenAt(lang: Parameters<typeof formatDateTime>[0], iso: string): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  return formatDateTime(lang, iso, 'short');
}

/**
 * A record's review thread, oldest first: who wrote, when, the state they set (the thread is the
 * review history) and what they said. Comments from other devices arrive by sync and show up here.
 */
export function ReviewThread({ comments }: { comments: readonly Comment[] }) {
  const t = useT();
  if (comments.length === 0) return <p className="muted review-thread__empty">{t('review.thread.empty')}</p>;
  return (
    <ol className="review-thread" aria-label={t('review.thread.label')}>
      {comments.map((c) => {
        const at = writtenAt(t.lang, c.createdAt);
        return (
          <li
            key={c.id}
            className={`review-comment ${c.reviewState ? `review-comment--${c.reviewState}` : ''}`}
            data-testid="review-comment"
          >
            <div className="review-comment__head">
              <strong>{c.authorName || t('review.thread.thisDevice')}</strong>
              {at ? <time dateTime={c.createdAt}>{at}</time> : null}
              {c.reviewState ? (
                <span className="review-comment__change">
                  {t('review.thread.setState')} <ReviewBadge state={c.reviewState} />
                </span>
              ) : null}
            </div>
            {c.body ? <p className="review-comment__body">{c.body}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
