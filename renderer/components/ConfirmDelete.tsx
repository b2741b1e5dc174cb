import { type ReactNode, useState } from 'react';
import type { RecordTable } from '../../shared/schemas';
import { deleteRecord } from '../data/repository';
import { useT } from '../i18n/useT';

/**
 * Delete with a second, explicit confirmation, in one line (a form's footer); records are tombstoned so
 * the deletion syncs.
 */
export function ConfirmDelete({
  table,
  id,
  onDeleted,
  what,
}: {
  table: RecordTable;
  id: string;
  onDeleted: () => void;
  what: string;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" className="btn btn--danger" onClick={() => setAsking(true)}>
        {t('action.delete')}
      </button>
    );
  }
  return (
    <span className="confirm-delete" role="alert">
      <span>{t('hosts.confirmDelete', { what })}</span>
      <button
        type="button"
        className="btn btn--danger"
        disabled={busy}
        autoFocus
        onClick={async () => {
          setBusy(true);
          try {
            await deleteRecord(table, id);
            onDeleted();
          } catch (err) {
            setError(t('error.unexpected', { message: err instanceof Error ? err.message : String(err) }));
            setBusy(false);
          }
        }}
      >
        {t('action.delete')}
      </button>
      <button type="button" className="btn" onClick={() => setAsking(false)}>
        {t('action.cancel')}
      </button>
      {error ? <span className="field__error">{error}</span> : null}
    </span>
  );
}

/**
 * A weightier delete (a trip, a team membership) in a danger section of its own: the second step is a
 * small dialog that says what hangs off the record. The caller deletes (and reports failures), because
 * what follows a deletion differs: leaving the page, closing a drawer.
 */
export function ConfirmDeletePanel({
  trigger,
  label,
  question,
  details,
  confirm,
  onConfirm,
}: {
  /** The first button. */
  trigger: string;
  /** Names the confirmation for assistive technology. */
  label: string;
  question: string;
  details?: ReactNode;
  /** The button that really deletes. */
  confirm: string;
  onConfirm: () => void;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>
        {trigger}
      </button>
    );
  }
  return (
    <div className="confirm-panel" role="alertdialog" aria-label={label}>
      <strong>{question}</strong>
      {details}
      <div className="confirm-panel__buttons">
        <button type="button" className="btn btn--danger" onClick={onConfirm} autoFocus>
          {confirm}
        </button>
        <button type="button" className="btn" onClick={() => setConfirming(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
