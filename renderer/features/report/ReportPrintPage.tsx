import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { REPORT_MISSING, REPORT_READY, reportPageCss } from '../../../shared/report/pdf';
import { useT } from '../../i18n/useT';
import { useTripReport } from '../../report/useTripReport';
import { TripNotFound } from '../trips/TripNotFound';
import { ReportDocument } from './ReportDocument';
import './reportPrint.css';

/**
 * Tells whoever prints this page (Electron's PDF maker, the browser print frame, the end-to-end test)
 * that the report is on the page: `data-report-ready` on <body>, set after React committed the report
 * and the fonts are loaded (a PDF taken before the CJK font arrives would show empty boxes). The title
 * goes into document.title, which the PDF header and the browser's print dialog use.
 */
function useReadySignal(state: 'loading' | 'ready' | 'missing', title: string) {
  useEffect(() => {
    if (state === 'loading') return;
    const previousTitle = document.title;
    if (title) document.title = title;
    let cancelled = false;
    const fonts = typeof document.fonts === 'undefined' ? Promise.resolve() : document.fonts.ready;
    void fonts.then(() => {
      if (!cancelled) document.body.dataset.reportReady = state === 'ready' ? REPORT_READY : REPORT_MISSING;
    });
    return () => {
      cancelled = true;
      delete document.body.dataset.reportReady;
      document.title = previousTitle;
    };
  }, [state, title]);
}

/**
 * The report laid out for A4 paper, outside the app frame (no sidebar, no top bar): what Electron prints
 * to PDF and what the browser's print dialog shows. Opened by itself it offers a way back and a print
 * button, both hidden on paper.
 */
export function ReportPrintPage() {
  const { tripId } = useParams();
  const t = useT();
  const report = useTripReport(tripId);
  useReadySignal(
    report === undefined ? 'loading' : report === null ? 'missing' : 'ready',
    report?.trip.title ?? '',
  );
  return (
    <div className="report-print">
      <style>{reportPageCss()}</style>
      <nav className="report-print__toolbar" aria-label={t('report.print.toolbar')}>
        <Link to={`/trips/${tripId ?? ''}/report`} className="btn">
          {t('report.print.back')}
        </Link>
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('report.print.print')}
        </button>
      </nav>
      {report === undefined ? <p className="muted">{t('state.loading')}</p> : null}
      {report === null ? <TripNotFound /> : null}
      {report ? <ReportDocument report={report} mode="print" /> : null}
    </div>
  );
}
