import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { reportFileName } from '../../../shared/report/fileName';
import { useT } from '../../i18n/useT';
import { getPlatform, PlatformError } from '../../platform';

export type PrintStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; path: string }
  | { kind: 'error'; message: string };

/** What went wrong, in words the organiser can act on; codes come from electron/reportPdf.ts and printFrame.ts. */
const ERROR_MESSAGES: Record<string, MessageKey> = {
  'report-missing': 'report.pdf.error.missing',
  'report-timeout': 'report.pdf.error.timeout',
  'report-load-failed': 'report.pdf.error.load',
};

/**
 * "打印 / 导出 PDF": Electron makes the PDF and asks where to save it; a browser opens its print dialog.
 * One run at a time; a second click while the first works is ignored (the button is disabled anyway).
 */
export function usePrintReport(trip: { id: string; title: string; region: string; endDate: string }) {
  const t = useT();
  const [status, setStatus] = useState<PrintStatus>({ kind: 'idle' });
  const print = async () => {
    if (status.kind === 'busy') return;
    setStatus({ kind: 'busy' });
    try {
      const result = await getPlatform().printReportPdf(trip.id, reportFileName(trip, 'pdf', t.lang));
      setStatus(result.saved && result.path ? { kind: 'saved', path: result.path } : { kind: 'idle' });
    } catch (error) {
      const key = error instanceof PlatformError && error.code ? ERROR_MESSAGES[error.code] : undefined;
      setStatus({
        kind: 'error',
        message: key
          ? t(key)
          : t('report.pdf.error.other', { message: error instanceof Error ? error.message : String(error) }),
      });
    }
  };
  const message =
    status.kind === 'saved'
      ? t('report.pdf.saved', { path: status.path })
      : status.kind === 'error'
        ? status.message
        : status.kind === 'busy'
          ? t('report.pdf.busy')
          : '';
  return { print, status, message };
}
