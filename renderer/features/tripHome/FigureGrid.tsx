import type { ReactNode } from 'react';
import type { TripFigures } from '../../../shared/report';
import { useT } from '../../i18n/useT';

/**
 * One figure card. The value carries a data-testid (figure-…) so end-to-end tests can read it; a
 * second number ("of N") gets its own testid.
 */
function Figure({
  id,
  label,
  value,
  of,
  detail,
}: {
  id: string;
  label: string;
  value: number;
  of?: { id: string; value: number };
  detail?: ReactNode;
}) {
  return (
    <div className="figure">
      <div className="figure__value">
        <span data-testid={`figure-${id}`}>{value}</span>
        {of ? (
          <span className="figure__of">
            {' / '}
            <span data-testid={`figure-${of.id}`}>{of.value}</span>
          </span>
        ) : null}
      </div>
      <div className="figure__label">{label}</div>
      {detail ? <div className="figure__detail">{detail}</div> : null}
    </div>
  );
}

/** The figures in the order of the province's report: activities, problems, advice, people, agreements. */
export function FigureGrid({ figures: f }: { figures: TripFigures }) {
  const t = useT();
  return (
    <section aria-label={t('tripHome.figures.title')} className="trip-home__figures">
      <div className="trip-home__section-head">
        <h2>{t('tripHome.figures.title')}</h2>
        <span className="muted">{t('tripHome.figures.live')}</span>
      </div>
      <div className="figures">
        <Figure
          id="visits"
          label={t('tripHome.figure.visits')}
          value={f.visits}
          detail={t('tripHome.figure.visitDays', { days: f.visitDays })}
        />
        <Figure
          id="hosts-served"
          label={t('tripHome.figure.hostsServed')}
          value={f.hostsServed}
          detail={t('tripHome.figure.hostsListed', { count: f.hostsListed })}
        />
        <Figure
          id="activities"
          label={t('tripHome.figure.activities')}
          value={f.activitySessions}
          detail={t('tripHome.figure.activitiesDetail')}
        />
        <Figure
          id="problems"
          label={t('tripHome.figure.problems')}
          value={f.problems.total}
          detail={t('tripHome.figure.problemsSolved', { count: f.problems.solved })}
        />
        <Figure
          id="problems-solved-hard"
          label={t('tripHome.figure.solvedHard')}
          value={f.problems.hard.solved}
          detail={t('tripHome.figure.ofFound', { count: f.problems.hard.total })}
        />
        <Figure
          id="problems-solved-other"
          label={t('tripHome.figure.solvedOther')}
          value={f.problems.other.solved}
          detail={t('tripHome.figure.ofFound', { count: f.problems.other.total })}
        />
        <Figure
          id="recommendations"
          label={t('tripHome.figure.recommendations')}
          value={f.recommendations.total}
          detail={t('tripHome.figure.adopted', { count: f.recommendations.adopted })}
        />
        <Figure id="people-trained" label={t('tripHome.figure.peopleTrained')} value={f.peopleTrained} />
        <Figure id="beneficiaries" label={t('tripHome.figure.beneficiaries')} value={f.beneficiaries} />
        <Figure
          id="agreements"
          label={t('tripHome.figure.agreements')}
          value={f.agreements.signed}
          detail={t('tripHome.figure.agreementsTotal', { count: f.agreements.total })}
        />
        <Figure
          id="needs-covered"
          label={t('tripHome.figure.needs')}
          value={f.needs.covered}
          of={{ id: 'needs-total', value: f.needs.total }}
          detail={t('tripHome.figure.needsDetail')}
        />
        <Figure
          id="experts-active"
          label={t('tripHome.figure.experts')}
          value={f.experts.active}
          of={{ id: 'members', value: f.experts.members }}
          detail={t('tripHome.figure.expertsDetail')}
        />
      </div>
    </section>
  );
}
