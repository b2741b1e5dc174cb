import type { TripBackup } from '../../shared/backup/format';
import type { BackupFiles } from '../../shared/backup/zip';
import { formatByteSize } from '../../shared/blobs';
import { recordTables } from '../../shared/schemas';
import { formatDateRange } from '../features/trips/format';
import { type T, useT } from '../i18n/useT';
import type { TableOutcome } from './planImport';
import { BACKUP_TABLE_TEXT } from './problemText';
import type { TripPresence } from './useBackupImport';

/** "2025年6月26日 16:00" in the user's language; the raw text if it is not a time. */
export function formatExportedAt(t: T, exportedAt: string): string {
  const time = Date.parse(exportedAt);
  if (Number.isNaN(time)) return exportedAt;
  return new Date(time).toLocaleString(t.lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

const PRESENCE_NOTE = {
  absent: 'backup.preview.new',
  present: 'backup.preview.existing',
  deleted: 'backup.preview.deletedHere',
} as const;

/** What a checked backup holds, before anything is written. */
export function BackupPreview({
  fileName,
  backup,
  onDevice,
  expected,
  files,
}: {
  fileName: string;
  backup: TripBackup;
  onDevice: TripPresence;
  /** What importing would change on this device now. */
  expected: TableOutcome;
  /** A ZIP backup's files. */
  files?: BackupFiles;
}) {
  const t = useT();
  const trip = backup.tables.trips.find((r) => r.id === backup.trip.id);
  const data = trip?.data ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const rows = recordTables
    .map((table) => ({
      table,
      count: backup.tables[table].length,
      deleted: backup.tables[table].filter((r) => r.deleted).length,
    }))
    .filter((r) => r.count > 0);
  const total = rows.reduce((n, r) => n + r.count, 0);

  return (
    <div className="backup-preview">
      <dl className="backup-facts">
        <dt>{t('backup.preview.trip')}</dt>
        <dd className="backup-facts__title">{text(data.title) || backup.trip.title}</dd>
        {text(data.region) ? (
          <>
            <dt>{t('backup.preview.region')}</dt>
            <dd>{text(data.region)}</dd>
          </>
        ) : null}
        <dt>{t('backup.preview.dates')}</dt>
        <dd>{formatDateRange(t, text(data.startDate), text(data.endDate))}</dd>
        <dt>{t('backup.preview.exportedAt')}</dt>
        <dd>{formatExportedAt(t, backup.exportedAt)}</dd>
        <dt>{t('backup.preview.file')}</dt>
        <dd className="backup-facts__file">{fileName}</dd>
        {files ? (
          <>
            <dt>{t('backup.preview.files')}</dt>
            <dd>
              {t('backup.preview.filesCount', {
                count: files.files.length,
                size: formatByteSize(files.files.reduce((n, f) => n + f.bytes.byteLength, 0)),
              })}
            </dd>
          </>
        ) : null}
      </dl>
      <table className="backup-counts">
        <caption>{t('backup.preview.total', { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backup.result.table')}</th>
            <th scope="col" className="num">
              {t('backup.preview.records')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.table}>
              <th scope="row">{t(BACKUP_TABLE_TEXT[r.table])}</th>
              <td className="num">
                {r.deleted > 0
                  ? t('backup.preview.countDeleted', { count: r.count, deleted: r.deleted })
                  : t('backup.preview.count', { count: r.count })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {trip?.deleted ? <p className="form-note">{t('backup.preview.tripDeleted')}</p> : null}
      {files && files.missing.length > 0 ? (
        <p className="form-note">{t('backup.preview.filesMissing', { count: files.missing.length })}</p>
      ) : null}
      <p className="backup-note">{t(PRESENCE_NOTE[onDevice])}</p>
      <p className="backup-note backup-note--plan">{t('backup.preview.plan', expected)}</p>
      <p className="backup-note muted">{t('backup.preview.upload')}</p>
    </div>
  );
}
