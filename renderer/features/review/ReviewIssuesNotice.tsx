import { useT } from '../../i18n/useT';
import './reviewPanel.css';

/**
 * Above an expert's list: how many records the organiser sent back for changes, with a button that
 * filters the list to them, so "待修改" is seen at a glance and not found by scrolling.
 */
export function ReviewIssuesNotice({
  count,
  active,
  onShow,
}: {
  count: number;
  active: boolean;
  onShow: () => void;
}) {
  const t = useT();
  if (count === 0) return null;
  return (
    <div className="review-notice" role="status" data-testid="review-issues-notice">
      <span>{t('review.list.issuesNotice', { count })}</span>
      {active ? null : (
        <button type="button" className="btn btn--small" onClick={onShow}>
          {t('review.list.showIssues')}
        </button>
      )}
    </div>
  );
}
