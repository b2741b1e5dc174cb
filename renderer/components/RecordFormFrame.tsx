import type { ComponentProps, ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { ConfirmDelete } from './ConfirmDelete';
import { DraftRestoredNote } from './DraftRestoredNote';
import { FormError } from './form';
import { submitKeys } from './submitKeys';
import type { RecordFormState } from './useRecordForm';

type FrameState = Pick<
  RecordFormState,
  'restored' | 'hadDraft' | 'discardDraft' | 'formError' | 'saving' | 'save' | 'cancel'
>;

/** What "delete" removes; ConfirmDelete asks first. */
type Deletion = ComponentProps<typeof ConfirmDelete>;

/**
 * Save and cancel on the right; delete, where the record can be deleted here, on the left. The slot
 * stays even without delete, so the buttons keep their place.
 */
export function DrawerFormFooter({
  saving,
  onSave,
  onCancel,
  deletion,
}: {
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
  deletion?: Deletion | undefined;
}) {
  const t = useT();
  return (
    <div className="form-actions form-actions--split">
      <span>{deletion ? <ConfirmDelete {...deletion} /> : null}</span>
      <span className="form-actions__right">
        <button type="button" className="btn" onClick={onCancel}>
          {t('action.cancel')}
        </button>
        <button type="button" className="btn btn--primary" disabled={saving} onClick={onSave}>
          {saving ? t('action.saving') : t('action.save')}
        </button>
      </span>
    </div>
  );
}

/**
 * The frame of a record form (useRecordForm): "loading" until the draft is read, then the fields in a
 * grid with the draft note above and the form's message and footer below. Not a <form>: see submitKeys.
 */
export function RecordFormFrame({
  form,
  label,
  className,
  deletion,
  children,
}: {
  form: FrameState;
  /** Names the form for assistive technology. */
  label: string;
  className?: string;
  deletion?: Deletion | undefined;
  children: ReactNode;
}) {
  const t = useT();
  // Until the stored draft is read, the fields would show values that the draft then replaces.
  if (!form.restored) return <p className="muted">{t('state.loading')}</p>;
  return (
    <fieldset
      className={className ? `form form--plain ${className}` : 'form form--plain'}
      aria-label={label}
      onKeyDown={submitKeys(() => void form.save())}
    >
      {form.hadDraft ? (
        <DraftRestoredNote
          text={t('hosts.draft.restored')}
          discardLabel={t('hosts.draft.discard')}
          onDiscard={form.discardDraft}
          announce
        />
      ) : null}
      <div className="form-grid">{children}</div>
      <FormError message={form.formError} />
      <DrawerFormFooter
        saving={form.saving}
        onSave={() => void form.save()}
        onCancel={form.cancel}
        deletion={deletion}
      />
    </fieldset>
  );
}
