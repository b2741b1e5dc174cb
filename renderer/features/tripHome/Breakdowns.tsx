import { activityTypes, agreementKinds } from '../../../shared/enums';
import { AGREEMENT_KINDS, REPORT_ACTIVITY_ORDER, type TripFigures } from '../../../shared/report';
import { Panel } from '../../components/layout';
import { useLabel, useT } from '../../i18n/useT';

/** A CSS bar: the share of the largest value, so the longest bar always fills the track. */
function Bar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span className="bar" aria-hidden>
      <span className="bar__fill" style={{ width: `${width}%` }} />
    </span>
  );
}

/** Activities by type and agreements by kind, every type listed (zero too, so gaps are visible). */
export function Breakdowns({ figures: f }: { figures: TripFigures }) {
  const t = useT();
  const label = useLabel();
  const maxActivity = Math.max(0, ...REPORT_ACTIVITY_ORDER.map((type) => f.activities[type]));
  const maxAgreement = Math.max(0, ...AGREEMENT_KINDS.map((kind) => f.agreements.byKind[kind].total));
  return (
    <div className="trip-home__breakdowns">
      <Panel title={t('tripHome.activities.title')}>
        <table className="simple breakdown">
          <thead>
            <tr>
              <th scope="col">{t('tripHome.kind')}</th>
              <th scope="col" className="breakdown__bar-col">
                <span className="visually-hidden">{t('tripHome.activities.sessions')}</span>
              </th>
              <th scope="col" className="breakdown__num">
                {t('tripHome.activities.sessions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {REPORT_ACTIVITY_ORDER.map((type) => (
              <tr key={type} className={f.activities[type] === 0 ? 'breakdown__zero' : ''}>
                <th scope="row">{label(activityTypes, type)}</th>
                <td className="breakdown__bar-col">
                  <Bar value={f.activities[type]} max={maxActivity} />
                </td>
                <td className="breakdown__num" data-testid={`figure-activity-${type}`}>
                  {f.activities[type]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title={t('tripHome.agreements.title')}>
        <table className="simple breakdown">
          <thead>
            <tr>
              <th scope="col">{t('tripHome.kind')}</th>
              <th scope="col" className="breakdown__bar-col">
                <span className="visually-hidden">{t('tripHome.agreements.total')}</span>
              </th>
              <th scope="col" className="breakdown__num">
                {t('tripHome.agreements.signed')}
              </th>
              <th scope="col" className="breakdown__num">
                {t('tripHome.agreements.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {AGREEMENT_KINDS.map((kind) => {
              const entry = f.agreements.byKind[kind];
              return (
                <tr key={kind} className={entry.total === 0 ? 'breakdown__zero' : ''}>
                  <th scope="row">{label(agreementKinds, kind)}</th>
                  <td className="breakdown__bar-col">
                    <Bar value={entry.total} max={maxAgreement} />
                  </td>
                  <td className="breakdown__num" data-testid={`figure-agreement-${kind}`}>
                    {entry.signed}
                  </td>
                  <td className="breakdown__num" data-testid={`figure-agreement-${kind}-total`}>
                    {entry.total}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {f.agreements.appointedExperts > 0 ? (
          <p className="muted breakdown__note">
            {t('tripHome.agreements.appointed')}{' '}
            <strong data-testid="figure-appointed-experts">{f.agreements.appointedExperts}</strong>
          </p>
        ) : null}
      </Panel>
    </div>
  );
}
