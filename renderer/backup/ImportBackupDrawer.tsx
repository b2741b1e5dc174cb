import { Link } from 'react-router';
import { Drawer } from '../components/layout';
import { useT } from '../i18n/useT';
import { useSettings } from '../state/settings';
import { BackupPreview } from './BackupPreview';
import { ImportResultView, RefusalView } from './ImportOutcome';
import type { ImportStep } from './useBackupImport';

/**
 * The import flow in a side sheet: checking → preview (Import / Cancel) → progress → result, or the
 * refusal. It cannot be closed while the import writes (the result would be lost, not the data).
 */
export function ImportBackupDrawer({
  step,
  onConfirm,
  onClose,
  onChooseAnother,
}: {
  step: Exclude<ImportStep, { kind: 'idle' }>;
  onConfirm: () => void;
  onClose: () => void;
  onChooseAnother: () => void;
}) {
  const t = useT();
  const setCurrentTrip = useSettings((s) => s.setCurrentTrip);
  const busy = step.kind === 'importing' || step.kind === 'reading';
  return (
    <Drawer title={t('backup.import.title')} onClose={step.kind === 'importing' ? () => {} : onClose}>
      {step.kind === 'reading' ? (
        <p className="backup-busy" aria-busy="true">
          {t('backup.import.reading', { name: step.fileName })}
          {step.files ? (
            <>
              <br />
              {t('backup.import.checkingFiles', step.files)}
            </>
          ) : null}
        </p>
      ) : null}
      {step.kind === 'preview' ? (
        <BackupPreview
          fileName={step.fileName}
          backup={step.backup}
          onDevice={step.onDevice}
          expected={step.expected}
          {...(step.files ? { files: step.files } : {})}
        />
      ) : null}
      {step.kind === 'importing' ? (
        <div className="backup-busy" aria-busy="true">
          <p>{t('backup.import.importing', { done: step.progress.done, total: step.progress.total })}</p>
          <progress
            className="backup-progress"
            value={step.progress.done}
            max={Math.max(step.progress.total, 1)}
            aria-label={t('backup.import.title')}
          />
        </div>
      ) : null}
      {step.kind === 'done' ? <ImportResultView summary={step.summary} /> : null}
      {step.kind === 'refused' ? <RefusalView fileName={step.fileName} refusal={step.refusal} /> : null}

      <div className="form-actions">
        {step.kind === 'refused' ? (
          <button type="button" className="btn" onClick={onChooseAnother}>
            {t('backup.import.chooseAnother')}
          </button>
        ) : null}
        {step.kind === 'done' ? (
          <button type="button" className="btn" onClick={onClose}>
            {t('action.close')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={onClose} disabled={step.kind === 'importing'}>
            {step.kind === 'refused' ? t('action.close') : t('action.cancel')}
          </button>
        )}
        {step.kind === 'preview' || step.kind === 'importing' ? (
          <button type="button" className="btn btn--primary" onClick={onConfirm} disabled={busy} autoFocus>
            {t('backup.import.confirm')}
          </button>
        ) : null}
        {step.kind === 'done' && step.tripLive ? (
          <Link
            to={`/trips/${step.summary.trip.id}`}
            className="btn btn--primary"
            onClick={() => setCurrentTrip(step.summary.trip.id)}
            autoFocus
          >
            {t('backup.result.openTrip')}
          </Link>
        ) : null}
      </div>
    </Drawer>
  );
}
