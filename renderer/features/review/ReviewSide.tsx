import { Link } from 'react-router';
import type { ReviewedTable } from '../../../shared/schemas';
import { useRecord } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { AgreementSummary, VisitSummary } from './RecordSummary';
import { ReviewPanel } from './ReviewPanel';

function VisitBody({ id }: { id: string }) {
  const t = useT();
  const visit = useRecord('visits', id);
  if (visit === undefined) return <p className="muted">{t('state.loading')}</p>;
  if (visit === null) return <p className="muted">{t('state.notFound')}</p>;
  return <VisitSummary visit={visit} />;
}

function AgreementBody({ id }: { id: string }) {
  const t = useT();
  const agreement = useRecord('agreements', id);
  if (agreement === undefined) return <p className="muted">{t('state.loading')}</p>;
  if (agreement === null) return <p className="muted">{t('state.notFound')}</p>;
  return <AgreementSummary agreement={agreement} />;
}

/**
 * The side panel of the review queue: the selected record's key fields (read-only), its thread and the
 * decisions, with a link to the full record for anything the summary does not show.
 */
export function ReviewSide({
  tripId,
  table,
  id,
  title,
}: {
  tripId: string;
  table: ReviewedTable;
  id: string;
  title: string;
}) {
  const t = useT();
  const full =
    table === 'visits' ? `/trips/${tripId}/visits/${id}` : `/trips/${tripId}/agreements?open=${id}`;
  return (
    <aside className="review-side" aria-label={title} data-testid="review-side">
      <div className="review-side__head">
        <div>
          <div className="muted">{t(table === 'visits' ? 'review.kind.visit' : 'review.kind.agreement')}</div>
          <h2>{title}</h2>
        </div>
        <Link className="btn btn--small" to={full}>
          {t('review.side.openFull')}
        </Link>
      </div>
      {table === 'visits' ? <VisitBody id={id} /> : <AgreementBody id={id} />}
      <ReviewPanel key={id} tripId={tripId} table={table} recordId={id} />
      <p className="muted review-side__keys">{t('review.side.keys')}</p>
    </aside>
  );
}
