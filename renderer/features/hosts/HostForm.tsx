import { hostKinds } from '../../../shared/enums';
import { EnumSelect, TextField } from '../../components/form';
import { RecordFormFrame } from '../../components/RecordFormFrame';
import { useRecordForm } from '../../components/useRecordForm';
import { createRecord, updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { CreditCodeField } from './CreditCodeField';
import { useHostDuplicates } from './useHostDuplicates';
import './hosts.css';

type Host = Stored<'hosts'>;
type HostKind = keyof typeof hostKinds;

export type HostFormValues = {
  name: string;
  creditCode: string;
  kind: HostKind;
  district: string;
  industry: string;
  contactName: string;
  contactPhone: string;
  address: string;
};

export type HostFormProps = {
  /** A stored host to edit, prefilled values for a new one (e.g. `{ name }` typed in a picker), or nothing. */
  initial?: (Partial<HostFormValues> & { id?: string }) | undefined;
  onSaved: (host: Host) => void;
  onCancel: () => void;
  /**
   * What "possible duplicate" links do. Without it they offer to use the existing host instead, which is
   * what an inline "create host" in another form wants (onSaved receives the existing host).
   */
  onOpenDuplicate?: (host: Host) => void;
  /** Autosave key; defaults to one per host (or one for "new host"). */
  draftKey?: string;
};

function valuesOf(initial: HostFormProps['initial']): HostFormValues {
  return {
    name: initial?.name ?? '',
    creditCode: initial?.creditCode ?? '',
    kind: initial?.kind ?? 'enterprise',
    district: initial?.district ?? '',
    industry: initial?.industry ?? '',
    contactName: initial?.contactName ?? '',
    contactPhone: initial?.contactPhone ?? '',
    address: initial?.address ?? '',
  };
}

/** Add or edit a host of the shared directory. Works in a drawer, a dialog or inline in another form. */
export function HostForm({ initial, onSaved, onCancel, onOpenDuplicate, draftKey }: HostFormProps) {
  const t = useT();
  const id = initial?.id;
  const key = draftKey ?? `hosts.form:${id ?? (initial?.name ? `new:${initial.name}` : 'new')}`;
  const form = useRecordForm({
    draftKey: key,
    start: () => valuesOf(initial),
    write: (values) => (id ? updateRecord('hosts', id, values) : createRecord('hosts', values)),
    onSaved,
    onCancel,
  });
  const { values, bind } = form;
  const duplicates = useHostDuplicates(values.name, values.creditCode, id);

  return (
    <RecordFormFrame
      form={form}
      className="host-form"
      label={t(id ? 'hosts.form.editTitle' : 'hosts.form.newTitle')}
    >
      <TextField className="span-all" label={t('hosts.field.name')} {...bind('name')} required autoFocus />
      <CreditCodeField label={t('hosts.field.creditCode')} {...bind('creditCode')} />
      <EnumSelect label={t('hosts.field.kind')} table={hostKinds} {...bind('kind')} />
      {duplicates.length > 0 ? (
        <div className="dup-warning span-all" role="status">
          <strong>{t('hosts.dup.title')}</strong>
          <ul>
            {duplicates.map(({ host, reason }) => (
              <li key={host.id}>
                <span>
                  {host.name}
                  <span className="muted">
                    {' '}
                    · {[host.creditCode, host.district].filter(Boolean).join(' · ')}
                  </span>
                </span>
                <span className="badge badge--warn">
                  {t(reason === 'code' ? 'hosts.dup.sameCode' : 'hosts.dup.sameName')}
                </span>
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => (onOpenDuplicate ? onOpenDuplicate(host) : onSaved(host))}
                >
                  {t(onOpenDuplicate ? 'hosts.dup.open' : 'hosts.dup.use')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TextField label={t('hosts.field.district')} {...bind('district')} />
      <TextField label={t('hosts.field.industry')} {...bind('industry')} />
      <TextField label={t('hosts.field.contactName')} {...bind('contactName')} />
      <TextField label={t('hosts.field.contactPhone')} type="tel" {...bind('contactPhone')} />
      <TextField className="span-all" label={t('hosts.field.address')} {...bind('address')} />
    </RecordFormFrame>
  );
}
