import { useState } from 'react';
import { useParams } from 'react-router';
import { agreementKinds, agreementStatuses } from '../../../shared/enums';
import { EnumSelect } from '../../components/form';
import { Badge, Drawer, EmptyState, FilterBar, PageHeader } from '../../components/layout';
import { UnsyncedMark } from '../../components/UnsyncedMark';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds, useRecord, useTripRecords } from '../../data/hooks';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { Clip, listSeparator } from '../hosts/formKit';
import { useOpenParam } from '../hosts/useOpenParam';
import { useRecordMap } from '../hosts/useRecordMap';
import { expertNames } from '../hosts/useTripExperts';
import { AgreementForm } from './AgreementForm';
import {
  type AgreementFilters,
  filterAgreements,
  noAgreementFilters,
  summariseAgreements,
  termText,
} from './agreementFilters';

type Agreement = Stored<'agreements'>;
const collator = new Intl.Collator('zh-CN');

const statusTone = {
  draft: 'neutral',
  negotiating: 'warn',
  signed: 'good',
  in_effect: 'info',
  completed: 'good',
  terminated: 'bad',
} as const satisfies Record<keyof typeof agreementStatuses, Parameters<typeof Badge>[0]['tone']>;

/** The trip's agreements (签约): cooperation agreements, base agreements, adviser appointments… */
export function AgreementsPage() {
  const t = useT();
  const labelOf = useLabel();
  const { tripId = '' } = useParams();
  const trip = useRecord('trips', tripId);
  const pending = usePendingIds();
  const [filters, setFilters] = useState<AgreementFilters>(noAgreementFilters);
  const [open, setOpen] = useOpenParam();
  const agreements = useTripRecords('agreements', tripId);
  const all = agreements ?? [];
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
  const hostOptions = [...new Set(all.map((a) => a.hostId))]
    .map((id) => ({ id, name: hostName(id) || t('hosts.unknownHost') }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const filtered = JSON.stringify(filters) !== JSON.stringify(noAgreementFilters);
  const set = <K extends keyof AgreementFilters>(key: K, value: AgreementFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const amountFormat = new Intl.NumberFormat(t.lang, { maximumFractionDigits: 2 });

  const columns: Column<Agreement>[] = [
    {
      key: 'title',
      header: t('agreements.title'),
      width: '2fr',
      render: (a) => (
        <>
          <Clip text={a.title} />
          <UnsyncedMark pending={pending.has(a.id)} />
        </>
      ),
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
      render: (a) => <Badge tone={statusTone[a.status]}>{labelOf(agreementStatuses, a.status)}</Badge>,
    },
  ];

  if (trip === null) return <EmptyState title={t('state.notFound')} />;
  const editing = open && open !== 'new' ? all.find((a) => a.id === open) : undefined;

  return (
    <>
      <PageHeader
        title={t('nav.agreements')}
        subtitle={trip?.title ?? ''}
        actions={
          <button type="button" className="btn btn--primary" onClick={() => setOpen('new')}>
            {t('agreements.add')}
          </button>
        }
      />
      <div className="figures">
        <div className="figure">
          <div className="figure__value">{summary.signed}</div>
          <div className="figure__label">{t('agreements.signedCount', { total: summary.total })}</div>
        </div>
        <div className="figure">
          <div className="figure__value">{amountFormat.format(summary.amount)}</div>
          <div className="figure__label">{t('agreements.amountTotal')}</div>
        </div>
      </div>
      <FilterBar>
        <EnumSelect
          label={t('common.kind')}
          table={agreementKinds}
          value={filters.kind}
          onChange={(v) => set('kind', v)}
          includeAll={t('filter.all')}
        />
        <EnumSelect
          label={t('common.status')}
          table={agreementStatuses}
          value={filters.status}
          onChange={(v) => set('status', v)}
          includeAll={t('filter.all')}
        />
        <div className="field">
          <label htmlFor="agreement-host-filter">{t('common.host')}</label>
          <select
            id="agreement-host-filter"
            value={filters.hostId}
            onChange={(e) => set('hostId', e.target.value)}
          >
            <option value="">{t('filter.all')}</option>
            {hostOptions.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agreement-text-filter">{t('agreements.textFilter')}</label>
          <input
            id="agreement-text-filter"
            type="search"
            value={filters.text}
            placeholder={t('filter.text')}
            onChange={(e) => set('text', e.target.value)}
          />
        </div>
        {filtered ? (
          <button type="button" className="btn btn--ghost" onClick={() => setFilters(noAgreementFilters)}>
            {t('action.clearFilters')}
          </button>
        ) : null}
      </FilterBar>
      <div className="list-note">{t('agreements.shown', { shown: rows.length, total: all.length })}</div>
      <VirtualTable
        label={t('nav.agreements')}
        rows={rows}
        columns={columns}
        rowKey={(a) => a.id}
        onOpen={(a) => setOpen(a.id)}
        emptyText={
          agreements === undefined
            ? t('state.loading')
            : filtered
              ? t('agreements.noMatch')
              : t('agreements.empty')
        }
      />
      {open === 'new' || editing ? (
        <Drawer
          title={t(editing ? 'agreements.editTitle' : 'agreements.newTitle')}
          onClose={() => setOpen(null)}
        >
          <AgreementForm
            key={open}
            tripId={tripId}
            initial={editing}
            onSaved={() => setOpen(null)}
            onCancel={() => setOpen(null)}
            onDeleted={() => setOpen(null)}
          />
        </Drawer>
      ) : null}
    </>
  );
}
