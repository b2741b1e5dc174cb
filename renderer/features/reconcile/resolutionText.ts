import type { MessageKey } from '../../../shared/i18n';
import type { conflictResolutions } from '../../../shared/schemas';

/** How each resolution of a conflict reads in the resolved list ("保留了当前值"). */
export const RESOLUTION_TEXT: Record<(typeof conflictResolutions)[number], MessageKey> = {
  open: 'reconcile.resolution.open',
  kept_current: 'reconcile.resolution.kept_current',
  kept_other: 'reconcile.resolution.kept_other',
  edited: 'reconcile.resolution.edited',
};
