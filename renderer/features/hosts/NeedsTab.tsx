import { needKinds, needStatuses } from '../../../shared/enums';
import {
  ClearFiltersButton,
  EnumFilter,
  SelectFilter,
  TextFilter,
  useFilters,
} from '../../components/filters';
import { Badge, type BadgeTone, Drawer, EnumBadge, FilterBar } from '../../components/layout';
import { Clip, ListCount, listSeparator, TitleCell } from '../../components/list';
import { useRecordDrawer } from '../../components/useOpenParam';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds, useTripRecords } from '../../data/hooks';
import { referenceOptions } from '../../data/listFilters';
import { useRecordMap } from '../../data/useRecordMap';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { NeedForm } from './NeedForm';
import { filterNeeds, noNeedFilters, visitedNeedIds } from './needFilters';
import { expertNames } from './useTripExperts';

type Need = Stored<'needs'>;
const collator = new Intl.Collator('zh-CN');

const statusTone = {
  open: 'warn',
  matched: 'info',
  in_progress: 'info',
  addressed: 'good',
  closed: 'neutral',
} as const satisfies Record<keyof typeof needStatuses, BadgeTone>;

/** The trip's needs list (需求清单): which host needs what, who is assigned, and whether it was visited. */
export function NeedsTab({ tripId }: { tripId: string }) {
  const t = useT();
  const labelOf = useLabel();
  const pending = usePendingIds();
  const { filters, bind, clear, filtered } = useFilters(noNeedFilters);
  const needs = useTripRecords('needs', tripId);
  const { open, setOpen, close, editing } = useRecordDrawer(needs);
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
  const hostOptions = referenceOptions(
    (needs ?? []).map((n) => n.hostId),
    hostName,
    t('hosts.unknownHost'),
  );

  const columns: Column<Need>[] = [
    {
      key: 'title',
      header: t('hosts.need.title'),
      width: '2fr',
      render: (n) => <TitleCell text={n.title} pending={pending.has(n.id)} />,
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
      render: (n) => <EnumBadge table={needStatuses} value={n.status} tones={statusTone} />,
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

  const suggestedHostIds = [...new Set([...(needs ?? []), ...(visits ?? [])].map((r) => r.hostId))];

  return (
    <>
      <FilterBar>
        <EnumFilter label={t('common.kind')} table={needKinds} {...bind('kind')} />
        <EnumFilter label={t('common.status')} table={needStatuses} {...bind('status')} />
        <SelectFilter
          id="need-host-filter"
          label={t('common.host')}
          {...bind('hostId')}
          options={hostOptions}
        />
        <TextFilter id="need-text-filter" label={t('hosts.need.textFilter')} {...bind('text')} />
        <ClearFiltersButton show={filtered} onClear={clear} />
        <button type="button" className="btn btn--primary" onClick={() => setOpen('new')}>
          {t('hosts.need.add')}
        </button>
      </FilterBar>
      <ListCount>
        {t('hosts.need.summary', {
          shown: rows.length,
          total: needs?.length ?? 0,
          visited: (needs ?? []).filter((n) => visited.has(n.id)).length,
        })}
      </ListCount>
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
        <Drawer title={t(editing ? 'hosts.need.editTitle' : 'hosts.need.newTitle')} onClose={close}>
          <NeedForm
            key={open}
            tripId={tripId}
            initial={editing}
            suggestedHostIds={suggestedHostIds}
            onSaved={close}
            onCancel={close}
            onDeleted={close}
          />
        </Drawer>
      ) : null}
    </>
  );
}
