import { activityTypes, agreementKinds } from '../../../shared/enums';
import type { MessageKey } from '../../../shared/i18n';
import {
  type ActivityType,
  AGREEMENT_KINDS,
  type AgreementKind,
  REPORT_ACTIVITY_ORDER,
  type TripReport,
} from '../../../shared/report';
import { useLabel, useT } from '../../i18n/useT';

export type FigureCard = {
  id: string;
  label: string;
  value: number;
  /** "3 / 5": the second number, with its own test id. */
  of?: { id: string; value: number };
  detail?: string;
};

/** One card; `report-figure-…` test ids let the end-to-end test read the numbers. */
export function FigureCards({ cards, label }: { cards: readonly FigureCard[]; label: string }) {
  return (
    <ul className="figures report-figures" aria-label={label}>
      {cards.map((card) => (
        <li key={card.id} className="figure">
          <div className="figure__value">
            <span data-testid={`report-figure-${card.id}`}>{card.value}</span>
            {card.of ? (
              <span className="figure__of">
                {' / '}
                <span data-testid={`report-figure-${card.of.id}`}>{card.of.value}</span>
              </span>
            ) : null}
          </div>
          <div className="figure__label">{card.label}</div>
          {card.detail ? <div className="figure__detail">{card.detail}</div> : null}
        </li>
      ))}
    </ul>
  );
}

/** The measure word each activity is counted in, as the province writes it (场 for talks, 台 for surgery). */
const ACTIVITY_UNIT: Record<ActivityType, MessageKey> = {
  technical_guidance: 'report.unit.times',
  lecture: 'report.unit.sessions',
  seminar: 'report.unit.times',
  academic_exchange: 'report.unit.times',
  site_research: 'report.unit.times',
  training: 'report.unit.sessions',
  outpatient: 'report.unit.times',
  surgery_guidance: 'report.unit.operations',
  other: 'report.unit.times',
};
/** The three the province always names; the others appear when they happened. */
const ALWAYS_SHOWN: ReadonlySet<ActivityType> = new Set(['technical_guidance', 'lecture', 'seminar']);
const AGREEMENT_UNIT: Record<AgreementKind, MessageKey> = {
  cooperation: 'report.unit.copies',
  base_construction: 'report.unit.copies',
  expert_appointment: 'report.unit.copies',
  tech_equity: 'report.unit.copies',
  project_contract: 'report.unit.copies',
  consensus: 'report.unit.items',
};
const FIELDS_SHOWN = 4;

/** The figure cards in the order of the province's report (DOMAIN.md, "What the organisers report"). */
export function useReportFigureCards(report: TripReport): FigureCard[] {
  const t = useT();
  const label = useLabel();
  const f = report.figures;
  const unit = (text: string, key: MessageKey) => t('report.figure.withUnit', { label: text, unit: t(key) });

  const activities: FigureCard[] = REPORT_ACTIVITY_ORDER.filter(
    (type) => ALWAYS_SHOWN.has(type) || f.activities[type] > 0,
  ).map((type) => ({
    id: `activity-${type}`,
    label: unit(label(activityTypes, type), ACTIVITY_UNIT[type]),
    value: f.activities[type],
  }));

  const kinds = AGREEMENT_KINDS.filter((kind) => f.agreements.byKind[kind].total > 0);
  const agreements: FigureCard[] =
    kinds.length === 0
      ? [{ id: 'agreements', label: t('report.figure.agreements'), value: 0 }]
      : kinds.map((kind) => {
          const { signed, total } = f.agreements.byKind[kind];
          return {
            id: `agreement-${kind}`,
            label: unit(label(agreementKinds, kind), AGREEMENT_UNIT[kind]),
            value: signed,
            detail: t(kind === 'consensus' ? 'report.figure.reached' : 'report.figure.signedOf', { total }),
          };
        });

  const fields = report.fieldsCovered;
  return [
    ...activities,
    {
      id: 'hard-solved',
      label: t('report.figure.hardSolved'),
      value: f.problems.hard.solved,
      detail: t('report.figure.found', { count: f.problems.hard.total }),
    },
    {
      id: 'other-solved',
      label: t('report.figure.otherSolved'),
      value: f.problems.other.solved,
      detail: t('report.figure.found', { count: f.problems.other.total }),
    },
    {
      id: 'recommendations',
      label: t('report.figure.recommendations'),
      value: f.recommendations.total,
      detail: t('report.figure.adopted', { count: f.recommendations.adopted }),
    },
    { id: 'people-trained', label: t('report.figure.peopleTrained'), value: f.peopleTrained },
    { id: 'beneficiaries', label: t('report.figure.beneficiaries'), value: f.beneficiaries },
    ...agreements,
    ...(f.agreements.appointedExperts > 0
      ? [
          {
            id: 'experts-appointed',
            label: t('report.figure.expertsAppointed'),
            value: f.agreements.appointedExperts,
          },
        ]
      : []),
    {
      id: 'hosts-served',
      label: t('report.figure.hostsServed'),
      value: f.hostsServed,
      detail: t('report.figure.visits', { count: f.visits }),
    },
    {
      id: 'needs-covered',
      label: t('report.figure.needsCovered'),
      value: f.needs.covered,
      of: { id: 'needs-total', value: f.needs.total },
    },
    {
      id: 'experts-active',
      label: t('report.figure.expertsActive'),
      value: f.experts.active,
      of: { id: 'members', value: f.experts.members },
    },
    {
      id: 'fields',
      label: t('report.figure.fields'),
      value: fields.length,
      detail:
        fields.length > FIELDS_SHOWN
          ? t('report.figure.fieldsMore', { fields: fields.slice(0, FIELDS_SHOWN).join('、') })
          : fields.join('、'),
    },
  ];
}

export function ReportFigures({ report }: { report: TripReport }) {
  const t = useT();
  return <FigureCards cards={useReportFigureCards(report)} label={t('report.section.figures')} />;
}
