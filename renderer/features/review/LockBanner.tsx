import { useT } from '../../i18n/useT';
import { useTripLock } from '../../review/hooks';
import './reviewPanel.css';

/**
 * Says on every screen of a locked trip what the lock means for this person: experts' changes will be
 * refused by the server (their forms are read-only), organisers may still finish the records.
 */
export function LockBanner({ tripId }: { tripId: string }) {
  const t = useT();
  const { locked, canManage, ready } = useTripLock(tripId);
  if (!ready || !locked) return null;
  return (
    <div className="lock-banner" role="status" data-testid="lock-banner">
      {t(canManage ? 'review.lock.bannerOrganiser' : 'review.lock.bannerExpert')}
    </div>
  );
}
