import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { hostKinds } from '../../../shared/enums';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { CheckFilter, TextFilter } from '../../components/filters';
import { Drawer, FilterBar } from '../../components/layout';
import { Clip, ListCount, TitleCell } from '../../components/list';
import { useDebounced } from '../../components/useDebounced';
import { useOpenParam } from '../../components/useOpenParam';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds, useRecord, useTripRecords } from '../../data/hooks';
import { useRecordMap } from '../../data/useRecordMap';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { HostForm } from './HostForm';
import { hostMatches, searchHosts } from './hostSearch';

type Host = Stored<'hosts'>;

/** How many hosts the directory lists at once; more are reached by searching. */
export const DIRECTORY_LIMIT = 500;
const collator = new Intl.Collator('zh-CN');

/** The shared host directory (all trips), with this trip's visit counts. */
export function HostDirectory({ tripId }: { tripId: string }) {
  const t = useT();
  const labelOf = useLabel();
  const pending = usePendingIds();
  const [query, setQuery] = useState('');
  const [tripOnly, setTripOnly] = useState(false);
  const [open, setOpen] = useOpenParam();
  const debounced = useDebounced(query);

  const visits = useTripRecords('visits', tripId);
  const needs = useTripRecords('needs', tripId);
  const agreements = useTripRecords('agreements', tripId);
  const visitCounts = new Map<string, number>();
  for (const v of visits ?? []) visitCounts.set(v.hostId, (visitCounts.get(v.hostId) ?? 0) + 1);
  const tripHostIds = [...(visits ?? []), ...(needs ?? []), ...(agreements ?? [])].map((r) => r.hostId);
  const tripHosts = useRecordMap('hosts', tripHostIds);

  const found = useLiveQuery(
    () => (tripOnly ? Promise.resolve(null) : searchHosts(getDb(), debounced, DIRECTORY_LIMIT)),
    [debounced, tripOnly],
  );
  const rows: Host[] = tripOnly
    ? [...tripHosts.values()]
        .filter((h) => hostMatches(h, query))
        .sort((a, b) => collator.compare(a.name, b.name))
    : (found ?? []);
  const loading = !tripOnly && found === undefined;

  const columns: Column<Host>[] = [
    {
      key: 'name',
      header: t('hosts.field.name'),
      width: '2.2fr',
      render: (h) => <TitleCell text={h.name} pending={pending.has(h.id)} />,
    },
    { key: 'code', header: t('hosts.field.creditCode'), width: '190px', render: (h) => h.creditCode || '—' },
    { key: 'kind', header: t('hosts.field.kind'), width: '110px', render: (h) => labelOf(hostKinds, h.kind) },
    { key: 'district', header: t('hosts.field.district'), width: '1fr', render: (h) => h.district },
    {
      key: 'industry',
      header: t('hosts.field.industry'),
      width: '1fr',
      render: (h) => <Clip text={h.industry} />,
    },
    {
      key: 'visits',
      header: t('hosts.col.visits'),
      width: '100px',
      render: (h) => visitCounts.get(h.id) ?? <span className="muted">0</span>,
    },
  ];

  let note = t('list.count', { count: rows.length });
  if (!tripOnly && rows.length >= DIRECTORY_LIMIT) {
    note = t(debounced.trim() ? 'hosts.dir.manyMatches' : 'hosts.dir.firstByName', {
      count: DIRECTORY_LIMIT,
    });
  }

  return (
    <>
      <FilterBar>
        <TextFilter
          id="host-dir-search"
          label={t('hosts.dir.search')}
          value={query}
          onChange={setQuery}
          placeholder={t('hosts.dir.searchPlaceholder')}
          style={{ flex: '1 1 320px' }}
        />
        <CheckFilter label={t('hosts.dir.tripOnly')} checked={tripOnly} onChange={setTripOnly} />
        <button type="button" className="btn btn--primary" onClick={() => setOpen('new')}>
          {t('hosts.dir.add')}
        </button>
      </FilterBar>
      <ListCount live>{loading ? t('state.loading') : note}</ListCount>
      <VirtualTable
        label={t('hosts.tab.directory')}
        rows={rows}
        columns={columns}
        rowKey={(h) => h.id}
        onOpen={(h) => setOpen(h.id)}
        emptyText={
          loading ? t('state.loading') : query.trim() ? t('hosts.dir.noMatch') : t('hosts.dir.empty')
        }
      />
      {open ? <HostDrawer id={open} onClose={() => setOpen(null)} onOpen={setOpen} /> : null}
    </>
  );
}

function HostDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const isNew = id === 'new';
  const host = useRecord('hosts', isNew ? undefined : id);
  return (
    <Drawer title={t(isNew ? 'hosts.form.newTitle' : 'hosts.form.editTitle')} onClose={onClose}>
      {isNew || host ? (
        <HostForm
          key={id}
          initial={host ?? undefined}
          onSaved={onClose}
          onCancel={onClose}
          onOpenDuplicate={(other) => onOpen(other.id)}
        />
      ) : null}
      {host ? <HostDeleteGuard host={host} onDeleted={onClose} /> : null}
      {isNew || host ? null : host === null ? (
        <p>{t('state.notFound')}</p>
      ) : (
        <p className="muted">{t('state.loading')}</p>
      )}
    </Drawer>
  );
}

/**
 * Hosts are shared by every trip, and visits, needs, problems and agreements point at them; deleting a
 * host that is still referenced would leave those records nameless, so it is only offered when unused.
 */
function HostDeleteGuard({ host, onDeleted }: { host: Host; onDeleted: () => void }) {
  const t = useT();
  const uses = useLiveQuery(async () => {
    const db = getDb();
    let total = 0;
    for (const table of ['visits', 'needs', 'problems', 'agreements'] as const) {
      const rows = await db.table<{ _deleted: 0 | 1 }>(table).where('hostId').equals(host.id).toArray();
      total += rows.filter((r) => r._deleted === 0).length;
    }
    return total;
  }, [host.id]);
  if (uses === undefined) return null;
  return (
    <div className="host-drawer__danger">
      {uses === 0 ? (
        <ConfirmDelete table="hosts" id={host.id} what={host.name} onDeleted={onDeleted} />
      ) : (
        <span className="muted">{t('hosts.dir.inUse', { count: uses })}</span>
      )}
    </div>
  );
}
