import { useState } from 'react';
import { Badge, EmptyState, Panel } from '../../components/layout';
import { Clip, ListCount } from '../../components/list';
import { SegmentButton, Segmented } from '../../components/Segmented';
import { useRowDrawer } from '../../components/useRowDrawer';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { fieldTextKey } from '../../i18n/fieldNames';
import { useT } from '../../i18n/useT';
import { isRecordTable } from '../../reconcile/conflicts';
import { useCanManageTrip } from '../../review/role';
import { formatDateTime } from '../sync/time';
import { TABLE_TEXT } from '../sync/words';
import { ConflictDrawer } from './ConflictDrawer';
import { RESOLUTION_TEXT } from './resolutionText';
import { type ConflictGroup, useConflictGroups } from './useConflictGroups';
import { formatValue } from './values';
import './reconcile.css';

/**
 * The trip's conflicts: what two devices wrote to the same field at the same time, with the value that
 * lost kept for the organiser to decide on. Open ones by default; a toggle shows the resolved ones with
 * who resolved them. Opening one shows both values side by side with the actions.
 */
export function ConflictsTab({ tripId }: { tripId: string }) {
  const t = useT();
  const data = useConflictGroups(tripId);
  // The server lets only organisers resolve; others see the list without the actions.
  const canManage = useCanManageTrip(tripId) === true;
  const [showResolved, setShowResolved] = useState(false);
  // Resolving moves a group from open to resolved: the drawer keeps it either way.
  const { open, notice, openRow, close, done } = useRowDrawer(
    data ? [...data.open, ...data.resolved] : undefined,
  );

  const rows = (showResolved ? data?.resolved : data?.open) ?? [];
  const names = data?.names ?? new Map<string, string>();
  const fieldName = (g: ConflictGroup) => {
    const key = fieldTextKey(g.table, g.field);
    return key ? t(key) : g.field;
  };
  const value = (g: ConflictGroup, v: unknown) => formatValue(g.kind, v, t.lang, names);

  const columns: Column<ConflictGroup>[] = [
    {
      key: 'record',
      header: t('reconcile.col.record'),
      width: '2fr',
      render: (g) => (
        <span className="reconcile-cell">
          <Badge tone="info">{isRecordTable(g.table) ? t(TABLE_TEXT[g.table]) : g.table}</Badge>
          <Clip text={g.title || t('reconcile.conflict.recordMissing')} />
        </span>
      ),
    },
    {
      key: 'field',
      header: t('reconcile.col.field'),
      width: '1fr',
      render: (g) => <Clip text={fieldName(g)} />,
    },
    {
      key: 'current',
      header: t('reconcile.col.current'),
      width: '1.5fr',
      render: (g) => <Clip text={value(g, g.current.value)} />,
    },
    {
      key: 'other',
      header: t('reconcile.col.other'),
      width: '1.5fr',
      render: (g) => (
        <span className="reconcile-cell">
          <Clip text={g.others[0] ? value(g, g.others[0].value) : t('reconcile.conflict.noOther')} />
          {g.others.length > 1 ? (
            <Badge>{t('reconcile.conflicts.more', { count: g.others.length - 1 })}</Badge>
          ) : null}
        </span>
      ),
    },
    showResolved
      ? {
          key: 'resolution',
          header: t('reconcile.col.resolution'),
          width: '2.2fr',
          render: (g) =>
            g.resolution ? (
              <Clip
                text={t('reconcile.conflict.resolvedLine', {
                  resolution: t(RESOLUTION_TEXT[g.resolution.resolution]),
                  name: g.resolution.by || t('reconcile.by.thisDevice'),
                  time: g.resolution.at ? formatDateTime(t.lang, g.resolution.at, 'short') : '',
                })}
              />
            ) : null,
        }
      : {
          key: 'when',
          header: t('reconcile.col.when'),
          width: '140px',
          render: (g) => (
            <span className="muted">{g.latest > 0 ? formatDateTime(t.lang, g.latest, 'short') : ''}</span>
          ),
        },
  ];

  return (
    <Panel
      title={t('reconcile.conflicts.title')}
      className="reconcile-panel"
      actions={
        <Segmented label={t('reconcile.conflicts.which')}>
          <SegmentButton on={!showResolved} onClick={() => setShowResolved(false)}>
            {t('reconcile.conflicts.open', { count: data?.open.length ?? 0 })}
          </SegmentButton>
          <SegmentButton on={showResolved} onClick={() => setShowResolved(true)}>
            {t('reconcile.conflicts.resolved', { count: data?.resolved.length ?? 0 })}
          </SegmentButton>
        </Segmented>
      }
    >
      <p className="muted reconcile-explain">{t('reconcile.conflicts.explain')}</p>
      {canManage ? null : <p className="form-note">{t('reconcile.conflicts.readOnly')}</p>}
      <p className="reconcile-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {data && rows.length === 0 ? (
        <EmptyState
          title={showResolved ? t('reconcile.conflicts.emptyResolved') : t('reconcile.conflicts.empty')}
        >
          {showResolved ? null : <p className="muted">{t('reconcile.conflicts.emptyHint')}</p>}
        </EmptyState>
      ) : (
        <>
          <ListCount>{t('list.count', { count: rows.length })}</ListCount>
          <VirtualTable
            label={t('reconcile.conflicts.title')}
            rows={rows}
            columns={columns}
            rowKey={(g) => g.key}
            onOpen={openRow}
            height="min(60vh, 560px)"
            emptyText={t('state.loading')}
          />
        </>
      )}
      {open ? (
        <ConflictDrawer
          group={open}
          names={names}
          tripId={tripId}
          fieldName={fieldName(open)}
          canManage={canManage}
          onClose={close}
          onDone={done}
        />
      ) : null}
    </Panel>
  );
}
