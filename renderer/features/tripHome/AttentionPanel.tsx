import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MessageKey } from '../../../shared/i18n';
import { ATTENTION_KINDS, type AttentionItem, type AttentionKind } from '../../../shared/report';
import { Badge, Panel } from '../../components/layout';
import { SegmentButton, Segmented } from '../../components/Segmented';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { useDirectoryByIds } from '../../data/useRecordMap';
import { type T, useT } from '../../i18n/useT';
import type { TripData } from './useTripData';

type Row = { key: string; kind: AttentionKind; text: string; to: string };
type Names = { host: (id: string) => string; expert: (id: string) => string };

const KIND_LABEL = {
  visitEmpty: 'tripHome.attention.visitEmpty',
  needUnvisited: 'tripHome.attention.needUnvisited',
  agreementNoSignedDate: 'tripHome.attention.agreementNoSignedDate',
  agreementNoParties: 'tripHome.attention.agreementNoParties',
  followUpOverdue: 'tripHome.attention.followUpOverdue',
  memberIdle: 'tripHome.attention.memberIdle',
} as const satisfies Record<AttentionKind, MessageKey>;

/** Where each kind of item is fixed. Visits open their own form; the other screens list the records. */
function toRow(item: AttentionItem, tripId: string, t: T, names: Names): Row {
  const base = `/trips/${tripId}`;
  const titled = (title: string) => title || t('tripHome.attention.untitled');
  switch (item.kind) {
    case 'visitEmpty':
      return {
        key: `v-${item.visitId}`,
        kind: item.kind,
        text: `${names.host(item.hostId)} · ${item.date}`,
        to: `${base}/visits/${item.visitId}`,
      };
    case 'needUnvisited':
      return {
        key: `n-${item.needId}`,
        kind: item.kind,
        text: `${titled(item.title)} · ${names.host(item.hostId)}`,
        to: `${base}/hosts`,
      };
    case 'agreementNoSignedDate':
    case 'agreementNoParties':
      return {
        key: `${item.kind}-${item.agreementId}`,
        kind: item.kind,
        text: titled(item.title),
        to: `${base}/agreements`,
      };
    case 'followUpOverdue':
      return {
        key: `f-${item.followUpId}`,
        kind: item.kind,
        text: t('tripHome.attention.overdueDays', {
          action: item.action,
          due: item.dueDate,
          days: item.daysOverdue,
        }),
        to: `${base}/follow-ups`,
      };
    case 'memberIdle':
      return {
        key: `m-${item.memberId}`,
        kind: item.kind,
        text: names.expert(item.expertId),
        to: `${base}/team`,
      };
  }
}

const tone = (kind: AttentionKind) => (kind === 'followUpOverdue' ? 'bad' : 'warn');

/** Gaps to close before reporting, each linked to the screen where it is fixed. */
export function AttentionPanel({
  tripId,
  data,
  items,
}: {
  tripId: string;
  data: TripData;
  items: AttentionItem[];
}) {
  const t = useT();
  const navigate = useNavigate();
  const [kind, setKind] = useState<AttentionKind | 'all'>('all');
  const hostIds = useMemo(
    () => [...data.visits.map((v) => v.hostId), ...data.needs.map((n) => n.hostId)],
    [data.visits, data.needs],
  );
  const expertIds = useMemo(() => data.members.map((m) => m.expertId), [data.members]);
  const hosts = useDirectoryByIds('hosts', hostIds);
  const experts = useDirectoryByIds('experts', expertIds);

  const rows = useMemo(() => {
    // While the names load, show an ellipsis rather than a false "unknown".
    const names: Names = {
      host: (id) => (hosts ? (hosts.get(id)?.name ?? t('tripHome.attention.unknownHost')) : '…'),
      expert: (id) => (experts ? (experts.get(id)?.name ?? t('tripHome.attention.unknownExpert')) : '…'),
    };
    return items.map((item) => toRow(item, tripId, t, names));
  }, [items, tripId, t, hosts, experts]);

  const counts = new Map<AttentionKind, number>();
  for (const row of rows) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
  const active = kind !== 'all' && counts.has(kind) ? kind : 'all';
  const shown = active === 'all' ? rows : rows.filter((r) => r.kind === active);

  const columns: Column<Row>[] = [
    {
      key: 'kind',
      header: t('tripHome.attention.col.issue'),
      width: 'minmax(180px, 1fr)',
      render: (row) => <Badge tone={tone(row.kind)}>{t(KIND_LABEL[row.kind])}</Badge>,
    },
    {
      key: 'record',
      header: t('tripHome.attention.col.record'),
      width: '2fr',
      render: (row) => (
        <Link to={row.to} onClick={(e) => e.stopPropagation()}>
          {row.text}
        </Link>
      ),
    },
  ];

  return (
    <Panel title={t('tripHome.attention.title')} className="trip-home__attention">
      {rows.length === 0 ? (
        <p className="trip-home__all-clear" data-testid="attention-none">
          {t('tripHome.attention.none')}
        </p>
      ) : (
        <>
          <Segmented label={t('filter.kind')} className="trip-home__attention-filter">
            <SegmentButton on={active === 'all'} onClick={() => setKind('all')}>
              {t('tripHome.attention.all', { count: rows.length })}
            </SegmentButton>
            {ATTENTION_KINDS.filter((k) => counts.has(k)).map((k) => (
              <SegmentButton key={k} on={active === k} testId={`attention-${k}`} onClick={() => setKind(k)}>
                {t(KIND_LABEL[k])} <span className="num">{counts.get(k)}</span>
              </SegmentButton>
            ))}
          </Segmented>
          <VirtualTable
            rows={shown}
            columns={columns}
            rowKey={(row) => row.key}
            onOpen={(row) => navigate(row.to)}
            label={t('tripHome.attention.label')}
            emptyText={t('tripHome.attention.none')}
            height="360px"
          />
        </>
      )}
    </Panel>
  );
}
