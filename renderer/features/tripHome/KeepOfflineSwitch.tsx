import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { missingBlobsOf, setKeepOffline, useKeepOffline } from '../../attachments/sync';
import { getDb } from '../../db/database';
import { useT } from '../../i18n/useT';

/**
 * The per-trip, per-device choice to keep every photo and scan of the trip on this device (for a
 * village without a network). When on, says how many files are still to come; the downloads
 * themselves run in the sync service (now, and after every sync).
 */
export function KeepOfflineSwitch({ tripId }: { tripId: string }) {
  const t = useT();
  const id = useId();
  const stored = useKeepOffline(tripId);
  // The click shows at once; the stored choice (read live) takes over when the write is done.
  const [chosen, setChosen] = useState<{ tripId: string; on: boolean } | undefined>();
  const on = chosen?.tripId === tripId ? chosen.on : stored;
  const [failed, setFailed] = useState(false);
  // Live, so the count goes down as files arrive; only asked while the switch is on.
  const missing = useLiveQuery(
    async () => (on ? (await missingBlobsOf(getDb(), tripId)).length : undefined),
    [on, tripId],
  );

  const toggle = (next: boolean) => {
    setFailed(false);
    setChosen({ tripId, on: next });
    setKeepOffline(tripId, next)
      .catch(() => setFailed(true))
      .finally(() => setChosen((c) => (c?.tripId === tripId && c.on === next ? undefined : c)));
  };

  return (
    <div className="keep-offline">
      <label className="keep-offline__label" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          aria-checked={on}
          aria-describedby={`${id}-hint`}
          checked={on}
          onChange={(e) => toggle(e.target.checked)}
        />
        <span>{t('attachmentsSync.keepOffline.label')}</span>
      </label>
      <span id={`${id}-hint`} className="keep-offline__hint">
        {t('attachmentsSync.keepOffline.hint')}
        {on && missing !== undefined ? (
          <strong className="keep-offline__status" data-testid="keep-offline-status">
            {missing === 0
              ? t('attachmentsSync.keepOffline.allHere')
              : t('attachmentsSync.keepOffline.toDownload', { count: missing })}
          </strong>
        ) : null}
      </span>
      {failed ? (
        <span role="alert" className="keep-offline__error">
          {t('attachmentsSync.keepOffline.failed')}
        </span>
      ) : null}
    </div>
  );
}
