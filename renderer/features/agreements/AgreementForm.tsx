import { useState } from 'react';
import { agreementKinds, agreementStatuses } from '../../../shared/enums';
import {
  ChipPicker,
  EnumSelect,
  FormError,
  ListField,
  NumberField,
  TextArea,
  TextField,
} from '../../components/form';
import { useDraftState } from '../../data/drafts';
import { useTripRecords } from '../../data/hooks';
import { createRecord, updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { ConfirmDelete, DraftNote, submitKeys, useRecordFormErrors } from '../hosts/formKit';
import { HostChooser } from '../hosts/HostChooser';
import { useExpertOptions } from '../hosts/useTripExperts';
import { VisitSelect } from './VisitSelect';

type Agreement = Stored<'agreements'>;
type AgreementValues = {
  hostId: string;
  visitId: string;
  kind: keyof typeof agreementKinds;
  title: string;
  parties: string[];
  expertIds: string[];
  signedDate: string;
  termStart: string;
  termEnd: string;
  /** What was typed; the schema says what is wrong with "abc". */
  amount: number | string;
  status: keyof typeof agreementStatuses;
  notes: string;
};

/** Statuses after signing; the schema refuses them without a signing date. */
const SIGNED = new Set<string>(['signed', 'in_effect', 'completed', 'terminated']);

function valuesOf(initial: Partial<Agreement> | undefined): AgreementValues {
  return {
    hostId: initial?.hostId ?? '',
    visitId: initial?.visitId ?? '',
    kind: initial?.kind ?? 'cooperation',
    title: initial?.title ?? '',
    parties: initial?.parties ?? [],
    expertIds: initial?.expertIds ?? [],
    signedDate: initial?.signedDate ?? '',
    termStart: initial?.termStart ?? '',
    termEnd: initial?.termEnd ?? '',
    amount: initial?.amount ?? '',
    status: initial?.status ?? 'draft',
    notes: initial?.notes ?? '',
  };
}

export type AgreementFormProps = {
  tripId: string;
  /** A stored agreement to edit (has `id`), or values to start a new one with, e.g. `{ hostId, visitId }`. */
  initial?: Partial<Agreement> | undefined;
  onSaved: (agreement: Agreement) => void;
  onCancel: () => void;
  /** Offers "delete" when editing; leave out where deleting makes no sense. */
  onDeleted?: () => void;
};

/** Add or edit an agreement (签约). Not a <form>, so it can sit inside the visit form too. */
export function AgreementForm({ tripId, initial, onSaved, onCancel, onDeleted }: AgreementFormProps) {
  const t = useT();
  const id = initial?.id;
  const start = valuesOf(initial);
  const draft = useDraftState<AgreementValues>(
    `agreements.form:${tripId}:${id ?? `new:${start.hostId}:${start.visitId}`}`,
    start,
  );
  const { errors, formError, run, touch } = useRecordFormErrors();
  const [saving, setSaving] = useState(false);
  const values = draft.value;
  const expertOptions = useExpertOptions(tripId, values.expertIds);
  const visits = useTripRecords('visits', tripId);
  const needs = useTripRecords('needs', tripId);
  const suggestedHostIds = [...new Set([...(visits ?? []), ...(needs ?? [])].map((r) => r.hostId))];
  const set = <K extends keyof AgreementValues>(field: K, value: AgreementValues[K]) => {
    draft.setValue((prev) => ({ ...prev, [field]: value }));
    touch(field);
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    // Empty means no amount (0); text that is not a number goes on as NaN so the schema names the problem.
    const amount =
      typeof values.amount === 'number' ? values.amount : values.amount.trim() === '' ? 0 : Number.NaN;
    const record = { ...values, amount };
    const saved = await run(() =>
      id ? updateRecord('agreements', id, record) : createRecord('agreements', { ...record, tripId }),
    );
    setSaving(false);
    if (saved) {
      await draft.discard();
      onSaved(saved);
    }
  };

  if (!draft.restored) return <p className="muted">{t('state.loading')}</p>;
  const needsDate = SIGNED.has(values.status) && values.signedDate === '';

  return (
    <fieldset
      className="form form--plain"
      aria-label={t(id ? 'agreements.editTitle' : 'agreements.newTitle')}
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
          label={t('agreements.title')}
          value={values.title}
          onChange={(v) => set('title', v)}
          error={errors.title}
          required
          autoFocus
        />
        <div className="span-all">
          <HostChooser
            label={t('common.host')}
            value={values.hostId}
            onChange={(hostId) =>
              // A visit belongs to one host: changing the host drops a visit of the previous one.
              draft.setValue((prev) => ({
                ...prev,
                hostId,
                visitId: visits?.some((v) => v.id === prev.visitId && v.hostId === hostId)
                  ? prev.visitId
                  : '',
              }))
            }
            error={errors.hostId}
            suggestedIds={suggestedHostIds}
            required
          />
        </div>
        <VisitSelect
          visits={visits ?? []}
          hostId={values.hostId}
          value={values.visitId}
          onChange={(v) => set('visitId', v)}
          error={errors.visitId}
        />
        <EnumSelect
          label={t('common.kind')}
          table={agreementKinds}
          value={values.kind}
          onChange={(v) => set('kind', v)}
          error={errors.kind}
        />
        <EnumSelect
          label={t('common.status')}
          table={agreementStatuses}
          value={values.status}
          onChange={(v) => set('status', v)}
          error={errors.status}
        />
        <TextField
          type="date"
          label={t('agreements.signedDate')}
          value={values.signedDate}
          onChange={(v) => set('signedDate', v)}
          error={errors.signedDate}
          hint={needsDate ? t('agreements.signedDateHint') : undefined}
          required={SIGNED.has(values.status)}
        />
        <TextField
          type="date"
          label={t('agreements.termStart')}
          value={values.termStart}
          onChange={(v) => set('termStart', v)}
          error={errors.termStart}
        />
        <TextField
          type="date"
          label={t('agreements.termEnd')}
          value={values.termEnd}
          onChange={(v) => set('termEnd', v)}
          error={errors.termEnd}
        />
        <NumberField
          label={t('agreements.amount')}
          value={values.amount}
          onChange={(v) => set('amount', v)}
          error={errors.amount}
          hint={t('agreements.amountHint')}
          min={0}
        />
        <ListField
          className="span-all"
          label={t('agreements.parties')}
          value={values.parties}
          onChange={(v) => set('parties', v)}
          error={errors.parties ?? Object.entries(errors).find(([k]) => k.startsWith('parties.'))?.[1]}
        />
        <div className="span-all">
          <ChipPicker
            label={t('agreements.experts')}
            options={expertOptions}
            selected={values.expertIds}
            onChange={(ids) => set('expertIds', ids)}
            error={errors.expertIds}
            empty={t('hosts.need.noTeam')}
          />
        </div>
        <TextArea
          className="span-all"
          label={t('common.notes')}
          value={values.notes}
          onChange={(v) => set('notes', v)}
          error={errors.notes}
          rows={3}
        />
      </div>
      <FormError message={formError} />
      <div className="form-actions form-actions--split">
        <span>
          {id && onDeleted ? (
            <ConfirmDelete table="agreements" id={id} what={values.title} onDeleted={onDeleted} />
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
