import { useState } from 'react';
import { followUpStatuses } from '../../../shared/enums';
import { EnumSelect, FormError, TextArea, TextField } from '../../components/form';
import { useDraftState } from '../../data/drafts';
import { createRecord, updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { ConfirmDelete, DraftNote, submitKeys, todayIso, useRecordFormErrors } from '../hosts/formKit';
import { OwnerField, RelatedFields } from './fields';
import { addDays } from './followUpLogic';
import type { RelatedOption, RelatedType } from './useRelated';

type FollowUp = Stored<'followUps'>;
type FollowUpValues = Pick<
  FollowUp,
  'relatedType' | 'relatedId' | 'action' | 'owner' | 'dueDate' | 'status' | 'notes'
>;

function valuesOf(initial: Partial<FollowUp> | undefined): FollowUpValues {
  return {
    relatedType: initial?.relatedType ?? 'visit',
    relatedId: initial?.relatedId ?? '',
    action: initial?.action ?? '',
    owner: initial?.owner ?? '',
    // A week from today is the most common first step ("next week's salon").
    dueDate: initial?.dueDate ?? addDays(todayIso(), 7),
    status: initial?.status ?? 'planned',
    notes: initial?.notes ?? '',
  };
}

/** Add or edit a follow-up (跟踪服务) task. */
export function FollowUpForm({
  tripId,
  initial,
  options,
  knownOwners,
  onSaved,
  onCancel,
  onDeleted,
}: {
  tripId: string;
  initial?: Partial<FollowUp> | undefined;
  options: (type: RelatedType) => RelatedOption[];
  knownOwners?: readonly string[];
  onSaved: (followUp: FollowUp) => void;
  onCancel: () => void;
  onDeleted?: () => void;
}) {
  const t = useT();
  const id = initial?.id;
  const draft = useDraftState<FollowUpValues>(`followUps.form:${tripId}:${id ?? 'new'}`, valuesOf(initial));
  const { errors, formError, run, touch } = useRecordFormErrors();
  const [saving, setSaving] = useState(false);
  const values = draft.value;
  const set = <K extends keyof FollowUpValues>(field: K, value: FollowUpValues[K]) => {
    draft.setValue((prev) => ({ ...prev, [field]: value }));
    touch(field);
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const saved = await run(() =>
      id ? updateRecord('followUps', id, values) : createRecord('followUps', { ...values, tripId }),
    );
    setSaving(false);
    if (saved) {
      await draft.discard();
      onSaved(saved);
    }
  };

  if (!draft.restored) return <p className="muted">{t('state.loading')}</p>;

  return (
    <fieldset
      className="form form--plain"
      aria-label={t(id ? 'followUps.editTitle' : 'followUps.newTitle')}
      onKeyDown={submitKeys(() => void save())}
    >
      <DraftNote
        show={draft.hadDraft}
        onDiscard={() => {
          draft.setValue(valuesOf(initial));
          void draft.discard();
        }}
      />
      <div className="form-grid">
        <TextField
          className="span-all"
          label={t('followUps.action')}
          value={values.action}
          onChange={(v) => set('action', v)}
          error={errors.action}
          required
          autoFocus
        />
        <RelatedFields
          type={values.relatedType}
          id={values.relatedId}
          options={options}
          onChange={(relatedType, relatedId) => {
            draft.setValue((prev) => ({ ...prev, relatedType, relatedId }));
            touch('relatedType', 'relatedId');
          }}
          errors={{ type: errors.relatedType, id: errors.relatedId }}
        />
        <OwnerField
          tripId={tripId}
          value={values.owner}
          onChange={(v) => set('owner', v)}
          error={errors.owner}
          known={knownOwners ?? []}
        />
        <TextField
          type="date"
          label={t('followUps.dueDate')}
          value={values.dueDate}
          onChange={(v) => set('dueDate', v)}
          error={errors.dueDate}
          required
        />
        <EnumSelect
          label={t('common.status')}
          table={followUpStatuses}
          value={values.status}
          onChange={(v) => set('status', v)}
          error={errors.status}
        />
        <TextArea
          className="span-all"
          label={t('common.notes')}
          value={values.notes}
          onChange={(v) => set('notes', v)}
          error={errors.notes}
          rows={4}
        />
      </div>
      <FormError message={formError} />
      <div className="form-actions form-actions--split">
        <span>
          {id && onDeleted ? (
            <ConfirmDelete table="followUps" id={id} what={values.action} onDeleted={onDeleted} />
          ) : null}
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
