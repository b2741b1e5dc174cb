import { useState } from 'react';
import { needKinds, needStatuses } from '../../../shared/enums';
import { ChipPicker, EnumSelect, FormError, TextArea, TextField } from '../../components/form';
import { useDraftState } from '../../data/drafts';
import { createRecord, updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { ConfirmDelete, DraftNote, submitKeys, useRecordFormErrors } from './formKit';
import { HostChooser } from './HostChooser';
import { useExpertOptions } from './useTripExperts';

type Need = Stored<'needs'>;
type NeedValues = {
  hostId: string;
  kind: keyof typeof needKinds;
  field: string;
  title: string;
  description: string;
  expertIds: string[];
  status: keyof typeof needStatuses;
};

function valuesOf(initial: Partial<Need> | undefined): NeedValues {
  return {
    hostId: initial?.hostId ?? '',
    kind: initial?.kind ?? 'technical',
    field: initial?.field ?? '',
    title: initial?.title ?? '',
    description: initial?.description ?? '',
    expertIds: initial?.expertIds ?? [],
    status: initial?.status ?? 'open',
  };
}

/** Add or edit one entry of the trip's needs list (需求清单). */
export function NeedForm({
  tripId,
  initial,
  suggestedHostIds,
  onSaved,
  onCancel,
  onDeleted,
}: {
  tripId: string;
  initial?: Partial<Need> | undefined;
  suggestedHostIds?: readonly string[];
  onSaved: (need: Need) => void;
  onCancel: () => void;
  onDeleted?: () => void;
}) {
  const t = useT();
  const id = initial?.id;
  const draft = useDraftState<NeedValues>(`needs.form:${tripId}:${id ?? 'new'}`, valuesOf(initial));
  const { errors, formError, run, touch } = useRecordFormErrors();
  const [saving, setSaving] = useState(false);
  const values = draft.value;
  const expertOptions = useExpertOptions(tripId, values.expertIds);
  const set = <K extends keyof NeedValues>(field: K, value: NeedValues[K]) => {
    draft.setValue((prev) => ({ ...prev, [field]: value }));
    touch(field);
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const saved = await run(() =>
      id ? updateRecord('needs', id, values) : createRecord('needs', { ...values, tripId }),
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
      aria-label={t(id ? 'hosts.need.editTitle' : 'hosts.need.newTitle')}
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
        <div className="span-all">
          <HostChooser
            label={t('common.host')}
            value={values.hostId}
            onChange={(v) => set('hostId', v)}
            error={errors.hostId}
            suggestedIds={suggestedHostIds ?? []}
            required
            autoFocus
          />
        </div>
        <TextField
          className="span-all"
          label={t('hosts.need.title')}
          value={values.title}
          onChange={(v) => set('title', v)}
          error={errors.title}
          required
        />
        <EnumSelect
          label={t('common.kind')}
          table={needKinds}
          value={values.kind}
          onChange={(v) => set('kind', v)}
          error={errors.kind}
        />
        <TextField
          label={t('common.field')}
          value={values.field}
          onChange={(v) => set('field', v)}
          error={errors.field}
        />
        <EnumSelect
          label={t('common.status')}
          table={needStatuses}
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
          rows={4}
        />
        <div className="span-all">
          <ChipPicker
            label={t('hosts.need.experts')}
            options={expertOptions}
            selected={values.expertIds}
            onChange={(ids) => set('expertIds', ids)}
            error={errors.expertIds}
            empty={t('hosts.need.noTeam')}
          />
        </div>
      </div>
      <FormError message={formError} />
      <div className="form-actions form-actions--split">
        <span>
          {id && onDeleted ? (
            <ConfirmDelete table="needs" id={id} what={values.title} onDeleted={onDeleted} />
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
