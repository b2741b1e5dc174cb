import { type KeyboardEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  ChipPicker,
  FormError,
  NumberField,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/form';
import { Drawer, PageHeader, Panel } from '../../components/layout';
import { useDraftState } from '../../data/drafts';
import { byId, useAllRecords, useRecord, useTripRecords } from '../../data/hooks';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { useTripLock } from '../../review/hooks';
import { SUBMITTABLE } from '../../review/transitions';
import { PhotosSection } from '../attachments/AttachmentsSection';
import { HostForm } from '../hosts/HostForm';
import { HostPicker } from '../hosts/HostPicker';
import { LockBanner } from '../review/LockBanner';
import { ReviewPanel } from '../review/ReviewPanel';
import { ActivitiesEditor } from './ActivitiesEditor';
import { ProblemsEditor } from './ProblemsEditor';
import { RecommendationsEditor } from './RecommendationsEditor';
import { deleteVisit, saveVisit, saveVisitAndSubmit } from './saveVisit';
import { VisitAgreements } from './VisitAgreements';
import { type SaveMode, VisitFormFooter } from './VisitFormFooter';
import { emptyVisitDraft, type VisitDraft } from './visitDraft';
import './visits.css';

export function VisitForm({
  trip,
  visitId,
  initial,
}: {
  trip: Stored<'trips'>;
  visitId: string | undefined;
  initial: VisitDraft;
}) {
  const t = useT();
  const navigate = useNavigate();
  const draftKey = `visit:${trip.id}:${visitId ?? 'new'}`;
  const {
    value: edited,
    setValue,
    restored,
    hadDraft,
    discard,
  } = useDraftState<VisitDraft>(draftKey, initial);
  const { errors, formError, run } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [newHostName, setNewHostName] = useState<string | null>(null);
  const lock = useTripLock(trip.id);
  // An expert's form of a locked trip is read-only and shows the stored visit, not a leftover draft.
  const readOnly = lock.readOnly;
  const draft = readOnly ? initial : edited;
  const reviewState = useRecord('visits', visitId)?.reviewState;
  // An expert submits from the form, so what they just typed is saved with the submission.
  const submitAs =
    !lock.canManage && reviewState !== undefined && SUBMITTABLE.has(reviewState)
      ? reviewState === 'draft'
        ? 'first'
        : 'again'
      : null;

  const members = useTripRecords('tripMembers', trip.id);
  const experts = byId(useAllRecords('experts'));
  const needs = useTripRecords('needs', trip.id);

  const set = <K extends keyof VisitDraft>(field: K, value: VisitDraft[K]) =>
    setValue((prev) => {
      const next = { ...prev, [field]: value };
      // A recommendation that pointed at a removed problem no longer does.
      if (field === 'problems') {
        const ids = new Set(next.problems.map((p) => p.id));
        next.recommendations = next.recommendations.map((r) =>
          ids.has(r.problemId) ? r : { ...r, problemId: '' },
        );
      }
      if (field === 'hostId') next.needIds = [];
      return next;
    });

  const expertOptions = (members ?? [])
    .map((m) => ({ member: m, expert: experts.get(m.expertId) }))
    .filter((x) => x.expert)
    .map(({ member, expert }) => ({
      id: member.expertId,
      label: expert?.name ?? '',
      detail: [expert?.title, expert?.affiliation, member.group].filter(Boolean).join(' · '),
    }));
  const needOptions = (needs ?? [])
    .filter((n) => n.hostId === draft.hostId)
    .map((n) => ({ id: n.id, label: n.title, detail: n.field }));

  const save = async (mode: SaveMode) => {
    if (saving || readOnly) return;
    setSaving(true);
    const savedId = await run(() =>
      mode === 'submit' && visitId
        ? saveVisitAndSubmit({ tripId: trip.id, visitId, draft })
        : saveVisit({ tripId: trip.id, visitId, draft }),
    );
    setSaving(false);
    if (!savedId) return;
    if (mode === 'next') {
      await discard(emptyVisitDraft(draft.date));
      navigate(`/trips/${trip.id}/visits/new`, { replace: true });
      // A fresh form for the next visit; the draft key stays "new".
      window.scrollTo?.(0, 0);
    } else {
      await discard();
      navigate(`/trips/${trip.id}/visits`, { state: { saved: savedId } });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void save('back');
    }
  };

  if (!restored || !lock.ready) return <div className="muted">{t('state.loading')}</div>;

  return (
    <form
      className="form visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save('back');
      }}
      onKeyDown={onKeyDown}
      noValidate
    >
      <PageHeader
        title={readOnly ? t('review.form.viewTitle') : visitId ? t('visits.edit') : t('visits.new')}
        subtitle={trip.title}
        actions={
          visitId && !readOnly ? (
            <button
              type="button"
              className="btn btn--danger"
              onClick={async () => {
                if (!window.confirm(t('visits.deleteConfirm'))) return;
                await deleteVisit(visitId);
                await discard();
                navigate(`/trips/${trip.id}/visits`);
              }}
            >
              {t('action.delete')}
            </button>
          ) : null
        }
      />
      <LockBanner tripId={trip.id} />
      {hadDraft && !readOnly ? (
        <div className="form-note" role="status">
          <span>{t('visits.draftRestored')}</span>
          <button type="button" className="btn btn--small" onClick={() => void discard(initial)}>
            {t('visits.discardDraft')}
          </button>
        </div>
      ) : null}
      <FormError message={formError} />
      {visitId ? <ReviewPanel tripId={trip.id} table="visits" recordId={visitId} submitInForm /> : null}

      <fieldset className="readonly-fields" disabled={readOnly}>
        <Panel title={t('visits.section.basics')}>
          <div className="form-grid">
            <div className="span-2">
              <HostPicker
                label={t('visits.field.host')}
                value={draft.hostId}
                onChange={(hostId) => set('hostId', hostId)}
                error={errors.hostId}
                required
                onCreateNew={(name) => setNewHostName(name)}
              />
            </div>
            <TextField
              label={t('visits.field.date')}
              type="date"
              value={draft.date}
              onChange={(date) => set('date', date)}
              error={errors.date}
              required
            />
            <TextField
              label={t('visits.field.location')}
              value={draft.location}
              onChange={(location) => set('location', location)}
              error={errors.location}
            />
            <div className="span-all">
              <ChipPicker
                label={t('visits.field.experts')}
                options={expertOptions}
                selected={draft.expertIds}
                onChange={(ids) => set('expertIds', ids)}
                error={errors.expertIds}
                empty={t('visits.field.noMembers')}
                required
              />
            </div>
            <div className="span-all">
              <ChipPicker
                label={t('visits.field.needs')}
                options={needOptions}
                selected={draft.needIds}
                onChange={(ids) => set('needIds', ids)}
                error={errors.needIds}
                empty={draft.hostId ? t('visits.field.noNeeds') : t('visits.field.chooseHostFirst')}
              />
            </div>
          </div>
        </Panel>

        <Panel title={t('visits.section.activities')}>
          <ActivitiesEditor
            rows={draft.activities}
            onChange={(rows) => set('activities', rows)}
            errors={errors}
          />
        </Panel>

        <Panel title={t('visits.section.results')}>
          <div className="form-grid">
            <NumberField
              label={t('visits.field.peopleTrained')}
              value={draft.peopleTrained}
              min={0}
              onChange={(v) => set('peopleTrained', v)}
              error={errors.peopleTrained}
            />
            <NumberField
              label={t('visits.field.beneficiaries')}
              value={draft.beneficiaries}
              min={0}
              onChange={(v) => set('beneficiaries', v)}
              error={errors.beneficiaries}
            />
            <TextArea
              className="span-all"
              label={t('visits.field.notes')}
              value={draft.notes}
              rows={4}
              onChange={(notes) => set('notes', notes)}
              error={errors.notes}
            />
          </div>
        </Panel>

        <Panel title={t('visits.section.problems')}>
          <ProblemsEditor rows={draft.problems} onChange={(rows) => set('problems', rows)} errors={errors} />
        </Panel>

        <Panel title={t('visits.section.recommendations')}>
          <RecommendationsEditor
            rows={draft.recommendations}
            problems={draft.problems}
            onChange={(rows) => set('recommendations', rows)}
            errors={errors}
          />
        </Panel>

        <Panel title={t('visits.section.agreements')}>
          <VisitAgreements tripId={trip.id} visitId={visitId} hostId={draft.hostId} />
        </Panel>
      </fieldset>

      {/* Outside the disabled fieldset: in a locked trip the photos can still be opened and viewed. */}
      <Panel title={t('attachments.photos.title')}>
        <PhotosSection tripId={trip.id} visitId={visitId} readOnly={readOnly} />
      </Panel>

      <VisitFormFooter
        isNew={!visitId}
        saving={saving}
        readOnly={readOnly}
        submitAs={submitAs}
        onSave={(mode) => void save(mode)}
        onCancel={() => navigate(`/trips/${trip.id}/visits`)}
      />

      {newHostName !== null ? (
        <Drawer title={t('visits.createHost')} onClose={() => setNewHostName(null)}>
          <HostForm
            initial={{ name: newHostName }}
            onSaved={(host) => {
              set('hostId', host.id);
              setNewHostName(null);
            }}
            onCancel={() => setNewHostName(null)}
          />
        </Drawer>
      ) : null}
    </form>
  );
}
