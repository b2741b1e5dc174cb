import {
  agreementKinds,
  agreementStatuses,
  followUpRelatedTypes,
  followUpStatuses,
} from '../../../shared/enums';
import { daysBetween, type TripReport } from '../../../shared/report';
import { Badge } from '../../components/layout';
import { useT } from '../../i18n/useT';
import { useValueLabel } from './useValueLabel';

/**
 * The agreements and the open follow-ups as plain tables. A trip has tens of each, not thousands, and a
 * report must print whole (a virtualised list would print only the rows on screen), so these are real
 * <table>s whose rows the print stylesheet keeps from splitting across pages.
 */
export function AgreementsSection({ report }: { report: TripReport }) {
  const t = useT();
  const label = useValueLabel();
  const names = t('report.list.names');
  const term = (start: string, end: string) =>
    start || end ? t('report.agreement.term', { start: start || '…', end: end || '…' }) : '';
  return (
    <section className="report-section report-section--break" aria-labelledby="report-agreements">
      <h2 id="report-agreements">{t('report.section.agreements')}</h2>
      {report.agreements.length === 0 ? (
        <p className="muted">{t('report.agreements.none')}</p>
      ) : (
        <table className="simple report-table report-table--agreements" data-testid="report-agreements">
          <thead>
            <tr>
              <th scope="col">{t('report.col.agreement')}</th>
              <th scope="col">{t('report.col.kind')}</th>
              <th scope="col">{t('report.col.host')}</th>
              <th scope="col">{t('report.col.signedDate')}</th>
              <th scope="col" className="report-table__num">
                {t('report.col.amount')}
              </th>
              <th scope="col">{t('report.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {report.agreements.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.title}
                  {a.parties.length > 0 || a.expertNames.length > 0 ? (
                    <div className="report-table__sub">
                      {[
                        a.parties.length > 0
                          ? t('report.agreement.parties', { names: a.parties.join(names) })
                          : '',
                        a.expertNames.length > 0
                          ? t('report.agreement.experts', { names: a.expertNames.join(names) })
                          : '',
                      ]
                        .filter(Boolean)
                        .join(t('report.agreement.subSep'))}
                    </div>
                  ) : null}
                </th>
                <td>{label(agreementKinds, a.kind)}</td>
                <td>{a.hostName}</td>
                <td className="report-table__date">
                  {a.signedDate}
                  {term(a.termStart, a.termEnd) ? (
                    <div className="report-table__sub">{term(a.termStart, a.termEnd)}</div>
                  ) : null}
                </td>
                <td className="report-table__num">{a.amount > 0 ? a.amount : ''}</td>
                <td>
                  <Badge tone={a.concluded ? 'good' : 'neutral'}>{label(agreementStatuses, a.status)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.expertsAppointed.length > 0 ? (
        <p className="report-lead" data-testid="report-appointed">
          {t('report.agreements.appointed', {
            count: report.expertsAppointed.length,
            names: report.expertsAppointed.map((e) => e.name).join(names),
          })}
        </p>
      ) : null}
    </section>
  );
}

export function FollowUpsSection({ report }: { report: TripReport }) {
  const t = useT();
  const label = useValueLabel();
  const overdue = report.openFollowUps.filter((f) => f.overdue).length;
  return (
    <section className="report-section" aria-labelledby="report-follow-ups">
      <h2 id="report-follow-ups">{t('report.section.followUps')}</h2>
      {report.openFollowUps.length === 0 ? (
        <p className="muted">{t('report.followUps.none')}</p>
      ) : (
        <>
          <p className="report-lead">
            {t('report.followUps.lead', { count: report.openFollowUps.length, overdue })}
          </p>
          <table className="simple report-table report-table--follow-ups" data-testid="report-follow-ups">
            <thead>
              <tr>
                <th scope="col">{t('report.col.action')}</th>
                <th scope="col">{t('report.col.related')}</th>
                <th scope="col">{t('report.col.owner')}</th>
                <th scope="col">{t('report.col.due')}</th>
                <th scope="col">{t('report.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {report.openFollowUps.map((f) => (
                <tr key={f.id} className={f.overdue ? 'report-table__overdue' : undefined}>
                  <th scope="row">{f.action}</th>
                  <td>
                    {f.relatedLabel ? (
                      <>
                        <span className="muted">{label(followUpRelatedTypes, f.relatedType)}</span>{' '}
                        {f.relatedLabel}
                      </>
                    ) : null}
                  </td>
                  <td>{f.owner}</td>
                  <td className="report-table__date">
                    {f.dueDate}
                    {f.overdue ? (
                      <div>
                        <Badge tone="bad">
                          {t('followUps.overdue', { days: daysBetween(f.dueDate, report.today) })}
                        </Badge>
                      </div>
                    ) : null}
                  </td>
                  <td>{label(followUpStatuses, f.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
