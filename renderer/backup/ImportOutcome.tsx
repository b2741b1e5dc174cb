import { recordTables } from '../../shared/schemas';
import { type T, useT } from '../i18n/useT';
import type { ImportSummary } from './importBackup';
import { BACKUP_TABLE_TEXT, problemText } from './problemText';
import type { Refusal } from './useBackupImport';

/** "已导入：新增 120 条，更新 3 条，未变化 0 条", then the same per kind of record. */
export function ImportResultView({ summary }: { summary: ImportSummary }) {
  const t = useT();
  const rows = recordTables
    .map((table) => ({ table, ...summary.tables[table] }))
    .filter((r) => r.new + r.updated + r.unchanged > 0);
  const changed = summary.total.new + summary.total.updated;
  return (
    <div className="backup-result">
      <p className="backup-result__summary" role="status">
        {t('backup.result.summary', summary.total)}
      </p>
      {changed === 0 && !summary.files?.added ? (
        <p className="muted">{t('backup.result.nothingChanged')}</p>
      ) : null}
      {summary.files ? (
        <p className="backup-note">
          {t('backup.result.files', { added: summary.files.added, present: summary.files.present })}
        </p>
      ) : null}
      {summary.files && summary.files.missing > 0 ? (
        <p className="form-note">{t('backup.result.filesMissing', { count: summary.files.missing })}</p>
      ) : null}
      <table className="backup-counts">
        <thead>
          <tr>
            <th scope="col">{t('backup.result.table')}</th>
            <th scope="col" className="num">
              {t('backup.result.new')}
            </th>
            <th scope="col" className="num">
              {t('backup.result.updated')}
            </th>
            <th scope="col" className="num">
              {t('backup.result.unchanged')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.table}>
              <th scope="row">{t(BACKUP_TABLE_TEXT[r.table])}</th>
              <td className="num">{r.new}</td>
              <td className="num">{r.updated}</td>
              <td className="num">{r.unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function refusalText(t: T, refusal: Refusal): string {
  switch (refusal.kind) {
    case 'problem':
      return problemText(t.lang, refusal.problem);
    case 'readFailed':
      return t('backup.problem.readFailed', { message: refusal.message });
    case 'failed':
      return t('backup.problem.failed', { message: refusal.message });
  }
}

/** Why the file was not imported, and the reassurance that matters most: nothing was changed. */
export function RefusalView({ fileName, refusal }: { fileName: string; refusal: Refusal }) {
  const t = useT();
  return (
    <div className="backup-refusal">
      <div className="form-error" role="alert">
        <strong>{t('backup.refused.title')}</strong>
        <p>{refusalText(t, refusal)}</p>
      </div>
      <p className="muted backup-facts__file">{t('backup.refused.file', { name: fileName })}</p>
      <p>{t('backup.refused.nothingChanged')}</p>
    </div>
  );
}
