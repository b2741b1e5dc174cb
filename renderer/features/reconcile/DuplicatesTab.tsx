import { useState } from 'react';
import { Badge, EmptyState, Panel } from '../../components/layout';
import { Clip, ListCount } from '../../components/list';
import { SegmentButton, Segmented } from '../../components/Segmented';
import { useRowDrawer } from '../../components/useRowDrawer';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { useT } from '../../i18n/useT';
import { useCanManageTrip } from '../../review/role';
import { TABLE_TEXT } from '../sync/words';
import { DuplicateDrawer } from './DuplicateDrawer';
import { REASON_TEXT, useMemberLabel } from './duplicateWords';
import { type DuplicateItem, useDuplicateGroups } from './useDuplicateGroups';
import './reconcile.css';

type Which = 'all' | 'hosts' | 'visits';

/**
 * Possible duplicates among the trip's hosts (compared with the whole directory) and visits. Opening a
 * group shows the records side by side to choose the one that stays and merge, or to say they are not
 * duplicates.
 */
export function DuplicatesTab({ tripId }: { tripId: string }) {
  const t = useT();
  const data = useDuplicateGroups(tripId);
  // The server lets only organisers merge; others see the groups without the actions.
  const canManage = useCanManageTrip(tripId) === true;
  const memberLabel = useMemberLabel(data);
  const [which, setWhich] = useState<Which>('all');
  const { open, notice, openRow, close, done } = useRowDrawer(data?.items);

  const items = data?.items ?? [];
  const count = (table: 'hosts' | 'visits') => items.filter((i) => i.table === table).length;
  const rows = items.filter((i) => which === 'all' || i.table === which);

  const columns: Column<DuplicateItem>[] = [
    {
      key: 'table',
      header: t('reconcile.dupes.col.kind'),
      width: '110px',
      render: (i) => <Badge tone="info">{t(TABLE_TEXT[i.table])}</Badge>,
    },
    {
      key: 'records',
      header: t('reconcile.col.record'),
      width: '3fr',
      render: (i) => (
        <Clip
          text={(i.members as DuplicateItem['members']).map((m) => memberLabel(i.table, m)).join(' / ')}
        />
      ),
    },
    {
      key: 'reason',
      header: t('reconcile.dupes.col.reason'),
      width: '2fr',
      render: (i) => (
        <span className="reconcile-cell">
          {i.reasons.map((r) => (
            <Badge key={r} tone="warn">
              {t(REASON_TEXT[r])}
            </Badge>
          ))}
        </span>
      ),
    },
    {
      key: 'count',
      header: t('reconcile.dupes.col.count'),
      width: '90px',
      render: (i) => <span className="num">{i.members.length}</span>,
    },
  ];

  return (
    <Panel
      title={t('reconcile.dupes.title')}
      className="reconcile-panel"
      actions={
        items.length > 0 ? (
          <Segmented label={t('reconcile.dupes.which')}>
            <SegmentButton on={which === 'all'} onClick={() => setWhich('all')}>
              {t('reconcile.dupes.all', { count: items.length })}
            </SegmentButton>
            <SegmentButton on={which === 'hosts'} onClick={() => setWhich('hosts')}>
              {t('reconcile.dupes.hosts', { count: count('hosts') })}
            </SegmentButton>
            <SegmentButton on={which === 'visits'} onClick={() => setWhich('visits')}>
              {t('reconcile.dupes.visits', { count: count('visits') })}
            </SegmentButton>
          </Segmented>
        ) : undefined
      }
    >
      <p className="muted reconcile-explain">{t('reconcile.dupes.explain')}</p>
      {canManage ? null : <p className="form-note">{t('reconcile.dupes.readOnly')}</p>}
      <p className="reconcile-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {!data ? (
        <p className="muted">{t('reconcile.dupes.searching')}</p>
      ) : items.length === 0 ? (
        <EmptyState title={t('reconcile.dupes.empty')}>
          <p className="muted">{t('reconcile.dupes.emptyHint')}</p>
        </EmptyState>
      ) : (
        <>
          <ListCount>{t('list.count', { count: rows.length })}</ListCount>
          <VirtualTable
            label={t('reconcile.dupes.title')}
            rows={rows}
            columns={columns}
            rowKey={(i) => i.key}
            onOpen={openRow}
            height="min(60vh, 560px)"
            emptyText={t('reconcile.dupes.noneOfKind')}
          />
        </>
      )}
      {open && data ? (
        <DuplicateDrawer
          key={open.key}
          item={open}
          data={data}
          tripId={tripId}
          canManage={canManage}
          onClose={close}
          onDone={done}
        />
      ) : null}
    </Panel>
  );
}
