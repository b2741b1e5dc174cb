import { agreementKinds, agreementStatuses } from '../../../shared/enums';
import { EnumSelect, ListField, NumberField, TextArea, TextField } from '../../components/form';
import { RecordFormFrame } from '../../components/RecordFormFrame';
import { useRecordForm } from '../../components/useRecordForm';
import { useTripRecords } from '../../data/hooks';
import { createRecord, updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { useTripLock } from '../../review/hooks';
import { AgreementAttachments } from '../attachments/AgreementAttachments';
import { HostChooser } from '../hosts/HostChooser';
import { TeamExpertsField } from '../hosts/TeamExpertsField';
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
  const startValues = valuesOf(initial);
  const form = useRecordForm({
    draftKey: `agreements.form:${tripId}:${id ?? `new:${startValues.hostId}:${startValues.visitId}`}`,
    start: () => valuesOf(initial),
    write: (values) => {
      // Empty means no amount (0); text that is not a number goes on as NaN so the schema names the problem.
      const amount =
        typeof values.amount === 'number' ? values.amount : values.amount.trim() === '' ? 0 : Number.NaN;
      const record = { ...values, amount };
      return id ? updateRecord('agreements', id, record) : createRecord('agreements', { ...record, tripId });
    },
    onSaved,
    onCancel,
  });
  const { values, bind, errors } = form;
  const visits = useTripRecords('visits', tripId);
  const needs = useTripRecords('needs', tripId);
  const suggestedHostIds = [...new Set([...(visits ?? []), ...(needs ?? [])].map((r) => r.hostId))];
  const needsDate = SIGNED.has(values.status) && values.signedDate === '';
  const { readOnly } = useTripLock(tripId);

  return (
    <RecordFormFrame
      form={form}
      label={t(id ? 'agreements.editTitle' : 'agreements.newTitle')}
      deletion={id && onDeleted ? { table: 'agreements', id, what: values.title, onDeleted } : undefined}
    >
      <TextField className="span-all" label={t('agreements.title')} {...bind('title')} required autoFocus />
      <div className="span-all">
        <HostChooser
          label={t('common.host')}
          value={values.hostId}
          onChange={(hostId) =>
            // A visit belongs to one host: changing the host drops a visit of the previous one.
            form.update((prev) => ({
              ...prev,
              hostId,
              visitId: visits?.some((v) => v.id === prev.visitId && v.hostId === hostId) ? prev.visitId : '',
            }))
          }
          error={errors.hostId}
          suggestedIds={suggestedHostIds}
          required
        />
      </div>
      <VisitSelect visits={visits ?? []} hostId={values.hostId} {...bind('visitId')} />
      <EnumSelect label={t('common.kind')} table={agreementKinds} {...bind('kind')} />
      <EnumSelect label={t('common.status')} table={agreementStatuses} {...bind('status')} />
      <TextField
        type="date"
        label={t('agreements.signedDate')}
        {...bind('signedDate')}
        hint={needsDate ? t('agreements.signedDateHint') : undefined}
        required={SIGNED.has(values.status)}
      />
      <TextField type="date" label={t('agreements.termStart')} {...bind('termStart')} />
      <TextField type="date" label={t('agreements.termEnd')} {...bind('termEnd')} />
      <NumberField
        label={t('agreements.amount')}
        {...bind('amount')}
        hint={t('agreements.amountHint')}
        min={0}
      />
      <ListField
        className="span-all"
        label={t('agreements.parties')}
        {...bind('parties')}
        // An item of the list that is wrong ("parties.2") is reported on the list as a whole.
        error={errors.parties ?? Object.entries(errors).find(([k]) => k.startsWith('parties.'))?.[1]}
      />
      <TeamExpertsField tripId={tripId} label={t('agreements.experts')} {...bind('expertIds')} />
      <TextArea className="span-all" label={t('common.notes')} {...bind('notes')} rows={3} />
      <AgreementAttachments tripId={tripId} agreementId={id} parties={values.parties} readOnly={readOnly} />
    </RecordFormFrame>
  );
}
