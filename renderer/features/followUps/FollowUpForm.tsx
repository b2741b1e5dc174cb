import { followUpStatuses } from '../../../shared/enums';
import { EnumSelect, TextArea, TextField } from '../../components/form';
import { RecordFormFrame } from '../../components/RecordFormFrame';
import { useRecordForm } from '../../components/useRecordForm';
import { createRecord, updateRecord } from '../../data/repository';
import { todayIso } from '../../data/today';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
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
  const form = useRecordForm({
    draftKey: `followUps.form:${tripId}:${id ?? 'new'}`,
    start: () => valuesOf(initial),
    write: (values) =>
      id ? updateRecord('followUps', id, values) : createRecord('followUps', { ...values, tripId }),
    onSaved,
    onCancel,
  });
  const { values, bind, errors } = form;

  return (
    <RecordFormFrame
      form={form}
      label={t(id ? 'followUps.editTitle' : 'followUps.newTitle')}
      deletion={id && onDeleted ? { table: 'followUps', id, what: values.action, onDeleted } : undefined}
    >
      <TextField className="span-all" label={t('followUps.action')} {...bind('action')} required autoFocus />
      <RelatedFields
        type={values.relatedType}
        id={values.relatedId}
        options={options}
        onChange={(relatedType, relatedId) => {
          form.update((prev) => ({ ...prev, relatedType, relatedId }));
          form.touch('relatedType', 'relatedId');
        }}
        errors={{ type: errors.relatedType, id: errors.relatedId }}
      />
      <OwnerField tripId={tripId} {...bind('owner')} known={knownOwners ?? []} />
      <TextField type="date" label={t('followUps.dueDate')} {...bind('dueDate')} required />
      <EnumSelect label={t('common.status')} table={followUpStatuses} {...bind('status')} />
      <TextArea className="span-all" label={t('common.notes')} {...bind('notes')} rows={4} />
    </RecordFormFrame>
  );
}
