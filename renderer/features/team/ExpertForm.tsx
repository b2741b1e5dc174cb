import { type FormEvent, useState } from 'react';
import { DraftRestoredNote, withDraftReset } from '../../components/DraftRestoredNote';
import { FormError, ListField, TextField, useFormErrors } from '../../components/form';
import { fieldBinder, useDraftSave } from '../../components/useRecordForm';
import { useDraftState } from '../../data/drafts';
import { createRecord, updateRecord } from '../../data/repository';
import { useT } from '../../i18n/useT';
import type { Expert } from './teamLogic';

type ExpertValues = Pick<Expert, 'name' | 'title' | 'affiliation' | 'fields' | 'honours' | 'phone' | 'email'>;

const blank: ExpertValues = {
  name: '',
  title: '',
  affiliation: '',
  fields: [],
  honours: [],
  phone: '',
  email: '',
};

const valuesOf = (e: Expert): ExpertValues => ({
  name: e.name,
  title: e.title,
  affiliation: e.affiliation,
  fields: e.fields,
  honours: e.honours,
  phone: e.phone,
  email: e.email,
});

type ExpertFormProps = {
  expert: Expert | undefined;
  experts: readonly Expert[];
  onSaved: (saved: Expert, created: boolean) => void;
};

function ExpertFormBody({ expert, experts, onSaved, onReset }: ExpertFormProps & { onReset: () => void }) {
  const t = useT();
  const draft = useDraftState<ExpertValues>(
    expert ? `expert:edit:${expert.id}` : 'expert:new',
    expert ? valuesOf(expert) : blank,
  );
  const { errors, formError, run } = useFormErrors();
  const [saved, setSaved] = useState(false);
  const values = draft.value;
  const { saving, save } = useDraftSave(
    draft,
    run,
    () => (expert ? updateRecord('experts', expert.id, values) : createRecord('experts', values)),
    (result) => {
      setSaved(true);
      onSaved(result, !expert);
    },
  );

  if (!draft.restored) return <p className="muted">{t('state.loading')}</p>;

  const bind = fieldBinder(values, errors, (key, value) => {
    setSaved(false);
    draft.setValue((prev) => ({ ...prev, [key]: value }));
  });

  const name = values.name.trim();
  const sameName = name
    ? experts
        .filter((e) => e.id !== expert?.id && e.name.trim() === name)
        .map((e) => `${e.name}(${e.affiliation || '—'})`)
    : [];

  const discardDraft = async () => {
    await draft.discard();
    onReset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={expert ? t('team.member.editExpert') : t('team.expert.newTitle')}
    >
      {draft.hadDraft ? (
        <DraftRestoredNote
          className="team-draft"
          text={t('trips.form.draftRestored')}
          discardLabel={t('trips.form.discardDraft')}
          onDiscard={discardDraft}
        />
      ) : null}
      <div className="form-grid">
        <TextField
          label={t('team.expert.name')}
          {...bind('name')}
          hint={
            sameName.length > 0
              ? t('team.expert.sameName', { list: sameName.slice(0, 3).join('、') })
              : undefined
          }
          required
          autoFocus={!expert}
        />
        <TextField
          label={t('team.expert.title')}
          {...bind('title')}
          placeholder={t('team.expert.titlePlaceholder')}
        />
        <TextField className="span-all" label={t('team.expert.affiliation')} {...bind('affiliation')} />
        <ListField className="span-all" label={t('team.expert.fields')} {...bind('fields')} />
        <ListField className="span-all" label={t('team.expert.honours')} {...bind('honours')} />
        <TextField type="tel" label={t('team.expert.phone')} {...bind('phone')} />
        <TextField type="email" label={t('team.expert.email')} {...bind('email')} />
      </div>
      <FormError message={formError} />
      <div className="team-form-actions">
        {saved && expert ? (
          <span className="team-saved" role="status">
            {t('team.member.saved')}
          </span>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? t('action.saving') : expert ? t('action.save') : t('team.expert.create')}
        </button>
      </div>
    </form>
  );
}

/**
 * Creates or edits a directory expert. Typing is kept as a draft; a name already in the directory is
 * pointed out (not refused: two experts may share a name) so the same person is not entered twice.
 */
export const ExpertForm = withDraftReset(ExpertFormBody);
