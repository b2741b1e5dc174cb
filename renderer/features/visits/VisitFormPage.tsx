import { useLiveQuery } from 'dexie-react-hooks';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/layout';
import { todayIso } from '../../data/today';
import { getDb } from '../../db/database';
import { useT } from '../../i18n/useT';
import { VisitForm } from './VisitForm';
import { defaultVisitDate, emptyVisitDraft, type VisitDraft } from './visitDraft';

/** Loads the trip (and the visit when editing) and hands the form its starting values. */
export function VisitFormPage() {
  const { tripId = '', visitId } = useParams();
  const t = useT();
  const loaded = useLiveQuery(async () => {
    const db = getDb();
    const trip = await db.trips.get(tripId);
    if (!trip || trip._deleted === 1) return { trip: null, initial: null };
    if (!visitId) return { trip, initial: emptyVisitDraft(defaultVisitDate(trip, todayIso())) };
    const visit = await db.visits.get(visitId);
    if (!visit || visit._deleted === 1) return { trip, initial: null };
    const problems = (await db.problems.where('visitId').equals(visitId).toArray()).filter(
      (p) => p._deleted === 0,
    );
    const recs = (await db.recommendations.where('visitId').equals(visitId).toArray()).filter(
      (r) => r._deleted === 0,
    );
    const initial: VisitDraft = {
      hostId: visit.hostId,
      date: visit.date,
      expertIds: visit.expertIds,
      needIds: visit.needIds,
      activities: visit.activities.map((a, i) => ({
        key: `a${i}`,
        type: a.type,
        count: a.count,
        topic: a.topic,
      })),
      peopleTrained: visit.peopleTrained,
      beneficiaries: visit.beneficiaries,
      location: visit.location,
      notes: visit.notes,
      problems: problems.map((p) => ({
        id: p.id,
        title: p.title,
        description: p.description,
        category: p.category,
        status: p.status,
        field: p.field,
      })),
      recommendations: recs.map((r) => ({
        id: r.id,
        text: r.text,
        adopted: r.adopted,
        problemId: r.problemId,
      })),
    };
    return { trip, initial };
    // Only the first load matters: later changes must not reset what the person is typing.
  }, [tripId, visitId]);

  if (!loaded) return <div className="muted">{t('state.loading')}</div>;
  if (!loaded.trip || !loaded.initial) return <EmptyState title={t('state.notFound')} />;
  return (
    <VisitForm
      key={`${tripId}:${visitId ?? 'new'}`}
      trip={loaded.trip}
      visitId={visitId}
      initial={loaded.initial}
    />
  );
}
