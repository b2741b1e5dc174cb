import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDeletePanel } from '../../components/ConfirmDelete';
import { Panel } from '../../components/layout';
import { clearDraft } from '../../data/drafts';
import { useTripRecords } from '../../data/hooks';
import { deleteRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { useSettings } from '../../state/settings';

/**
 * Deleting a trip is a tombstone like any delete (it syncs, and the server can keep it), behind a
 * confirmation that says how much work hangs off the trip.
 */
export function DeleteTripPanel({ trip }: { trip: Stored<'trips'> }) {
  const t = useT();
  const navigate = useNavigate();
  const { currentTripId, setCurrentTrip } = useSettings();
  const visits = useTripRecords('visits', trip.id);
  const members = useTripRecords('tripMembers', trip.id);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    try {
      await deleteRecord('trips', trip.id);
      await clearDraft(`trip:edit:${trip.id}`);
      if (currentTripId === trip.id) setCurrentTrip(null);
      navigate('/trips');
    } catch (e) {
      setError(t('error.unexpected', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <Panel title={t('trips.delete.title')} className="trips-danger">
      <p className="muted">{t('trips.delete.explain')}</p>
      <ConfirmDeletePanel
        trigger={t('trips.delete.button')}
        label={t('trips.delete.title')}
        question={t('trips.delete.confirm', {
          title: trip.title,
          visits: visits?.length ?? 0,
          members: members?.length ?? 0,
        })}
        confirm={t('trips.delete.yes')}
        onConfirm={remove}
      />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </Panel>
  );
}
