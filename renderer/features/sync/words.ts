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
