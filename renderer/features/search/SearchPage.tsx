import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '../../../shared/i18n';
import { Badge, EmptyState, PageHeader } from '../../components/layout';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { deletedTripIds } from '../../data/repository';
import { type SearchHit, searchRecords } from '../../data/searchIndex';
import { queuedSearchCount } from '../../data/searchQueue';
import { getDb } from '../../db/database';
import type { SearchType } from '../../db/types';
import { useT } from '../../i18n/useT';
import { useSettings } from '../../state/settings';

const LIMIT = 500;
const TYPE_LABEL: Record<SearchType, MessageKey> = {
  hosts: 'search.type.hosts',
  visits: 'search.type.visits',
  problems: 'search.type.problems',
  agreements: 'search.type.agreements',
};

/** Where a hit opens: the record's own screen within its trip. */
function hitPath(hit: SearchHit, fallbackTripId: string | null): string {
  switch (hit.type) {
    case 'visits':
      return `/trips/${hit.tripId}/visits/${hit.id}`;
    case 'problems':
      return `/trips/${hit.tripId}/problems?open=${hit.id}`;
    case 'agreements':
      return `/trips/${hit.tripId}/agreements?open=${hit.id}`;
    case 'hosts':
      return fallbackTripId ? `/trips/${fallbackTripId}/hosts?host=${hit.id}` : '/trips';
  }
}

/** One search box across hosts, visits, problems and agreements (the query comes from the top bar). */
export function SearchPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const query = new URLSearchParams(location.search).get('q') ?? '';
  const currentTripId = useSettings((s) => s.currentTripId);
  const [onlyTrip, setOnlyTrip] = useState(false);
  const hits = useLiveQuery(async () => {
    const db = getDb();
    return searchRecords(db, query, {
      limit: LIMIT,
      hiddenTripIds: await deletedTripIds(db),
      ...(onlyTrip && currentTripId ? { tripId: currentTripId } : {}),
    });
  }, [query, onlyTrip, currentTripId]);

  const indexing = useLiveQuery(() => queuedSearchCount(getDb()), []) ?? 0;

  const columns: Column<SearchHit>[] = [
    {
      key: 'type',
      header: t('common.kind'),
      width: '90px',
      render: (h) => <Badge tone="info">{t(TYPE_LABEL[h.type])}</Badge>,
    },
    { key: 'title', header: t('common.title'), width: '2fr', render: (h) => h.title || '—' },
    {
      key: 'subtitle',
      header: '',
      width: '1.5fr',
      render: (h) => <span className="muted">{h.subtitle}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('search.title')}
        subtitle={
          query.trim() && hits ? t('search.results', { query, count: hits.length }) : t('search.hint')
        }
        actions={
          currentTripId ? (
            <label className="check">
              <input type="checkbox" checked={onlyTrip} onChange={(e) => setOnlyTrip(e.target.checked)} />
              {t('search.onlyTrip')}
            </label>
          ) : null
        }
      />
      {indexing > 0 ? (
        <div className="form-note" role="status">
          {t('search.indexing', { count: indexing })}
        </div>
      ) : null}
      {!query.trim() ? (
        <EmptyState title={t('search.hint')} />
      ) : hits && hits.length === 0 ? (
        <EmptyState title={t('search.none', { query })} />
      ) : (
        <>
          <VirtualTable
            label={t('search.title')}
            rows={hits ?? []}
            columns={columns}
            rowKey={(h) => `${h.type}:${h.id}`}
            onOpen={(h) => navigate(hitPath(h, currentTripId))}
            emptyText={t('state.loading')}
          />
          {hits && hits.length >= LIMIT ? (
            <div className="muted">{t('search.more', { count: LIMIT })}</div>
          ) : null}
        </>
      )}
    </>
  );
}
