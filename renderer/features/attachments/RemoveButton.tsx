import { useState } from 'react';
import { removeAttachment } from '../../attachments';
import { useT } from '../../i18n/useT';

/** "移除" with a second step in place; the record is tombstoned (syncs), the bytes freed later. */
export function RemoveButton({ id, name }: { id: string; name: string }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <button
        type="button"
        className="btn btn--small btn--ghost"
        aria-label={t('attachments.removeOf', { name })}
        onClick={() => setAsking(true)}
      >
        {t('attachments.remove')}
      </button>
    );
  }
  return (
    <span className="attach-confirm" role="alert">
      <span>{t('attachments.removeConfirm', { name })}</span>
      <button
        type="button"
        className="btn btn--small btn--danger"
        autoFocus
        onClick={async () => {
          try {
            await removeAttachment(id);
          } catch (err) {
            setError(t('attachments.failed', { message: err instanceof Error ? err.message : String(err) }));
          }
        }}
      >
        {t('attachments.remove')}
      </button>
      <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>
        {t('action.cancel')}
      </button>
      {error ? <span className="field__error">{error}</span> : null}
    </span>
  );
}
