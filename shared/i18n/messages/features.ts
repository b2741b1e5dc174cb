import { agreementsMessages } from './agreements';
import { attachmentsMessages } from './attachments';
import { attachmentsCoreMessages } from './attachmentsCore';
import { attachmentsSyncMessages } from './attachmentsSync';
import { backupMessages } from './backup';
import { demoMessages } from './demo';
import { exportsMessages } from './exports';
import { followUpsMessages } from './followUps';
import { hostsMessages } from './hosts';
import { problemsMessages } from './problems';
import { reconcileMessages } from './reconcile';
import { reportMessages } from './report';
import { reviewMessages } from './review';
import { searchMessages } from './search';
import { syncMessages } from './sync';
import { teamMessages } from './team';
import { tripHomeMessages } from './tripHome';
import { tripsMessages } from './trips';
import { visitsMessages } from './visits';

/**
 * The per-feature message files, merged into one dictionary. Each feature owns its file so that
 * screens can be worked on side by side without touching each other's strings.
 * Keys are prefixed by feature ("visits.form.host") so files never collide.
 */
export const featureMessages = {
  ...attachmentsSyncMessages,
  ...attachmentsCoreMessages,
  ...tripsMessages,
  ...tripHomeMessages,
  ...teamMessages,
  ...hostsMessages,
  ...visitsMessages,
  ...problemsMessages,
  ...agreementsMessages,
  ...followUpsMessages,
  ...searchMessages,
  ...demoMessages,
  ...syncMessages,
  ...reviewMessages,
  ...reconcileMessages,
  ...reportMessages,
  ...exportsMessages,
  ...backupMessages,
  ...attachmentsMessages,
};
