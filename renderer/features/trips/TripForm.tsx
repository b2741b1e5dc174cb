import type { FormEvent, KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { tripStatuses } from '../../../shared/enums';
import { DraftRestoredNote, withDraftReset } from '../../components/DraftRestoredNote';
import { EnumSelect, FormError, ListField, TextArea, TextField, useFormErrors } from '../../components/form';
import { fieldBinder, useDraftSave } from '../../components/useRecordForm';
import { useDraftState } from '../../data/drafts';
import { createRecord, updateRecord } from '../../data/repository';
import { useT } from '../../i18n/useT';
import { useSettings } from '../../state/settings';
import type { TripFormValues } from './tripFormValues';

type TripFormProps = { tripId?: string; draftKey: string; initial: TripFormValues };

function TripFormBody({ tripId, draftKey, initial, onReset }: TripFormProps & { onReset: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const setCurrentTrip = useSettings((s) => s.setCurrentTrip);
  const draft = useDraftState<TripFormValues>(draftKey, initial);
  const { errors, formError, run } = useFormErrors();
  const values = draft.value;
  const { saving, save } = useDraftSave(
    draft,
    run,
    () => (tripId ? updateRecord('trips', tripId, values) : createRecord('trips', values)),
    (saved) => {
      setCurrentTrip(saved.id);
      navigate(`/trips/${saved.id}`);
    },
  );

  // Until the stored draft is read, the fields would show stale values that the draft then replaces.
  if (!draft.restored) return <p className="muted">{t('state.loading')}</p>;

  const bind = fieldBinder(values, errors, (key, value) =>
    draft.setValue((prev) => ({ ...prev, [key]: value })),
  );

  // An empty date fails the date pattern; "required" says better what is missing.
  const dateError = (field: 'startDate' | 'endDate') =>
    errors[field] && values[field] === '' ? t('v.required') : errors[field];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
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
        <DraftRestoredNote
          text={t('trips.form.draftRestored')}
          discardLabel={t('trips.form.discardDraft')}
          onDiscard={discardDraft}
        />
      ) : null}
      <div className="panel form-grid">
        <TextField
          className="span-2"
          label={t('trips.form.title')}
          {...bind('title')}
          placeholder={t('trips.form.titlePlaceholder')}
          required
          autoFocus={!tripId}
        />
        <TextField
          label={t('trips.form.region')}
          {...bind('region')}
          placeholder={t('trips.form.regionPlaceholder')}
          required
        />
        <EnumSelect label={t('trips.form.status')} table={tripStatuses} {...bind('status')} />
        <TextField
          type="date"
          label={t('trips.form.startDate')}
          {...bind('startDate')}
          error={dateError('startDate')}
          required
        />
        <TextField
          type="date"
          label={t('trips.form.endDate')}
          {...bind('endDate')}
          error={dateError('endDate')}
          required
        />
        <ListField className="span-2" label={t('trips.form.organisers')} {...bind('organisers')} />
        <ListField className="span-2" label={t('trips.form.coOrganisers')} {...bind('coOrganisers')} />
        <ListField className="span-all" label={t('trips.form.focusFields')} {...bind('focusFields')} />
        <TextArea
          className="span-all"
          label={t('trips.form.description')}
          {...bind('description')}
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

/**
 * The trip form. Input autosaves as a draft (a reload or crash keeps it); validation is the shared
 * schema's, shown next to each field; nothing typed is cleared when saving fails.
 */
export const TripForm = withDraftReset(TripFormBody);
