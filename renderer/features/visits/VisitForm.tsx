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
import { byId, useAllRecords, useTripRecords } from '../../data/hooks';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { HostForm } from '../hosts/HostForm';
import { HostPicker } from '../hosts/HostPicker';
import { ActivitiesEditor } from './ActivitiesEditor';
import { ProblemsEditor } from './ProblemsEditor';
import { RecommendationsEditor } from './RecommendationsEditor';
import { deleteVisit, saveVisit } from './saveVisit';
import { VisitAgreements } from './VisitAgreements';
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
    value: draft,
    setValue,
    restored,
    hadDraft,
    discard,
  } = useDraftState<VisitDraft>(draftKey, initial);
  const { errors, formError, run } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [newHostName, setNewHostName] = useState<string | null>(null);

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

  const save = async (andNew: boolean) => {
    if (saving) return;
    setSaving(true);
    const savedId = await run(() => saveVisit({ tripId: trip.id, visitId, draft }));
    setSaving(false);
    if (!savedId) return;
    if (andNew) {
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
      void save(false);
    }
  };

  if (!restored) return <div className="muted">{t('state.loading')}</div>;

  return (
    <form
      className="form visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      onKeyDown={onKeyDown}
      noValidate
    >
      <PageHeader
        title={visitId ? t('visits.edit') : t('visits.new')}
        subtitle={trip.title}
        actions={
          visitId ? (
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
      {hadDraft ? (
        <div className="form-note" role="status">
          <span>{t('visits.draftRestored')}</span>
          <button type="button" className="btn btn--small" onClick={() => void discard(initial)}>
            {t('visits.discardDraft')}
          </button>
        </div>
      ) : null}
      <FormError message={formError} />

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

      <div className="form-actions">
        <span className="muted form-actions__hint">{t('visits.shortcut')}</span>
        <button type="button" className="btn" onClick={() => navigate(`/trips/${trip.id}/visits`)}>
          {t('action.cancel')}
        </button>
        {visitId ? null : (
          <button type="button" className="btn" disabled={saving} onClick={() => void save(true)}>
            {t('visits.saveAndNew')}
          </button>
        )}
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? t('action.saving') : t('action.save')}
        </button>
      </div>

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
