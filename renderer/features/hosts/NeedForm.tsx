import { needKinds, needStatuses } from '../../../shared/enums';
import { EnumSelect, TextArea, TextField } from '../../components/form';
import { RecordFormFrame } from '../../components/RecordFormFrame';
import { useRecordForm } from '../../components/useRecordForm';
import { createRecord, updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { HostChooser } from './HostChooser';
import { TeamExpertsField } from './TeamExpertsField';

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
  const form = useRecordForm({
    draftKey: `needs.form:${tripId}:${id ?? 'new'}`,
    start: () => valuesOf(initial),
    write: (values) =>
      id ? updateRecord('needs', id, values) : createRecord('needs', { ...values, tripId }),
    onSaved,
    onCancel,
  });
  const { values, bind } = form;

  return (
    <RecordFormFrame
      form={form}
      label={t(id ? 'hosts.need.editTitle' : 'hosts.need.newTitle')}
      deletion={id && onDeleted ? { table: 'needs', id, what: values.title, onDeleted } : undefined}
    >
      <div className="span-all">
        <HostChooser
          label={t('common.host')}
          {...bind('hostId')}
          suggestedIds={suggestedHostIds ?? []}
          required
          autoFocus
        />
      </div>
      <TextField className="span-all" label={t('hosts.need.title')} {...bind('title')} required />
      <EnumSelect label={t('common.kind')} table={needKinds} {...bind('kind')} />
      <TextField label={t('common.field')} {...bind('field')} />
      <EnumSelect label={t('common.status')} table={needStatuses} {...bind('status')} />
      <TextArea className="span-all" label={t('common.description')} {...bind('description')} rows={4} />
      <TeamExpertsField tripId={tripId} label={t('hosts.need.experts')} {...bind('expertIds')} />
    </RecordFormFrame>
  );
}
