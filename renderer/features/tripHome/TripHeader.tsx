import { Link } from 'react-router';
import { tripStatuses } from '../../../shared/enums';
import { Badge, EnumBadge, PageHeader } from '../../components/layout';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { formatDateRange, formatTripDays, statusTone } from '../trips/format';
import { KeepOfflineSwitch } from './KeepOfflineSwitch';

export function TripHeader({ trip }: { trip: Stored<'trips'> }) {
  const t = useT();
  const subtitle = [
    trip.region,
    formatDateRange(t, trip.startDate, trip.endDate),
    formatTripDays(t, trip.startDate, trip.endDate),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className="trip-home__header">
      <PageHeader
        title={trip.title}
        subtitle={subtitle}
        actions={
          <>
            <Link to={`/trips/${trip.id}/edit`} className="btn">
              {t('tripHome.edit')}
            </Link>
            <Link to={`/trips/${trip.id}/visits/new`} className="btn btn--primary">
              {t('tripHome.recordVisit')}
            </Link>
          </>
        }
      />
      <dl className="trip-home__meta">
        <div>
          <dt className="visually-hidden">{t('common.status')}</dt>
          <dd>
            <EnumBadge table={tripStatuses} value={trip.status} tones={statusTone} />
            {trip.locked ? <Badge>{t('trips.locked')}</Badge> : null}
          </dd>
        </div>
        {trip.organisers.length > 0 ? (
          <div>
            <dt>{t('tripHome.organisers')}</dt>
            <dd>{trip.organisers.join('、')}</dd>
          </div>
        ) : null}
        {trip.coOrganisers.length > 0 ? (
          <div>
            <dt>{t('tripHome.coOrganisers')}</dt>
            <dd>{trip.coOrganisers.join('、')}</dd>
          </div>
        ) : null}
        {trip.focusFields.length > 0 ? (
          <div>
            <dt>{t('tripHome.focusFields')}</dt>
            <dd className="trip-home__fields">
              {trip.focusFields.map((f) => (
                <Badge key={f} tone="info">
                  {f}
                </Badge>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {trip.description ? <p className="trip-home__description">{trip.description}</p> : null}
      <KeepOfflineSwitch tripId={trip.id} />
    </div>
  );
}
