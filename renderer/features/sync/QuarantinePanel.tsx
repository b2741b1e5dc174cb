import { useState } from 'react';
import { type RefusalReason, refusalReasons } from '../../../shared/sync/protocol';
import { Badge, FilterBar, Panel } from '../../components/layout';
import { useRowDrawer } from '../../components/useRowDrawer';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { getDb } from '../../db/database';
import { useT } from '../../i18n/useT';
import { retryQuarantined } from '../../sync/quarantine';
import { QuarantineDrawer } from './QuarantineDrawer';
import { formatDateTime } from './time';
import { type QuarantineItem, useQuarantine } from './useQuarantine';
import { REASON_TEXT, TABLE_TEXT } from './words';

/** Changes the server refused, one row per record, with a filter by reason and a drawer to act. */
export function QuarantinePanel() {
  const t = useT();
  const items = useQuarantine();
  const [reason, setReason] = useState<RefusalReason | ''>('');
  const { open, notice, setNotice, openRow, close, done } = useRowDrawer(items);
  const [busy, setBusy] = useState(false);

  const rows = (items ?? []).filter((i) => reason === '' || i.reasons.includes(reason));

  const columns: Column<QuarantineItem>[] = [
    {
      key: 'record',
      header: t('sync.quarantine.record'),
      width: '2.2fr',
      render: (i) => (
        <span className="sync-cell">
          <Badge tone="info">{t(TABLE_TEXT[i.table])}</Badge>
          <span className="sync-cell__title">{i.title || t('sync.untitled')}</span>
          {i.creation ? <Badge>{t('sync.quarantine.creation')}</Badge> : null}
          {i.deletion ? <Badge tone="warn">{t('sync.quarantine.deletion')}</Badge> : null}
        </span>
      ),
    },
    {
      key: 'reason',
      header: t('sync.quarantine.reason'),
      width: '1.4fr',
      render: (i) => (
        <span className="sync-cell">
          {i.reasons.map((r) => (
            <Badge key={r} tone="bad">
              {t(REASON_TEXT[r])}
            </Badge>
          ))}
        </span>
      ),
    },
    {
      key: 'changes',
      header: t('sync.quarantine.changes'),
      width: '90px',
      render: (i) => <span className="muted">{i.entries.length}</span>,
    },
    {
      key: 'when',
      header: t('sync.quarantine.when'),
      width: '150px',
      render: (i) => <span className="muted">{formatDateTime(t.lang, i.refusedAt, 'short')}</span>,
    },
  ];

  const retryAll = async () => {
    setBusy(true);
    try {
      for (const i of rows) await retryQuarantined(getDb(), i.table, i.recordId);
      setNotice(t('sync.quarantine.retried'));
    } catch (e) {
      setNotice(t('error.unexpected', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel
      title={
        items && items.length > 0
          ? t('sync.quarantine.titleCount', { count: items.length })
          : t('sync.quarantine.title')
      }
      className="sync-quarantine"
      actions={
        rows.length > 1 ? (
          <button type="button" className="btn btn--small" disabled={busy} onClick={() => void retryAll()}>
            {t('sync.quarantine.retryAll')}
          </button>
        ) : undefined
      }
    >
      <p className="muted">{t('sync.quarantine.explain')}</p>
      <p className="sync-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {items && items.length > 0 ? (
        <FilterBar>
          <label className="sync-filter">
            {t('sync.quarantine.reason')}
            <select
              value={reason}
              onChange={(e) => setReason(refusalReasons.find((r) => r === e.target.value) ?? '')}
            >
              <option value="">{t('filter.all')}</option>
              {refusalReasons.map((r) => (
                <option key={r} value={r}>
                  {t(REASON_TEXT[r])}
                </option>
              ))}
            </select>
          </label>
        </FilterBar>
      ) : null}
      <VirtualTable
        label={t('sync.quarantine.title')}
        rows={rows}
        columns={columns}
        rowKey={(i) => i.key}
        onOpen={openRow}
        height="min(60vh, 520px)"
        emptyText={items ? t('sync.quarantine.empty') : t('state.loading')}
      />
      {open ? <QuarantineDrawer item={open} onClose={close} onDone={done} /> : null}
    </Panel>
  );
}
