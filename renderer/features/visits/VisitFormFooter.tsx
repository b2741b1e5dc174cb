import { useT } from '../../i18n/useT';

export type SaveMode = 'back' | 'next' | 'submit';

/**
 * The visit form's buttons. A read-only form (a locked trip, for an expert) offers only the way back;
 * an expert's draft, or a visit sent back for changes, offers saving and (re)submitting in one step.
 */
export function VisitFormFooter({
  isNew,
  saving,
  readOnly,
  submitAs,
  onSave,
  onCancel,
}: {
  isNew: boolean;
  saving: boolean;
  readOnly: boolean;
  /** 'first': save and submit a draft; 'again': save the fixes and resubmit; null: not offered. */
  submitAs: 'first' | 'again' | null;
  onSave: (mode: SaveMode) => void;
  onCancel: () => void;
}) {
  const t = useT();
  if (readOnly) {
    return (
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('action.back')}
        </button>
      </div>
    );
  }
  return (
    <div className="form-actions">
      <span className="muted form-actions__hint">{t('visits.shortcut')}</span>
      <button type="button" className="btn" onClick={onCancel}>
        {t('action.cancel')}
      </button>
      {isNew ? (
        <button type="button" className="btn" disabled={saving} onClick={() => onSave('next')}>
          {t('visits.saveAndNew')}
        </button>
      ) : null}
      {submitAs ? (
        <button type="button" className="btn" disabled={saving} onClick={() => onSave('submit')}>
          {t(submitAs === 'first' ? 'review.form.saveAndSubmit' : 'review.form.saveAndResubmit')}
        </button>
      ) : null}
      <button type="submit" className="btn btn--primary" disabled={saving}>
        {saving ? t('action.saving') : t('action.save')}
      </button>
    </div>
  );
}
