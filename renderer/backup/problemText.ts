import type { BackupProblem } from '../../shared/backup/format';
import type { Lang } from '../../shared/enums';
import { formatIssue, type MessageKey, translate } from '../../shared/i18n';
import type { RecordTable } from '../../shared/schemas';
import { fieldTextKey } from '../i18n/fieldNames';

/** The backup's record tables in words (plural: they label counts and lists). */
export const BACKUP_TABLE_TEXT: Record<RecordTable, MessageKey> = {
  trips: 'backup.table.trips',
  experts: 'backup.table.experts',
  tripMembers: 'backup.table.tripMembers',
  hosts: 'backup.table.hosts',
  needs: 'backup.table.needs',
  visits: 'backup.table.visits',
  problems: 'backup.table.problems',
  recommendations: 'backup.table.recommendations',
  agreements: 'backup.table.agreements',
  followUps: 'backup.table.followUps',
  comments: 'backup.table.comments',
  merges: 'backup.table.merges',
  conflicts: 'backup.table.conflicts',
  attachments: 'backup.table.attachments',
};

/** "about 7 minutes / 3 hours / 365 days": a clock 365 days off is a date setting, say it that way. */
function aheadText(lang: Lang, minutes: number): string {
  if (minutes < 120) return translate(lang, 'backup.time.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return translate(lang, 'backup.time.hours', { n: hours });
  return translate(lang, 'backup.time.days', { n: Math.round(hours / 24) });
}

/** Why a backup was refused, in words a person can act on. */
export function problemText(lang: Lang, problem: BackupProblem): string {
  switch (problem.code) {
    case 'not_backup':
      return translate(lang, 'backup.problem.not_backup');
    case 'newer_version':
      return translate(lang, 'backup.problem.newer_version');
    case 'damaged':
      return translate(lang, 'backup.problem.damaged');
    case 'invalid_record': {
      const table = translate(lang, BACKUP_TABLE_TEXT[problem.table]);
      const issue = formatIssue(problem.issue, lang);
      const params = { position: problem.position, table, id: problem.recordId, issue };
      if (problem.field === '') return translate(lang, 'backup.problem.invalid_recordNoField', params);
      const key = fieldTextKey(problem.table, problem.field.split('.')[0] ?? '');
      const field = key ? translate(lang, key) : problem.field;
      return translate(lang, 'backup.problem.invalid_record', { ...params, field });
    }
    case 'foreign_record':
      return translate(lang, 'backup.problem.foreign_record', {
        table: translate(lang, BACKUP_TABLE_TEXT[problem.table]),
        id: problem.recordId,
      });
    case 'id_clash':
      return translate(lang, 'backup.problem.id_clash', {
        table: translate(lang, BACKUP_TABLE_TEXT[problem.table]),
        id: problem.recordId,
      });
    case 'file_damaged':
      // The first 12 hex digits identify the file in the archive without a wall of characters.
      return translate(lang, 'backup.problem.file_damaged', { hash: problem.hash.slice(0, 12) });
    case 'clock_ahead':
      return translate(lang, 'backup.problem.clock_ahead', { amount: aheadText(lang, problem.minutes) });
  }
}
