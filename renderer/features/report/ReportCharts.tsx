import { activityTypes, agreementKinds } from '../../../shared/enums';
import { AGREEMENT_KINDS, REPORT_ACTIVITY_ORDER, type TripReport } from '../../../shared/report';
import { useLabel, useT } from '../../i18n/useT';
import { BarChart, type BarDatum } from './BarChart';

/** "技术指导：5；专题讲座：8…" — what a screen reader hears instead of the bars. */
function describe(data: readonly BarDatum[], t: ReturnType<typeof useT>): string {
  return data
    .map((d) => t('report.chart.item', { label: d.label, value: d.value }))
    .join(t('report.chart.sep'));
}

/**
 * Activities by type and agreements by kind. Types that did not happen are left out of the chart (a row of
 * zeros says nothing on paper); the figure cards above still list the three the province always names.
 */
export function ReportCharts({ report, print }: { report: TripReport; print: boolean }) {
  const t = useT();
  const label = useLabel();
  const f = report.figures;
  const activities: BarDatum[] = REPORT_ACTIVITY_ORDER.filter((type) => f.activities[type] > 0).map(
    (type) => ({ key: `activity-${type}`, label: label(activityTypes, type), value: f.activities[type] }),
  );
  const agreements: BarDatum[] = AGREEMENT_KINDS.filter((kind) => f.agreements.byKind[kind].total > 0).map(
    (kind) => ({
      key: `agreement-${kind}`,
      label: label(agreementKinds, kind),
      value: f.agreements.byKind[kind].signed,
    }),
  );
  const problems: BarDatum[] = [
    { key: 'problems-hard', label: t('report.chart.hardSolved'), value: f.problems.hard.solved },
    { key: 'problems-other', label: t('report.chart.otherSolved'), value: f.problems.other.solved },
  ];
  // The second chart is the agreements when there are any, else the problems (DOMAIN.md's next figures).
  const [second, secondTitle] =
    agreements.length > 0
      ? [agreements, t('report.chart.agreements')]
      : [problems, t('report.chart.problems')];

  if (activities.length === 0 && f.problems.total === 0 && agreements.length === 0) return null;
  return (
    <div className="report-charts">
      {activities.length > 0 ? (
        <BarChart
          title={t('report.chart.activities')}
          description={describe(activities, t)}
          data={activities}
          width={print ? 400 : 560}
        />
      ) : null}
      <BarChart
        title={secondTitle}
        description={describe(second, t)}
        data={second}
        width={print ? 400 : 560}
      />
    </div>
  );
}
