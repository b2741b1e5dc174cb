import { Link } from 'react-router';
import { EmptyState } from '../../components/layout';
import { useT } from '../../i18n/useT';

/** A trip's page opened for a trip that is not (or no longer) on this device, with the way back. */
export function TripNotFound() {
  const t = useT();
  return (
    <EmptyState title={t('trips.notFound.title')}>
      <p>{t('trips.notFound.body')}</p>
      <Link to="/trips" className="btn">
        {t('trips.backToList')}
      </Link>
    </EmptyState>
  );
}
