import type { MessageKey } from '../../../shared/i18n';
import type { RecordTable } from '../../../shared/schemas';
import type { RefusalReason } from '../../../shared/sync/protocol';
import type { SyncProblem } from '../../sync/errors';

/** Message keys for the codes the sync layer reports, so screens word them in the user's language. */
export const PROBLEM_TEXT: Record<SyncProblem, MessageKey> = {
  network: 'sync.problem.network',
  unauthorized: 'sync.problem.unauthorized',
  outdated: 'sync.problem.outdated',
  clock_drift: 'sync.problem.clock_drift',
  server: 'sync.problem.server',
  request: 'sync.problem.request',
  unknown: 'sync.problem.unknown',
};

export const REASON_TEXT: Record<RefusalReason, MessageKey> = {
  validation: 'sync.reason.validation',
  permission: 'sync.reason.permission',
  clock_drift: 'sync.reason.clock_drift',
  locked: 'sync.reason.locked',
  malformed: 'sync.reason.malformed',
};

export const REASON_HELP: Record<RefusalReason, MessageKey> = {
  validation: 'sync.reasonHelp.validation',
  permission: 'sync.reasonHelp.permission',
  clock_drift: 'sync.reasonHelp.clock_drift',
  locked: 'sync.reasonHelp.locked',
  malformed: 'sync.reasonHelp.malformed',
};

export const TABLE_TEXT: Record<RecordTable, MessageKey> = {
  trips: 'sync.table.trips',
  experts: 'sync.table.experts',
  tripMembers: 'sync.table.tripMembers',
  hosts: 'sync.table.hosts',
  needs: 'sync.table.needs',
  visits: 'sync.table.visits',
  problems: 'sync.table.problems',
  recommendations: 'sync.table.recommendations',
  agreements: 'sync.table.agreements',
  followUps: 'sync.table.followUps',
  comments: 'sync.table.comments',
  merges: 'sync.table.merges',
  conflicts: 'sync.table.conflicts',
  attachments: 'sync.table.attachments',
};

const FIELD_TEXT: Record<string, MessageKey> = {
  title: 'sync.field.title',
  name: 'sync.field.name',
  region: 'sync.field.region',
  startDate: 'sync.field.startDate',
  endDate: 'sync.field.endDate',
  status: 'sync.field.status',
  date: 'sync.field.date',
  tripId: 'sync.field.tripId',
  hostId: 'sync.field.hostId',
  visitId: 'sync.field.visitId',
  expertId: 'sync.field.expertId',
  expertIds: 'sync.field.expertIds',
  activities: 'sync.field.activities',
  creditCode: 'sync.field.creditCode',
  email: 'sync.field.email',
  signedDate: 'sync.field.signedDate',
  termEnd: 'sync.field.termEnd',
  amount: 'sync.field.amount',
  action: 'sync.field.action',
  dueDate: 'sync.field.dueDate',
  text: 'sync.field.text',
  description: 'sync.field.description',
  notes: 'sync.field.notes',
};

/** The field's name in words when we have them, else its path as the server gave it. */
export function fieldKey(path: readonly (string | number)[]): MessageKey | null {
  const head = path[0];
  return typeof head === 'string' ? (FIELD_TEXT[head] ?? null) : null;
}
