import { useState } from 'react';
import { hostKinds } from '../../../shared/enums';
import { EnumSelect, FormError, TextField } from '../../components/form';
import { useDraftState } from '../../data/drafts';
import { createRecord, updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { CreditCodeField } from './CreditCodeField';
import { DraftNote, submitKeys, useRecordFormErrors } from './formKit';
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
  const draft = useDraftState<HostFormValues>(key, valuesOf(initial));
  const { errors, formError, run, touch } = useRecordFormErrors();
  const [saving, setSaving] = useState(false);
  const values = draft.value;
  const duplicates = useHostDuplicates(values.name, values.creditCode, id);

  const set = <K extends keyof HostFormValues>(field: K, value: HostFormValues[K]) => {
    draft.setValue((prev) => ({ ...prev, [field]: value }));
    touch(field);
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const saved = await run(() => (id ? updateRecord('hosts', id, values) : createRecord('hosts', values)));
    setSaving(false);
    if (saved) {
      await draft.discard();
      onSaved(saved);
    }
  };

  const cancel = async () => {
    await draft.discard();
    onCancel();
  };

  if (!draft.restored) return <p className="muted">{t('state.loading')}</p>;

  return (
    <fieldset
      className="form form--plain host-form"
      aria-label={t(id ? 'hosts.form.editTitle' : 'hosts.form.newTitle')}
      onKeyDown={submitKeys(() => void save())}
    >
      <DraftNote
        show={draft.hadDraft}
        onDiscard={() => {
          // Reset first, then discard: discard() clears the dirty flag, so the reset is not saved as a new draft.
          draft.setValue(valuesOf(initial));
          void draft.discard();
        }}
      />
      <div className="form-grid">
        <TextField
          className="span-all"
          label={t('hosts.field.name')}
          value={values.name}
          onChange={(v) => set('name', v)}
          error={errors.name}
          required
          autoFocus
        />
        <CreditCodeField
          label={t('hosts.field.creditCode')}
          value={values.creditCode}
          onChange={(v) => set('creditCode', v)}
          error={errors.creditCode}
        />
        <EnumSelect
          label={t('hosts.field.kind')}
          table={hostKinds}
          value={values.kind}
          onChange={(v) => set('kind', v)}
          error={errors.kind}
        />
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
        <TextField
          label={t('hosts.field.district')}
          value={values.district}
          onChange={(v) => set('district', v)}
          error={errors.district}
        />
        <TextField
          label={t('hosts.field.industry')}
          value={values.industry}
          onChange={(v) => set('industry', v)}
          error={errors.industry}
        />
        <TextField
          label={t('hosts.field.contactName')}
          value={values.contactName}
          onChange={(v) => set('contactName', v)}
          error={errors.contactName}
        />
        <TextField
          label={t('hosts.field.contactPhone')}
          type="tel"
          value={values.contactPhone}
          onChange={(v) => set('contactPhone', v)}
          error={errors.contactPhone}
        />
        <TextField
          className="span-all"
          label={t('hosts.field.address')}
          value={values.address}
          onChange={(v) => set('address', v)}
          error={errors.address}
        />
      </div>
      <FormError message={formError} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void cancel()}>
          {t('action.cancel')}
        </button>
        <button type="button" className="btn btn--primary" disabled={saving} onClick={() => void save()}>
          {saving ? t('action.saving') : t('action.save')}
        </button>
      </div>
    </fieldset>
  );
}
