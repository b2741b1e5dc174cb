import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { reviewStates } from '../../../shared/enums';
import { matchesQuery } from '../../../shared/search/tokenize';
import { EnumSelect, Field } from '../../components/form';
import { EmptyState, FilterBar, PageHeader } from '../../components/layout';
import { listSeparator } from '../../components/list';
import { UnsyncedMark } from '../../components/UnsyncedMark';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { byId, useAllRecords, usePendingIds, useRecord, useTripRecords } from '../../data/hooks';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { useTripLock } from '../../review/hooks';
import { PhotoCountBadge, usePhotoCounts } from '../attachments/PhotoCount';
import { LockBanner } from '../review/LockBanner';
import { ReviewBadge } from '../review/ReviewBadge';
import { ReviewIssuesNotice } from '../review/ReviewIssuesNotice';
import { activitiesText } from './activityText';
import './visits.css';

type Row = {
  visit: Stored<'visits'>;
  host: string;
  experts: string;
  problems: number;
  recommendations: number;
};

export function VisitsPage() {
  const { tripId = '' } = useParams();
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const trip = useRecord('trips', tripId);
  const visits = useTripRecords('visits', tripId);
  const problems = useTripRecords('problems', tripId);
  const recs = useTripRecords('recommendations', tripId);
  const hosts = byId(useAllRecords('hosts'));
  const experts = byId(useAllRecords('experts'));
  const pending = usePendingIds();
  const photos = usePhotoCounts(tripId);
  const [date, setDate] = useState('');
  const [review, setReview] = useState<keyof typeof reviewStates | ''>('');
  const [text, setText] = useState('');
  const { readOnly, canManage, ready } = useTripLock(tripId);

  const rows = useMemo<Row[]>(() => {
    const problemCount = countBy(problems ?? [], 'visitId');
    const recCount = countBy(recs ?? [], 'visitId');
    return (visits ?? [])
      .map((visit) => ({
        visit,
        host: hosts.get(visit.hostId)?.name ?? t('visits.unknownHost'),
        experts: visit.expertIds.map((id) => experts.get(id)?.name ?? '?').join('、'),
        problems: problemCount.get(visit.id) ?? 0,
        recommendations: recCount.get(visit.id) ?? 0,
      }))
      .filter((r) => !date || r.visit.date === date)
      .filter((r) => !review || r.visit.reviewState === review)
      .filter((r) => !text.trim() || matchesQuery(`${r.host} ${r.experts} ${r.visit.notes}`, text))
      .sort(
        (a, b) =>
          b.visit.date.localeCompare(a.visit.date) || b.visit._updated.localeCompare(a.visit._updated),
      );
  }, [visits, problems, recs, hosts, experts, date, review, text, t]);

  const dates = useMemo(() => [...new Set((visits ?? []).map((v) => v.date))].sort(), [visits]);

  const columns: Column<Row>[] = [
    { key: 'date', header: t('visits.col.date'), width: '110px', render: (r) => r.visit.date },
    {
      key: 'host',
      header: t('visits.col.host'),
      width: '2fr',
      render: (r) => (
        <>
          {r.host}
          <PhotoCountBadge count={photos.get(r.visit.id) ?? 0} />
          <UnsyncedMark pending={pending.has(r.visit.id)} />
        </>
      ),
    },
    { key: 'experts', header: t('visits.col.experts'), width: '1.4fr', render: (r) => r.experts },
    {
      key: 'activities',
      header: t('visits.col.activities'),
      width: '1.6fr',
      render: (r) => activitiesText(r.visit.activities, label, listSeparator(t.lang)),
    },
    { key: 'problems', header: t('visits.col.problems'), width: '70px', render: (r) => r.problems },
    { key: 'recs', header: t('visits.col.recommendations'), width: '70px', render: (r) => r.recommendations },
    { key: 'trained', header: t('visits.col.trained'), width: '80px', render: (r) => r.visit.peopleTrained },
    {
      key: 'review',
      header: t('visits.col.review'),
      width: '90px',
      render: (r) => <ReviewBadge state={r.visit.reviewState} />,
    },
  ];

  if (trip === null) return <EmptyState title={t('state.notFound')} />;
  const newLink = `/trips/${tripId}/visits/new`;
  return (
    <>
      <PageHeader
        title={t('visits.title')}
        subtitle={trip ? `${trip.title} · ${t('visits.total', { count: visits?.length ?? 0 })}` : undefined}
        actions={
          readOnly ? null : (
            <Link className="btn btn--primary" to={newLink}>
              {t('visits.new')}
            </Link>
          )
        }
      />
      <LockBanner tripId={tripId} />
      {!ready || canManage ? null : (
        <ReviewIssuesNotice
          count={(visits ?? []).filter((v) => v.reviewState === 'has_issues').length}
          active={review === 'has_issues'}
          onShow={() => setReview('has_issues')}
        />
      )}
      {visits && visits.length === 0 ? (
        <EmptyState title={t('visits.empty')}>
          <div>{t('visits.emptyHint')}</div>
          {readOnly ? null : (
            <Link className="btn btn--primary" to={newLink}>
              {t('visits.new')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <FilterBar>
            <Field label={t('visits.filter.date')}>
              {(id) => (
                <select id={id} value={date} onChange={(e) => setDate(e.target.value)}>
                  <option value="">{t('visits.filter.allDates')}</option>
                  {dates.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <EnumSelect
              label={t('visits.col.review')}
              table={reviewStates}
              value={review}
              includeAll={t('filter.all')}
              onChange={setReview}
            />
            <Field label={t('filter.text')}>
              {(id) => <input id={id} value={text} onChange={(e) => setText(e.target.value)} />}
            </Field>
            <span className="muted">{t('list.count', { count: rows.length })}</span>
          </FilterBar>
          <VirtualTable
            label={t('visits.title')}
            rows={rows}
            columns={columns}
            rowKey={(r) => r.visit.id}
            rowClassName={(r) => (r.visit.reviewState === 'has_issues' ? 'row--has-issues' : '')}
            onOpen={(r) => navigate(`/trips/${tripId}/visits/${r.visit.id}`)}
            emptyText={t('state.empty')}
          />
        </>
      )}
    </>
  );
}

function countBy<R extends Record<string, unknown>>(rows: readonly R[], field: keyof R): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of rows) {
    const key = String(r[field]);
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  return map;
}
