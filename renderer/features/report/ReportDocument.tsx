import { Link } from 'react-router';
import type { TripReport } from '../../../shared/report';
import { useT } from '../../i18n/useT';
import { SentencePanel } from '../tripHome/SentencePanel';
import '../tripHome/tripHome.css';
import { formatDateRange, formatTripDays } from '../trips/format';
import { GroupSections } from './GroupSections';
import { HostSections } from './HostSections';
import { ReportCharts } from './ReportCharts';
import { ReportFigures } from './ReportFigures';
import { AgreementsSection, FollowUpsSection } from './ReportTables';
import './report.css';
import './reportBody.css';

export type ReportMode = 'screen' | 'print';

/** Dates, region, organisers: the facts under the title. */
export function ReportMeta({ report }: { report: TripReport }) {
  const t = useT();
  const { trip } = report;
  const dates = [
    formatDateRange(t, trip.startDate, trip.endDate),
    formatTripDays(t, trip.startDate, trip.endDate),
  ]
    .filter(Boolean)
    .join(t('report.meta.daysSep'));
  const rows: [string, string][] = [
    [t('report.meta.dates'), dates],
    [t('report.meta.region'), trip.region],
    [t('report.meta.organisers'), trip.organisers.join('、')],
    [t('report.meta.coOrganisers'), trip.coOrganisers.join('、')],
    [t('report.meta.focusFields'), trip.focusFields.join('、')],
  ];
  return (
    <dl className="report-meta">
      {rows
        .filter(([, value]) => value !== '')
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** When the figures were taken, and whether they can still change. */
function StatusNote({ report, mode }: { report: TripReport; mode: ReportMode }) {
  const t = useT();
  const { rejectedVisits, rejectedAgreements } = report.excluded;
  const excluded = [
    rejectedVisits > 0 ? t('report.note.rejected', { count: rejectedVisits }) : '',
    rejectedAgreements > 0 ? t('report.note.rejectedAgreements', { count: rejectedAgreements }) : '',
  ].filter(Boolean);
  return (
    <div className="report-notes">
      <p className="muted">
        {t('report.note.asOf', { date: report.today })}
        {report.trip.locked ? t('report.note.locked') : t('report.note.unlocked')}
      </p>
      {excluded.length > 0 ? (
        <p className="report-notes__excluded" role="note" data-testid="report-excluded">
          {/* Chinese sentences follow each other without a space. */}
          {excluded.join(t.lang === 'zh-CN' ? '' : ' ')}
          {mode === 'screen' ? (
            <>
              {' '}
              <Link to={`/trips/${report.trip.id}/review`}>{t('report.note.toReview')}</Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The report itself, the same on screen and on paper: the figures in the province's order, the summary
 * sentence, the charts, then the team, the hosts, the agreements and the open follow-ups. The screen adds
 * what paper cannot have (copy button, folding hosts, links).
 */
export function ReportDocument({ report, mode }: { report: TripReport; mode: ReportMode }) {
  const t = useT();
  const print = mode === 'print';
  return (
    <article className={`report-doc report-doc--${mode}`} aria-label={report.trip.title}>
      {print ? (
        <header className="report-title">
          <p className="report-title__kicker">{t('report.kicker')}</p>
          <h1>{report.trip.title}</h1>
        </header>
      ) : null}
      <ReportMeta report={report} />
      <StatusNote report={report} mode={mode} />
      <section className="report-section" aria-labelledby="report-figures">
        <h2 id="report-figures">{t('report.section.figures')}</h2>
        <ReportFigures report={report} />
      </section>
      {print ? (
        <section className="report-section" aria-labelledby="report-summary">
          <h2 id="report-summary">{t('report.section.summary')}</h2>
          <p className="report-sentence" lang={t.lang} data-testid="report-sentence">
            {t.lang === 'zh-CN' ? report.sentence.zh : report.sentence.en}
          </p>
        </section>
      ) : (
        <SentencePanel figures={report.figures} days={report.trip.days} />
      )}
      <ReportCharts report={report} print={print} />
      <GroupSections report={report} />
      <HostSections report={report} print={print} />
      <AgreementsSection report={report} />
      <FollowUpsSection report={report} />
    </article>
  );
}
