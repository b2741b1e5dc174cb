import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { computeTripFigures } from '../../../shared/report';
import { Panel } from '../../components/layout';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { todayIso } from '../../data/today';
import { useDirectoryByIds } from '../../data/useRecordMap';
import { useT } from '../../i18n/useT';
import { useTripData } from '../tripHome/useTripData';
import { type CompletenessRow, completenessGroups, GROUP_HINT, GROUP_TITLE } from './completeness';

/**
 * What is still missing before the trip can be reported (the attention items of computeTripFigures),
 * grouped by what is missing, each row opening the record where it is fixed.
 */
export function CompletenessTab({ tripId }: { tripId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const data = useTripData(tripId);
  const today = todayIso();
  const items = useMemo(
    () => (data ? computeTripFigures({ ...data, today }).attention : undefined),
    [data, today],
  );
  const hostIds = useMemo(
    () => [...(data?.visits ?? []).map((v) => v.hostId), ...(data?.needs ?? []).map((n) => n.hostId)],
    [data],
  );
  const expertIds = useMemo(() => (data?.members ?? []).map((m) => m.expertId), [data]);
  const hosts = useDirectoryByIds('hosts', hostIds);
  const experts = useDirectoryByIds('experts', expertIds);

  const groups = useMemo(() => {
    if (!items) return undefined;
    // While names load, an ellipsis rather than a false "unknown".
    return completenessGroups(items, tripId, t, {
      host: (id) => (hosts ? (hosts.get(id)?.name ?? t('review.complete.unknownHost')) : '…'),
      expert: (id) => (experts ? (experts.get(id)?.name ?? t('review.complete.unknownExpert')) : '…'),
    });
  }, [items, tripId, t, hosts, experts]);

  if (!groups) return <p className="muted">{t('state.loading')}</p>;
  if (groups.length === 0) {
    return (
      <Panel>
        <p className="review-complete__clear" data-testid="completeness-clear">
          {t('review.complete.allClear')}
        </p>
      </Panel>
    );
  }

  const columns: Column<CompletenessRow>[] = [
    {
      key: 'record',
      header: t('review.complete.col.record'),
      width: '2fr',
      render: (row) => (
        <Link to={row.to} onClick={(e) => e.stopPropagation()}>
          {row.text}
        </Link>
      ),
    },
    { key: 'detail', header: t('review.complete.col.detail'), width: '1fr', render: (row) => row.detail },
  ];

  return (
    <div className="review-complete">
      <p className="muted">{t('review.complete.intro', { count: items?.length ?? 0 })}</p>
      {groups.map((g) => (
        <Panel
          key={g.kind}
          title={t('review.complete.groupTitle', { title: t(GROUP_TITLE[g.kind]), count: g.rows.length })}
          className="review-complete__group"
        >
          <p className="muted review-complete__hint">{t(GROUP_HINT[g.kind])}</p>
          <div data-testid={`completeness-${g.kind}`}>
            <VirtualTable
              rows={g.rows}
              columns={columns}
              rowKey={(row) => row.key}
              onOpen={(row) => navigate(row.to)}
              label={t(GROUP_TITLE[g.kind])}
              emptyText={t('state.empty')}
              height="300px"
            />
          </div>
        </Panel>
      ))}
    </div>
  );
}
