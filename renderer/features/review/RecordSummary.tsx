import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { agreementKinds, agreementStatuses, problemCategories, problemStatuses } from '../../../shared/enums';
import { Badge } from '../../components/layout';
import { listSeparator } from '../../components/list';
import { useRecord } from '../../data/hooks';
import { useRecordMap } from '../../data/useRecordMap';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { termText } from '../agreements/agreementFilters';
import { expertNames } from '../hosts/useTripExperts';
import { activitiesText } from '../visits/activityText';

/** One labelled line of a read-only summary; empty values show a dash so gaps are visible. */
function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <>
      <dt>{label}</dt>
      <dd className={empty ? 'muted' : undefined}>{empty ? '—' : children}</dd>
    </>
  );
}

/** The live problems and recommendations recorded on one visit. */
function useVisitFindings(visitId: string) {
  return useLiveQuery(async () => {
    const db = getDb();
    const [problems, recommendations] = await Promise.all([
      db.problems.where('visitId').equals(visitId).toArray(),
      db.recommendations.where('visitId').equals(visitId).toArray(),
    ]);
    return {
      problems: problems
        .filter((p) => p._deleted === 0)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      recommendations: recommendations
        .filter((r) => r._deleted === 0)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    };
  }, [visitId]);
}

/** What an organiser reads to judge a visit: who went where, what they did, found and advised. */
export function VisitSummary({ visit }: { visit: Stored<'visits'> }) {
  const t = useT();
  const label = useLabel();
  const sep = listSeparator(t.lang);
  const host = useRecord('hosts', visit.hostId);
  const experts = useRecordMap('experts', visit.expertIds);
  const findings = useVisitFindings(visit.id);
  return (
    <div className="record-summary" data-testid="visit-summary">
      <dl className="record-summary__facts">
        <Item label={t('visits.field.host')}>
          {host?.name ?? (host === null ? t('visits.unknownHost') : '…')}
        </Item>
        <Item label={t('visits.field.date')}>{visit.date}</Item>
        <Item label={t('visits.field.location')}>{visit.location}</Item>
        <Item label={t('visits.field.experts')}>{expertNames(visit.expertIds, experts, sep)}</Item>
        <Item label={t('visits.col.activities')}>{activitiesText(visit.activities, label, sep)}</Item>
        <Item label={t('visits.field.peopleTrained')}>{visit.peopleTrained}</Item>
        <Item label={t('visits.field.beneficiaries')}>{visit.beneficiaries}</Item>
        <Item label={t('visits.field.notes')}>
          {visit.notes ? <span className="record-summary__text">{visit.notes}</span> : ''}
        </Item>
      </dl>
      <h3>{t('visits.section.problems')}</h3>
      {findings && findings.problems.length > 0 ? (
        <ul className="record-summary__list">
          {findings.problems.map((p) => (
            <li key={p.id}>
              <strong>{p.title}</strong> <Badge>{label(problemCategories, p.category)}</Badge>{' '}
              <Badge tone={p.status === 'solved' ? 'good' : 'neutral'}>
                {label(problemStatuses, p.status)}
              </Badge>
              {p.description ? <div className="record-summary__text muted">{p.description}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{findings ? t('visits.problem.none') : t('state.loading')}</p>
      )}
      <h3>{t('visits.section.recommendations')}</h3>
      {findings && findings.recommendations.length > 0 ? (
        <ul className="record-summary__list">
          {findings.recommendations.map((r) => (
            <li key={r.id}>
              <span className="record-summary__text">{r.text}</span>
              {r.adopted ? <Badge tone="good">{t('visits.rec.adopted')}</Badge> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{findings ? t('visits.rec.none') : t('state.loading')}</p>
      )}
    </div>
  );
}

/** An agreement's key fields, read-only (the review queue, and the drawer when the trip is locked). */
export function AgreementSummary({ agreement }: { agreement: Stored<'agreements'> }) {
  const t = useT();
  const label = useLabel();
  const sep = listSeparator(t.lang);
  const host = useRecord('hosts', agreement.hostId);
  const experts = useRecordMap('experts', agreement.expertIds);
  const amount = new Intl.NumberFormat(t.lang, { maximumFractionDigits: 2 });
  return (
    <div className="record-summary" data-testid="agreement-summary">
      <dl className="record-summary__facts">
        <Item label={t('agreements.title')}>{agreement.title}</Item>
        <Item label={t('common.host')}>{host?.name ?? (host === null ? t('visits.unknownHost') : '…')}</Item>
        <Item label={t('common.kind')}>{label(agreementKinds, agreement.kind)}</Item>
        <Item label={t('common.status')}>{label(agreementStatuses, agreement.status)}</Item>
        <Item label={t('agreements.signedDate')}>{agreement.signedDate}</Item>
        <Item label={t('agreements.term')}>{termText(agreement)}</Item>
        <Item label={t('agreements.amount')}>
          {agreement.amount > 0 ? amount.format(agreement.amount) : ''}
        </Item>
        <Item label={t('agreements.parties')}>{agreement.parties.join(sep)}</Item>
        <Item label={t('agreements.experts')}>{expertNames(agreement.expertIds, experts, sep)}</Item>
        <Item label={t('common.notes')}>
          {agreement.notes ? <span className="record-summary__text">{agreement.notes}</span> : ''}
        </Item>
      </dl>
    </div>
  );
}
