import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n/useT';
import type { ExportFormat } from './fileName';
import type { ExportFailure, ExportState } from './useExport';

export const FORMAT_LABEL: Record<ExportFormat, MessageKey> = {
  docx: 'exports.format.docx',
  xlsx: 'exports.format.xlsx',
  csv: 'exports.format.csv',
  json: 'exports.format.json',
};

const PHASE_TEXT = {
  reading: 'exports.phase.reading',
  computing: 'exports.phase.computing',
  building: 'exports.phase.building',
  done: 'exports.phase.done',
  saving: 'exports.phase.saving',
} as const satisfies Record<string, MessageKey>;

function useFailureText() {
  const t = useT();
  return (failure: ExportFailure): string => {
    if (failure.stage === 'save') return t('exports.saveFailed', { message: failure.detail });
    const cause =
      failure.code === 'trip-missing'
        ? t('exports.tripMissing')
        : failure.code === 'worker-failed'
          ? t('exports.workerFailed')
          : failure.detail;
    return t('exports.failed', { message: cause });
  };
}

/** What the export is doing or how it ended, under the menu's options. */
export function ExportStatus({
  state,
  onCancel,
  onSaveAgain,
  onDismiss,
}: {
  state: ExportState;
  onCancel: () => void;
  onSaveAgain: () => void;
  onDismiss: () => void;
}) {
  const t = useT();
  const failureText = useFailureText();
  switch (state.status) {
    case 'idle':
      return <div className="export-status" role="status" />;
    case 'running':
      return (
        <div className="export-status export-status--running" role="status" data-testid="export-status">
          <div className="export-status__line">
            <strong>{t('exports.running', { format: t(FORMAT_LABEL[state.format]) })}</strong>
            <span className="num">{state.percent}%</span>
          </div>
          <progress
            className="export-status__bar"
            max={100}
            value={state.percent}
            aria-label={t('exports.progress')}
          />
          <div className="export-status__line">
            <span className="muted">
              {t(PHASE_TEXT[state.phase])}
              {state.files && state.files.total > 0 && state.phase !== 'saving'
                ? ` ${t('exports.filesProgress', state.files)}`
                : ''}
            </span>
            {state.phase === 'saving' ? null : (
              <button type="button" className="btn btn--small" onClick={onCancel}>
                {t('exports.cancel')}
              </button>
            )}
          </div>
        </div>
      );
    case 'saved':
      return (
        <div className="export-status export-status--saved" role="status" data-testid="export-status">
          <span className="export-status__tick" aria-hidden="true">
            ✓
          </span>
          <div>
            <div>{t('exports.saved', { name: state.fileName })}</div>
            {state.path ? (
              <div className="muted export-status__path">{t('exports.savedPath', { path: state.path })}</div>
            ) : null}
          </div>
        </div>
      );
    case 'cancelled':
      return (
        <div className="export-status muted" role="status" data-testid="export-status">
          {t('exports.cancelled')}
        </div>
      );
    case 'failed':
      return (
        <div
          className="export-status export-status--failed form-error"
          role="alert"
          data-testid="export-status"
        >
          <p>{failureText(state.failure)}</p>
          <div className="export-status__actions">
            {state.failure.stage === 'save' ? (
              <button type="button" className="btn btn--small btn--primary" onClick={onSaveAgain}>
                {t('exports.saveAgain')}
              </button>
            ) : null}
            <button type="button" className="btn btn--small" onClick={onDismiss}>
              {t('exports.dismiss')}
            </button>
          </div>
        </div>
      );
  }
}
