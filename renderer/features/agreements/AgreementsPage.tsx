import { useParams } from 'react-router';
import { agreementKinds, agreementStatuses, reviewStates } from '../../../shared/enums';
import {
  ClearFiltersButton,
  EnumFilter,
  SelectFilter,
  TextFilter,
  useFilters,
} from '../../components/filters';
import {
  type BadgeTone,
  Drawer,
  EmptyState,
  EnumBadge,
  Figure,
  FilterBar,
  PageHeader,
} from '../../components/layout';
import { Clip, ListCount, listSeparator, TitleCell } from '../../components/list';
import { useRecordDrawer } from '../../components/useOpenParam';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds, useRecord, useTripRecords } from '../../data/hooks';
import { referenceOptions } from '../../data/listFilters';
import { useRecordMap } from '../../data/useRecordMap';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { useTripLock } from '../../review/hooks';
import { AgreementAttachments } from '../attachments/AgreementAttachments';
import { expertNames } from '../hosts/useTripExperts';
import { LockBanner } from '../review/LockBanner';
import { AgreementSummary } from '../review/RecordSummary';
import { ReviewBadge } from '../review/ReviewBadge';
import { ReviewIssuesNotice } from '../review/ReviewIssuesNotice';
import { ReviewPanel } from '../review/ReviewPanel';
import { AgreementForm } from './AgreementForm';
import { filterAgreements, noAgreementFilters, summariseAgreements, termText } from './agreementFilters';

type Agreement = Stored<'agreements'>;
const collator = new Intl.Collator('zh-CN');

const statusTone = {
  draft: 'neutral',
  negotiating: 'warn',
  signed: 'good',
  in_effect: 'info',
  completed: 'good',
  terminated: 'bad',
} as const satisfies Record<keyof typeof agreementStatuses, BadgeTone>;

