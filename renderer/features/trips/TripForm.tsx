import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { tripStatuses } from '../../../shared/enums';
import { EnumSelect, FormError, ListField, TextArea, TextField, useFormErrors } from '../../components/form';
import { useDraftState } from '../../data/drafts';
import { createRecord, updateRecord } from '../../data/repository';
import { useT } from '../../i18n/useT';
import { useSettings } from '../../state/settings';
import type { TripFormValues } from './tripFormValues';

/**
 * The trip form. Input autosaves as a draft (a reload or crash keeps it); validation is the shared
 * schema's, shown next to each field; nothing typed is cleared when saving fails.
 */
type TripFormProps = { tripId?: string; draftKey: string; initial: TripFormValues };

export function TripForm(props: TripFormProps) {
  // Throwing a draft away remounts the form, so every field (list fields keep their own text) starts
  // again from the saved values and nothing re-saves the discarded input as a new draft.
  const [generation, setGeneration] = useState(0);
  return <TripFormBody key={generation} {...props} onReset={() => setGeneration((g) => g + 1)} />;
}

function TripFormBody({ tripId, draftKey, initial, onReset }: TripFormProps & { onReset: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const setCurrentTrip = useSettings((s) => s.setCurrentTrip);
  const draft = useDraftState<TripFormValues>(draftKey, initial);
  const { errors, formError, run } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const values = draft.value;

  // Until the stored draft is read, the fields would show stale values that the draft then replaces.
  if (!draft.restored) return <p className="muted">{t('state.loading')}</p>;

  const set =
    <K extends keyof TripFormValues>(key: K) =>
    (value: TripFormValues[K]) =>
      draft.setValue((prev) => ({ ...prev, [key]: value }));

  // An empty date fails the date pattern; "required" says better what is missing.
  const dateError = (field: 'startDate' | 'endDate') =>
    errors[field] && values[field] === '' ? t('v.required') : errors[field];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const saved = await run(() =>
      tripId ? updateRecord('trips', tripId, values) : createRecord('trips', values),
    );
    setSaving(false);
    if (!saved) return;
    await draft.discard();
    setCurrentTrip(saved.id);
    navigate(`/trips/${saved.id}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };

  const cancel = async () => {
    await draft.discard();
    navigate(tripId ? `/trips/${tripId}` : '/trips');
  };

  const discardDraft = async () => {
    await draft.discard();
    onReset();
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={tripId ? t('trips.form.editTitle') : t('trips.form.newTitle')}
    >
      {draft.hadDraft ? (
        <div className="form-note">
          <span>{t('trips.form.draftRestored')}</span>
          <button type="button" className="btn btn--small" onClick={discardDraft}>
            {t('trips.form.discardDraft')}
          </button>
        </div>
      ) : null}
      <div className="panel form-grid">
        <TextField
          className="span-2"
          label={t('trips.form.title')}
          value={values.title}
          onChange={set('title')}
          error={errors.title}
          placeholder={t('trips.form.titlePlaceholder')}
          required
          autoFocus={!tripId}
        />
        <TextField
          label={t('trips.form.region')}
          value={values.region}
          onChange={set('region')}
          error={errors.region}
          placeholder={t('trips.form.regionPlaceholder')}
          required
        />
        <EnumSelect
          label={t('trips.form.status')}
          table={tripStatuses}
          value={values.status}
          onChange={set('status')}
          error={errors.status}
        />
        <TextField
          type="date"
          label={t('trips.form.startDate')}
          value={values.startDate}
          onChange={set('startDate')}
          error={dateError('startDate')}
          required
        />
        <TextField
          type="date"
          label={t('trips.form.endDate')}
          value={values.endDate}
          onChange={set('endDate')}
          error={dateError('endDate')}
          required
        />
        <ListField
          className="span-2"
          label={t('trips.form.organisers')}
          value={values.organisers}
          onChange={set('organisers')}
          error={errors.organisers}
        />
        <ListField
          className="span-2"
          label={t('trips.form.coOrganisers')}
          value={values.coOrganisers}
          onChange={set('coOrganisers')}
          error={errors.coOrganisers}
        />
        <ListField
          className="span-all"
          label={t('trips.form.focusFields')}
          value={values.focusFields}
          onChange={set('focusFields')}
          error={errors.focusFields}
        />
        <TextArea
          className="span-all"
          label={t('trips.form.description')}
          value={values.description}
          onChange={set('description')}
          error={errors.description}
          rows={4}
        />
      </div>
      <FormError message={formError} />
      <div className="form-actions">
        <span className="muted form-actions__hint">{t('trips.form.shortcut')}</span>
        <button type="button" className="btn" onClick={cancel}>
          {t('action.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? t('action.saving') : tripId ? t('trips.form.save') : t('trips.form.create')}
        </button>
      </div>
    </form>
  );
}
