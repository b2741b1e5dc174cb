import { type FormEvent, useState } from 'react';
import { FormError, ListField, TextField, useFormErrors } from '../../components/form';
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

/**
 * Creates or edits a directory expert. Typing is kept as a draft; a name already in the directory is
 * pointed out (not refused: two experts may share a name) so the same person is not entered twice.
 */
export function ExpertForm(props: ExpertFormProps) {
  // Throwing a draft away remounts the form, so the fields start again from the saved values.
  const [generation, setGeneration] = useState(0);
  return <ExpertFormBody key={generation} {...props} onReset={() => setGeneration((g) => g + 1)} />;
}

function ExpertFormBody({ expert, experts, onSaved, onReset }: ExpertFormProps & { onReset: () => void }) {
  const t = useT();
  const draft = useDraftState<ExpertValues>(
    expert ? `expert:edit:${expert.id}` : 'expert:new',
    expert ? valuesOf(expert) : blank,
  );
  const { errors, formError, run } = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const values = draft.value;

  if (!draft.restored) return <p className="muted">{t('state.loading')}</p>;

  const set =
    <K extends keyof ExpertValues>(key: K) =>
    (value: ExpertValues[K]) => {
      setSaved(false);
      draft.setValue((prev) => ({ ...prev, [key]: value }));
    };

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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    const result = await run(() =>
      expert ? updateRecord('experts', expert.id, values) : createRecord('experts', values),
    );
    setSaving(false);
    if (!result) return;
    await draft.discard();
    setSaved(true);
    onSaved(result, !expert);
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={expert ? t('team.member.editExpert') : t('team.expert.newTitle')}
    >
      {draft.hadDraft ? (
        <div className="form-note team-draft">
          <span>{t('trips.form.draftRestored')}</span>
          <button type="button" className="btn btn--small" onClick={discardDraft}>
            {t('trips.form.discardDraft')}
          </button>
        </div>
      ) : null}
      <div className="form-grid">
        <TextField
          label={t('team.expert.name')}
          value={values.name}
          onChange={set('name')}
          error={errors.name}
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
          value={values.title}
          onChange={set('title')}
          error={errors.title}
          placeholder={t('team.expert.titlePlaceholder')}
        />
        <TextField
          className="span-all"
          label={t('team.expert.affiliation')}
          value={values.affiliation}
          onChange={set('affiliation')}
          error={errors.affiliation}
        />
        <ListField
          className="span-all"
          label={t('team.expert.fields')}
          value={values.fields}
          onChange={set('fields')}
          error={errors.fields}
        />
        <ListField
          className="span-all"
          label={t('team.expert.honours')}
          value={values.honours}
          onChange={set('honours')}
          error={errors.honours}
        />
        <TextField
          type="tel"
          label={t('team.expert.phone')}
          value={values.phone}
          onChange={set('phone')}
          error={errors.phone}
        />
        <TextField
          type="email"
          label={t('team.expert.email')}
          value={values.email}
          onChange={set('email')}
          error={errors.email}
        />
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
