import { useState } from 'react';
import { needKinds, needStatuses } from '../../../shared/enums';
import { EnumSelect } from '../../components/form';
import { Badge, Drawer, FilterBar } from '../../components/layout';
import { UnsyncedMark } from '../../components/UnsyncedMark';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds, useTripRecords } from '../../data/hooks';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { Clip, listSeparator } from './formKit';
import { NeedForm } from './NeedForm';
import { filterNeeds, type NeedFilters, noNeedFilters, visitedNeedIds } from './needFilters';
import { useOpenParam } from './useOpenParam';
import { useRecordMap } from './useRecordMap';
import { expertNames } from './useTripExperts';

type Need = Stored<'needs'>;
const collator = new Intl.Collator('zh-CN');

const statusTone = {
  open: 'warn',
  matched: 'info',
  in_progress: 'info',
  addressed: 'good',
  closed: 'neutral',
} as const satisfies Record<keyof typeof needStatuses, Parameters<typeof Badge>[0]['tone']>;

/** The trip's needs list (需求清单): which host needs what, who is assigned, and whether it was visited. */
export function NeedsTab({ tripId }: { tripId: string }) {
  const t = useT();
  const labelOf = useLabel();
  const pending = usePendingIds();
  const [filters, setFilters] = useState<NeedFilters>(noNeedFilters);
  const [open, setOpen] = useOpenParam();
  const needs = useTripRecords('needs', tripId);
  const visits = useTripRecords('visits', tripId);
  const hosts = useRecordMap(
    'hosts',
    [...(needs ?? []), ...(visits ?? [])].map((r) => r.hostId),
  );
  const experts = useRecordMap(
    'experts',
    (needs ?? []).flatMap((n) => n.expertIds),
  );
  const visited = visitedNeedIds(visits ?? []);
  const hostName = (id: string) => hosts.get(id)?.name ?? '';
  const rows = filterNeeds(needs ?? [], filters, hostName).sort(
    (a, b) => collator.compare(hostName(a.hostId), hostName(b.hostId)) || collator.compare(a.title, b.title),
  );
  const hostOptions = [...new Set((needs ?? []).map((n) => n.hostId))]
    .map((id) => ({ id, name: hostName(id) || t('hosts.unknownHost') }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const filtered = JSON.stringify(filters) !== JSON.stringify(noNeedFilters);
  const set = <K extends keyof NeedFilters>(key: K, value: NeedFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  const columns: Column<Need>[] = [
    {
      key: 'title',
      header: t('hosts.need.title'),
      width: '2fr',
      render: (n) => (
        <>
          <Clip text={n.title} />
          <UnsyncedMark pending={pending.has(n.id)} />
        </>
      ),
    },
    {
      key: 'host',
      header: t('common.host'),
      width: '1.5fr',
      render: (n) => <Clip text={hostName(n.hostId) || '—'} />,
    },
    { key: 'kind', header: t('common.kind'), width: '130px', render: (n) => labelOf(needKinds, n.kind) },
    { key: 'field', header: t('common.field'), width: '1fr', render: (n) => <Clip text={n.field} /> },
    {
      key: 'experts',
      header: t('hosts.need.experts'),
      width: '1.2fr',
      render: (n) =>
        expertNames(n.expertIds, experts, listSeparator(t.lang)) || <span className="muted">—</span>,
    },
    {
      key: 'status',
      header: t('common.status'),
      width: '110px',
      render: (n) => <Badge tone={statusTone[n.status]}>{labelOf(needStatuses, n.status)}</Badge>,
    },
    {
      key: 'visited',
      header: t('hosts.need.visited'),
      width: '90px',
      render: (n) =>
        visited.has(n.id) ? (
          <Badge tone="good">{t('common.yes')}</Badge>
        ) : (
          <span className="muted">{t('common.no')}</span>
        ),
    },
  ];

  const editing = open && open !== 'new' ? needs?.find((n) => n.id === open) : undefined;
  const suggestedHostIds = [...new Set([...(needs ?? []), ...(visits ?? [])].map((r) => r.hostId))];

  return (
    <>
      <FilterBar>
        <EnumSelect
          label={t('common.kind')}
          table={needKinds}
          value={filters.kind}
          onChange={(v) => set('kind', v)}
          includeAll={t('filter.all')}
        />
        <EnumSelect
          label={t('common.status')}
          table={needStatuses}
          value={filters.status}
          onChange={(v) => set('status', v)}
          includeAll={t('filter.all')}
        />
        <div className="field">
          <label htmlFor="need-host-filter">{t('common.host')}</label>
          <select
            id="need-host-filter"
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
          <label htmlFor="need-text-filter">{t('hosts.need.textFilter')}</label>
          <input
            id="need-text-filter"
            type="search"
            value={filters.text}
            placeholder={t('filter.text')}
            onChange={(e) => set('text', e.target.value)}
          />
        </div>
        {filtered ? (
          <button type="button" className="btn btn--ghost" onClick={() => setFilters(noNeedFilters)}>
            {t('action.clearFilters')}
          </button>
        ) : null}
        <button type="button" className="btn btn--primary" onClick={() => setOpen('new')}>
          {t('hosts.need.add')}
        </button>
      </FilterBar>
      <div className="list-note">
        {t('hosts.need.summary', {
          shown: rows.length,
          total: needs?.length ?? 0,
          visited: (needs ?? []).filter((n) => visited.has(n.id)).length,
        })}
      </div>
      <VirtualTable
        label={t('hosts.tab.needs')}
        rows={rows}
        columns={columns}
        rowKey={(n) => n.id}
        onOpen={(n) => setOpen(n.id)}
        emptyText={
          needs === undefined
            ? t('state.loading')
            : filtered
              ? t('hosts.need.noMatch')
              : t('hosts.need.empty')
        }
      />
      {open === 'new' || editing ? (
        <Drawer
          title={t(editing ? 'hosts.need.editTitle' : 'hosts.need.newTitle')}
          onClose={() => setOpen(null)}
        >
          <NeedForm
            key={open}
            tripId={tripId}
            initial={editing}
            suggestedHostIds={suggestedHostIds}
            onSaved={() => setOpen(null)}
            onCancel={() => setOpen(null)}
            onDeleted={() => setOpen(null)}
          />
        </Drawer>
      ) : null}
    </>
  );
}