/** The trip's agreements (签约): cooperation agreements, base agreements, adviser appointments… */
export function AgreementsPage() {
  const t = useT();
  const labelOf = useLabel();
  const { tripId = '' } = useParams();
  const trip = useRecord('trips', tripId);
  const pending = usePendingIds();
  const { filters, bind, set, clear, filtered } = useFilters(noAgreementFilters);
  const { readOnly, canManage, ready } = useTripLock(tripId);
  const agreements = useTripRecords('agreements', tripId);
  const all = agreements ?? [];
  const { open, setOpen, close, editing } = useRecordDrawer(agreements);
  const hosts = useRecordMap(
    'hosts',
    all.map((a) => a.hostId),
  );
  const experts = useRecordMap(
    'experts',
    all.flatMap((a) => a.expertIds),
  );
  const hostName = (id: string) => hosts.get(id)?.name ?? '';
  const sep = listSeparator(t.lang);
  const summary = summariseAgreements(all);
  const rows = filterAgreements(all, filters, hostName).sort(
    (a, b) =>
      (b.signedDate || '9999').localeCompare(a.signedDate || '9999') || collator.compare(a.title, b.title),
  );
  const hostOptions = referenceOptions(
    all.map((a) => a.hostId),
    hostName,
    t('hosts.unknownHost'),
  );
  const amountFormat = new Intl.NumberFormat(t.lang, { maximumFractionDigits: 2 });

  const columns: Column<Agreement>[] = [
    {
      key: 'title',
      header: t('agreements.title'),
      width: '2fr',
      render: (a) => <TitleCell text={a.title} pending={pending.has(a.id)} />,
    },
    {
      key: 'host',
      header: t('common.host'),
      width: '1.4fr',
      render: (a) => <Clip text={hostName(a.hostId) || '—'} />,
    },
    { key: 'kind', header: t('common.kind'), width: '140px', render: (a) => labelOf(agreementKinds, a.kind) },
    {
      key: 'parties',
      header: t('agreements.parties'),
      width: '1.2fr',
      render: (a) => <Clip text={a.parties.join(sep)} />,
    },
    {
      key: 'experts',
      header: t('agreements.experts'),
      width: '1fr',
      render: (a) => <Clip text={expertNames(a.expertIds, experts, sep)} />,
    },
    { key: 'signed', header: t('agreements.signedDate'), width: '105px', render: (a) => a.signedDate || '—' },
    { key: 'term', header: t('agreements.term'), width: '190px', render: (a) => termText(a) || '—' },
    {
      key: 'amount',
      header: t('agreements.amountShort'),
      width: '90px',
      render: (a) => (a.amount > 0 ? amountFormat.format(a.amount) : '—'),
    },
    {
      key: 'status',
      header: t('common.status'),
      width: '90px',
      render: (a) => <EnumBadge table={agreementStatuses} value={a.status} tones={statusTone} />,
    },
    {
      key: 'review',
      header: t('review.col.state'),
      width: '80px',
      render: (a) => <ReviewBadge state={a.reviewState} />,
    },
  ];

  if (trip === null) return <EmptyState title={t('state.notFound')} />;

  return (
    <>
      <PageHeader
        title={t('nav.agreements')}
        subtitle={trip?.title ?? ''}
        actions={
          readOnly ? null : (
            <button type="button" className="btn btn--primary" onClick={() => setOpen('new')}>
              {t('agreements.add')}
            </button>
          )
        }
      />
      <LockBanner tripId={tripId} />
      {!ready || canManage ? null : (
        <ReviewIssuesNotice
          count={all.filter((a) => a.reviewState === 'has_issues').length}
          active={filters.reviewState === 'has_issues'}
          onShow={() => set('reviewState', 'has_issues')}
        />
      )}
      <div className="figures">
        <Figure value={summary.signed} label={t('agreements.signedCount', { total: summary.total })} />
        <Figure value={amountFormat.format(summary.amount)} label={t('agreements.amountTotal')} />
      </div>
      <FilterBar>
        <EnumFilter label={t('common.kind')} table={agreementKinds} {...bind('kind')} />
        <EnumFilter label={t('common.status')} table={agreementStatuses} {...bind('status')} />
        <EnumFilter label={t('review.col.state')} table={reviewStates} {...bind('reviewState')} />
        <SelectFilter
          id="agreement-host-filter"
          label={t('common.host')}
          {...bind('hostId')}
          options={hostOptions}
        />
        <TextFilter id="agreement-text-filter" label={t('agreements.textFilter')} {...bind('text')} />
        <ClearFiltersButton show={filtered} onClear={clear} />
      </FilterBar>
      <ListCount>{t('agreements.shown', { shown: rows.length, total: all.length })}</ListCount>
      <VirtualTable
        label={t('nav.agreements')}
        rows={rows}
        columns={columns}
        rowKey={(a) => a.id}
        rowClassName={(a) => (a.reviewState === 'has_issues' ? 'row--has-issues' : '')}
        onOpen={(a) => setOpen(a.id)}
        emptyText={
          agreements === undefined
            ? t('state.loading')
            : filtered
              ? t('agreements.noMatch')
              : t('agreements.empty')
        }
      />
      {editing && readOnly ? (
        // A locked trip, for an expert: the agreement to read and its review thread, nothing to save.
        <Drawer title={editing.title} onClose={close}>
          <AgreementSummary agreement={editing} />
          <AgreementAttachments tripId={tripId} agreementId={editing.id} parties={editing.parties} readOnly />
          <ReviewPanel tripId={tripId} table="agreements" recordId={editing.id} />
        </Drawer>
      ) : (open === 'new' && !readOnly) || editing ? (
        <Drawer title={t(editing ? 'agreements.editTitle' : 'agreements.newTitle')} onClose={close}>
          <AgreementForm
            key={open}
            tripId={tripId}
            initial={editing}
            onSaved={close}
            onCancel={close}
            onDeleted={close}
          />
          {editing ? <ReviewPanel tripId={tripId} table="agreements" recordId={editing.id} /> : null}
        </Drawer>
      ) : null}
    </>
  );
}
