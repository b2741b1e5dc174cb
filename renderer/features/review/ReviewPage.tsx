import { useParams, useSearchParams } from 'react-router';
import { reviewStates } from '../../../shared/enums';
import { PageHeader } from '../../components/layout';
import { type TabSpec, Tabs } from '../../components/Tabs';
import { useLabel, useT } from '../../i18n/useT';
import { useTripLock } from '../../review/hooks';
import { countByState } from '../../review/queue';
import { REVIEW_ORDER } from '../../review/transitions';
import { ConflictsTab } from '../reconcile/ConflictsTab';
import { DuplicatesTab } from '../reconcile/DuplicatesTab';
import { TripNotFound } from '../trips/TripNotFound';
import { CompletenessTab } from './CompletenessTab';
import { LockBanner } from './LockBanner';
import { LockControl } from './LockControl';
import { ReviewQueue } from './ReviewQueue';
import { useQueueRows } from './useQueueRows';
import './review.css';

const TABS = [
  { id: 'review', label: 'review.tab.review' },
  { id: 'conflicts', label: 'review.tab.conflicts' },
  { id: 'duplicates', label: 'review.tab.duplicates' },
  { id: 'completeness', label: 'review.tab.completeness' },
] as const satisfies readonly TabSpec<string>[];
type TabId = (typeof TABS)[number]['id'];

const isTab = (value: string | null): value is TabId => TABS.some((x) => x.id === value);

/**
 * The organiser's desk after a trip (/trips/:tripId/review): the review queue, conflicts, duplicates
 * and the completeness check, under a header with the counts per review state and the trip lock.
 */
export function ReviewPage() {
  const t = useT();
  const label = useLabel();
  const { tripId = '' } = useParams();
  const { trip, canManage } = useTripLock(tripId);
  const rows = useQueueRows(tripId);
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: TabId = isTab(raw) ? raw : 'review';

  // Switching tabs starts the tab afresh: `open` and filters belong to one tab.
  const select = (next: TabId, extra: Record<string, string> = {}) =>
    setParams(next === 'review' ? extra : { tab: next, ...extra });

  if (trip === undefined) return <p className="muted">{t('state.loading')}</p>;
  if (trip === null) return <TripNotFound />;
  const counts = countByState(rows ?? []);

  return (
    <div className="review-page">
      <PageHeader
        title={t('review.page.title')}
        subtitle={trip.title}
        actions={<LockControl trip={trip} canManage={canManage} />}
      />
      <LockBanner tripId={tripId} />
      <div
        className="review-counts"
        role="group"
        aria-label={t('review.page.counts')}
        data-testid="review-counts"
      >
        {REVIEW_ORDER.map((s) => (
          <button
            key={s}
            type="button"
            className={`review-count review-count--${s}`}
            data-testid={`review-count-${s}`}
            onClick={() => select('review', { state: s })}
          >
            <span className="review-count__value">{rows ? counts[s] : '…'}</span>
            <span className="review-count__label">{label(reviewStates, s)}</span>
          </button>
        ))}
      </div>
      <Tabs
        name="review"
        label={t('review.page.title')}
        tabs={TABS}
        selected={tab}
        onSelect={(id) => select(id)}
        panelClassName="review-page__panel"
      >
        {tab === 'review' ? (
          rows ? (
            <ReviewQueue tripId={tripId} rows={rows} />
          ) : (
            <p className="muted">{t('state.loading')}</p>
          )
        ) : null}
        {tab === 'conflicts' ? <ConflictsTab tripId={tripId} /> : null}
        {tab === 'duplicates' ? <DuplicatesTab tripId={tripId} /> : null}
        {tab === 'completeness' ? <CompletenessTab tripId={tripId} /> : null}
      </Tabs>
    </div>
  );
}
