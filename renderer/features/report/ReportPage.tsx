import { useParams } from 'react-router';
import { PageHeader } from '../../components/layout';
import { ExportMenu } from '../../export/ExportMenu';
import { useT } from '../../i18n/useT';
import { useTripReport } from '../../report/useTripReport';
import { TripNotFound } from '../trips/TripNotFound';
import { ReportDocument } from './ReportDocument';
import { usePrintReport } from './usePrintReport';

/** The trip's report as the province expects it, live from the records, with print and export. */
export function ReportPage() {
  const { tripId } = useParams();
  const t = useT();
  const report = useTripReport(tripId);
  if (report === undefined) return <p className="muted">{t('state.loading')}</p>;
  if (report === null) return <TripNotFound />;
  return <LoadedReport report={report} />;
}

function LoadedReport({ report }: { report: NonNullable<ReturnType<typeof useTripReport>> }) {
  const t = useT();
  const { print, status, message } = usePrintReport(report.trip);
  return (
    <>
      <PageHeader
        title={report.trip.title}
        subtitle={t('report.kicker')}
        actions={
          <>
            <button
              type="button"
              className="btn btn--primary"
              onClick={print}
              disabled={status.kind === 'busy'}
              aria-busy={status.kind === 'busy'}
            >
              {t('report.print')}
            </button>
            <ExportMenu tripId={report.trip.id} />
          </>
        }
      />
      <p
        className={`report-print-status ${status.kind === 'error' ? 'report-print-status--error' : ''}`}
        role="status"
        data-testid="report-print-status"
      >
        {message}
      </p>
      <ReportDocument report={report} mode="screen" />
    </>
  );
}
