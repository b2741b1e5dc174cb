import { useState } from 'react';
import { ConfirmDeletePanel } from '../../components/ConfirmDelete';
import { Badge } from '../../components/layout';
import { updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';

/**
 * "定稿并锁定" / "解除锁定" for organisers (experts only see that the trip is locked). Locking is a
 * trip field like any other, so it works offline and reaches the server with the next sync; from then
 * on the server refuses experts' changes to the trip. Both directions ask first, since each changes what
 * every expert may do.
 */
export function LockControl({ trip, canManage }: { trip: Stored<'trips'>; canManage: boolean }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const locked = trip.locked;

  const write = async (next: boolean) => {
    setError(null);
    try {
      await updateRecord('trips', trip.id, { locked: next });
    } catch (err) {
      setError(t('error.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="lock-control" data-testid="lock-control">
      {locked ? <Badge tone="warn">{t('review.lock.locked')}</Badge> : null}
      {canManage ? (
        <ConfirmDeletePanel
          // A fresh confirmation for each direction: after locking, "unlock" starts unasked.
          key={locked ? 'unlock' : 'lock'}
          trigger={t(locked ? 'review.lock.unlock' : 'review.lock.lock')}
          label={t(locked ? 'review.lock.unlock' : 'review.lock.lock')}
          question={t(locked ? 'review.lock.unlockQuestion' : 'review.lock.lockQuestion')}
          details={<p>{t(locked ? 'review.lock.unlockDetails' : 'review.lock.lockDetails')}</p>}
          confirm={t(locked ? 'review.lock.unlockConfirm' : 'review.lock.lockConfirm')}
          onConfirm={() => void write(!locked)}
        />
      ) : null}
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
