import { useMemo } from 'react';
import { useParams } from 'react-router';
import { computeTripFigures } from '../../../shared/report';
import { useRecord } from '../../data/hooks';
import { todayIso } from '../../data/today';
import { useT } from '../../i18n/useT';
import { tripDays } from '../trips/format';
import { TripNotFound } from '../trips/TripNotFound';
import { AttentionPanel } from './AttentionPanel';
import { Breakdowns } from './Breakdowns';
import { FigureGrid } from './FigureGrid';
import { SentencePanel } from './SentencePanel';
import { TripHeader } from './TripHeader';
import './tripHome.css';
import { useTripData } from './useTripData';

/** The trip at a glance: the report's figures, live from the records, and what still needs doing. */
export function TripHomePage() {
  const { tripId } = useParams();
  const t = useT();
  const trip = useRecord('trips', tripId);
  const data = useTripData(tripId);
  const today = todayIso();

  const figures = useMemo(() => (data ? computeTripFigures({ ...data, today }) : undefined), [data, today]);

  if (trip === undefined) return <p className="muted">{t('state.loading')}</p>;
  if (trip === null) {
    return <TripNotFound />;
  }

  return (
    <>
      <TripHeader trip={trip} />
      {data && figures ? (
        <>
          <FigureGrid figures={figures} />
          <SentencePanel figures={figures} days={tripDays(trip.startDate, trip.endDate)} />
          <Breakdowns figures={figures} />
          <AttentionPanel tripId={trip.id} data={data} items={figures.attention} />
        </>
      ) : (
        <p className="muted">{t('state.loading')}</p>
      )}
    </>
  );
}
