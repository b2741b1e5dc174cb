import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { tripStatuses } from '../../../shared/enums';
import { BackupImportArea, ImportBackupButton } from '../../backup/BackupImportArea';
import { ClearFiltersButton, EnumFilter } from '../../components/filters';
import { TextField } from '../../components/form';
import { Badge, EmptyState, EnumBadge, FilterBar, PageHeader } from '../../components/layout';
import { UnsyncedMark } from '../../components/UnsyncedMark';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { useAllRecords, usePendingIds } from '../../data/hooks';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { useSettings } from '../../state/settings';
import { DemoTripButton } from './DemoTripButton';
import { formatDateRange, statusTone } from './format';
import './trips.css';
import { useTripCounts } from './useTripCounts';

type Trip = Stored<'trips'>;
type TripStatus = keyof typeof tripStatuses;

/** Case-insensitive match of every word of the filter against title, region and organisers. */
function matches(trip: Trip, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [trip.title, trip.region, ...trip.organisers, ...trip.coOrganisers, ...trip.focusFields]
    .join(' ')
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function TripsPage() {
  const t = useT();
  const navigate = useNavigate();
  const setCurrentTrip = useSettings((s) => s.setCurrentTrip);
  const trips = useAllRecords('trips');
  const counts = useTripCounts();
  const pending = usePendingIds();
  const [status, setStatus] = useState<TripStatus | ''>('');
  const [text, setText] = useState('');

  const rows = useMemo(
    () =>
      (trips ?? [])
        .filter((trip) => (status === '' || trip.status === status) && matches(trip, text))
        // Newest first; same start date → title, so the order is stable between renders.
        .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title, 'zh-CN')),
    [trips, status, text],
  );

  const open = (trip: Trip) => {
    setCurrentTrip(trip.id);
    navigate(`/trips/${trip.id}`);
  };

  const columns: Column<Trip>[] = [
    {
      key: 'title',
      header: t('trips.col.title'),
      width: 'minmax(240px, 3fr)',
      render: (trip) => (
        <span className="trips-title">
          <span className="trips-title__text" title={trip.title}>
            {trip.title}
          </span>
          {trip.locked ? <Badge>{t('trips.locked')}</Badge> : null}
          <UnsyncedMark pending={pending.has(trip.id)} />
        </span>
      ),
    },
    {
      key: 'region',
      header: t('trips.col.region'),
      width: 'minmax(100px, 1fr)',
      render: (trip) => trip.region,
    },
    {
      key: 'dates',
      header: t('trips.col.dates'),
      width: '210px',
      render: (trip) => formatDateRange(t, trip.startDate, trip.endDate),
    },
    {
      key: 'status',
      header: t('trips.col.status'),
      width: '100px',
      render: (trip) => <EnumBadge table={tripStatuses} value={trip.status} tones={statusTone} />,
    },
    {
      key: 'visits',
      header: t('trips.col.visits'),
      width: '70px',
      render: (trip) => <span className="num">{counts.get(trip.id)?.visits ?? 0}</span>,
    },
    {
      key: 'members',
      header: t('trips.col.members'),
      width: '70px',
      render: (trip) => <span className="num">{counts.get(trip.id)?.members ?? 0}</span>,
    },
  ];

  if (trips === undefined) return <p className="muted">{t('state.loading')}</p>;

  const newButton = (
    <Link to="/trips/new" className="btn btn--primary">
      {t('trips.new')}
    </Link>
  );

  if (trips.length === 0) {
    return (
      <BackupImportArea>
        <PageHeader title={t('trips.title')} subtitle={t('trips.subtitle')} />
        <EmptyState title={t('trips.empty.title')}>
          <p className="trips-empty__body">{t('trips.empty.body')}</p>
          <div className="trips-empty__actions">
            {newButton}
            <DemoTripButton />
            {/* A new device restoring a trip from its backup starts here. */}
            <ImportBackupButton />
          </div>
        </EmptyState>
      </BackupImportArea>
    );
  }

  const filtered = status !== '' || text.trim() !== '';
  return (
    <BackupImportArea>
      <PageHeader
        title={t('trips.title')}
        subtitle={t('trips.subtitle')}
        actions={
          <>
            <DemoTripButton />
            <ImportBackupButton />
            {newButton}
          </>
        }
      />
      <FilterBar>
        <TextField
          label={t('trips.filter.textLabel')}
          value={text}
          onChange={setText}
          placeholder={t('trips.filter.text')}
        />
        <EnumFilter label={t('filter.status')} table={tripStatuses} value={status} onChange={setStatus} />
        <ClearFiltersButton
          show={filtered}
          onClear={() => {
            setText('');
            setStatus('');
          }}
        />
        <span className="muted filter-bar__count">{t('trips.list.count', { count: rows.length })}</span>
      </FilterBar>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(trip) => trip.id}
        onOpen={open}
        label={t('trips.list.label')}
        emptyText={t('trips.list.noMatch')}
      />
    </BackupImportArea>
  );
}
