import { useState } from 'react';
import { Link } from 'react-router';
import { isMessageKey } from '../../../shared/i18n';
import { ConfirmDeletePanel } from '../../components/ConfirmDelete';
import { Badge, Drawer } from '../../components/layout';
import { getDb } from '../../db/database';
import { fieldTextKey } from '../../i18n/fieldNames';
import { useIssueText, useT } from '../../i18n/useT';
import { useSettings } from '../../state/settings';
import { discardQuarantined, retryQuarantined } from '../../sync/quarantine';
import { syncNow } from '../../sync/runtime';
import { recordPath } from './recordInfo';
import { formatDateTime } from './time';
import type { QuarantineItem } from './useQuarantine';
import { REASON_HELP, REASON_TEXT, TABLE_TEXT } from './words';

type Issue = NonNullable<QuarantineItem['entries'][number]['issues']>[number];

/**
 * One refused record: why (in words, with the fields to fix) and what to do — open the record, retry,
 * or give the change up (after a confirmation that says what giving up means for this record).
 */
export function QuarantineDrawer({
  item,
  onClose,
  onDone,
}: {
  item: QuarantineItem;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const issueText = useIssueText();
  const currentTripId = useSettings((s) => s.currentTripId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = recordPath(item.table, item.row, currentTripId);
  const issues = item.entries.flatMap((e) => e.issues ?? []);
  const messages = [...new Set(item.entries.map((e) => e.message).filter(Boolean))];

  const wordIssue = (issue: Issue) => {
    const head = issue.path[0];
    const key = typeof head === 'string' ? fieldTextKey(item.table, head) : null;
    const field = key ? t(key) : issue.path.join('.');
    // The server sends the shared schemas' message keys; anything else is shown as it came.
    const text = isMessageKey(issue.message) ? issueText(issue) : issue.message;
    return field ? t('sync.quarantine.fieldIssue', { field, issue: text }) : text;
  };

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone(done);
    } catch (e) {
      setError(t('error.unexpected', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  return (
    <Drawer title={t('sync.quarantine.details')} onClose={onClose}>
      <div className="sync-refusal">
        <div className="sync-refusal__record">
          <Badge tone="info">{t(TABLE_TEXT[item.table])}</Badge>
          <strong>{item.title || t('sync.untitled')}</strong>
        </div>
        <p className="muted">{formatDateTime(t.lang, item.refusedAt)}</p>
        {item.reasons.map((reason) => (
          <div key={reason} className="sync-refusal__reason">
            <Badge tone="bad">{t(REASON_TEXT[reason])}</Badge>
            <p>{t(REASON_HELP[reason])}</p>
          </div>
        ))}
        {issues.length > 0 ? (
          <section aria-label={t('sync.quarantine.issues')}>
            <h3>{t('sync.quarantine.issues')}</h3>
            <ul className="sync-refusal__issues">
              {issues.map((issue, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity of their own
                <li key={i}>{wordIssue(issue)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {messages.length > 0 ? (
          // The server's own words are English and technical: there for a support call, folded away.
          <details className="muted sync-refusal__server">
            <summary>{t('sync.quarantine.technical')}</summary>
            {t('sync.quarantine.serverSaid', { message: messages.join('; ') })}
          </details>
        ) : null}
        {!item.row ? <p className="muted">{t('sync.quarantine.recordGone')}</p> : null}
        <div className="form-actions sync-actions">
          {path ? (
            <Link to={path} className="btn">
              {t('sync.quarantine.open')}
            </Link>
          ) : null}
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy}
            onClick={() =>
              act(() => retryQuarantined(getDb(), item.table, item.recordId), t('sync.quarantine.retried'))
            }
          >
            {t('sync.quarantine.retry')}
          </button>
          <ConfirmDeletePanel
            trigger={t('sync.quarantine.discard')}
            label={t('sync.quarantine.discard')}
            question={t(
              item.creation ? 'sync.quarantine.discardCreateConfirm' : 'sync.quarantine.discardConfirm',
            )}
            confirm={t('sync.quarantine.discardYes')}
            onConfirm={() =>
              act(async () => {
                await discardQuarantined(getDb(), item.table, item.recordId);
                // An undone edit is pulled again from the server; no need to wait for the timer.
                void syncNow();
              }, t('sync.quarantine.discarded'))
            }
          />
        </div>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </Drawer>
  );
}
