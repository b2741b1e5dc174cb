import { useParams } from 'react-router';
import { PageHeader } from '../../components/layout';
import { useRecord } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { DeleteTripPanel } from './DeleteTripPanel';
import { TripForm } from './TripForm';
import { TripNotFound } from './TripNotFound';
import './trips.css';
import { emptyTripValues, valuesOf } from './tripFormValues';

/** /trips/new creates a trip; /trips/:tripId/edit edits one and offers to delete it. */
export function TripFormPage() {
  const { tripId } = useParams();
  const t = useT();
  const trip = useRecord('trips', tripId);

  if (!tripId) {
    return (
      <>
        <PageHeader title={t('trips.form.newTitle')} subtitle={t('trips.form.newSubtitle')} />
        <TripForm draftKey="trip:new" initial={emptyTripValues} />
      </>
    );
  }
  if (trip === undefined) return <p className="muted">{t('state.loading')}</p>;
  if (trip === null) {
    return <TripNotFound />;
  }
  return (
    <>
      <PageHeader title={t('trips.form.editTitle')} subtitle={trip.title} />
      {trip.locked ? <div className="form-note">{t('trips.form.lockedNote')}</div> : null}
      {/* Keyed by trip so that moving to another trip's edit page starts from that trip's values. */}
      <TripForm key={trip.id} tripId={trip.id} draftKey={`trip:edit:${trip.id}`} initial={valuesOf(trip)} />
      <DeleteTripPanel trip={trip} />
    </>
  );
}
