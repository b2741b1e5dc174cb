import { useState } from 'react';
import { problemCategories, problemStatuses } from '../../../shared/enums';
import { EnumSelect, FormError, TextArea, TextField } from '../../components/form';
import { useDraftState } from '../../data/drafts';
import { updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { ConfirmDelete, DraftNote, submitKeys, useRecordFormErrors } from '../hosts/formKit';

type Problem = Stored<'problems'>;
type ProblemValues = Pick<Problem, 'title' | 'description' | 'category' | 'field' | 'status'>;

const valuesOf = (p: Problem): ProblemValues => ({
  title: p.title,
  description: p.description,
  category: p.category,
  field: p.field,
  status: p.status,
});

/** Edit a diagnosed problem (problems are created on the visit form, where they were found). */
export function ProblemForm({
  problem,
  onSaved,
  onCancel,
  onDeleted,
}: {
  problem: Problem;
  onSaved: () => void;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const draft = useDraftState<ProblemValues>(`problems.form:${problem.id}`, valuesOf(problem));
  const { errors, formError, run, touch } = useRecordFormErrors();
  const [saving, setSaving] = useState(false);
  const values = draft.value;
  const set = <K extends keyof ProblemValues>(field: K, value: ProblemValues[K]) => {
    draft.setValue((prev) => ({ ...prev, [field]: value }));
    touch(field);
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const saved = await run(() => updateRecord('problems', problem.id, values));
    setSaving(false);
    if (saved) {
      await draft.discard();
      onSaved();
    }
  };

  if (!draft.restored) return <p className="muted">{t('state.loading')}</p>;

  return (
    <fieldset
      className="form form--plain"
      aria-label={t('problems.editTitle')}
      onKeyDown={submitKeys(() => void save())}
    >
      <DraftNote
        show={draft.hadDraft}
        onDiscard={() => {
          draft.setValue(valuesOf(problem));
          void draft.discard();
        }}
      />
      <div className="form-grid">
        <TextField
          className="span-all"
          label={t('common.title')}
          value={values.title}
          onChange={(v) => set('title', v)}
          error={errors.title}
          required
          autoFocus
        />
        <EnumSelect
          label={t('problems.category')}
          table={problemCategories}
          value={values.category}
          onChange={(v) => set('category', v)}
          error={errors.category}
        />
        <TextField
          label={t('common.field')}
          value={values.field}
          onChange={(v) => set('field', v)}
          error={errors.field}
        />
        <EnumSelect
          label={t('common.status')}
          table={problemStatuses}
          value={values.status}
          onChange={(v) => set('status', v)}
          error={errors.status}
        />
        <TextArea
          className="span-all"
          label={t('common.description')}
          value={values.description}
          onChange={(v) => set('description', v)}
          error={errors.description}
          rows={6}
        />
      </div>
      <FormError message={formError} />
      <div className="form-actions form-actions--split">
        <span>
          <ConfirmDelete table="problems" id={problem.id} what={problem.title} onDeleted={onDeleted} />
        </span>
        <span className="form-actions__right">
          <button
            type="button"
            className="btn"
            onClick={() => {
              void draft.discard();
              onCancel();
            }}
          >
            {t('action.cancel')}
          </button>
          <button type="button" className="btn btn--primary" disabled={saving} onClick={() => void save()}>
            {saving ? t('action.saving') : t('action.save')}
          </button>
        </span>
      </div>
    </fieldset>
  );
}
