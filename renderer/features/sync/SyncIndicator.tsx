import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../../shared/i18n';
import { useOutboxCount } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { useSyncStatus } from '../../sync/status';
import { useQuarantineCount } from './useQuarantine';
import './sync.css';

type Tone = 'idle' | 'good' | 'busy' | 'warn';

/** The top bar's sync status: connection, progress, unsent count, and a red dot for refused changes. */
export function SyncIndicator() {
  const t = useT();
  const s = useSyncStatus(
    useShallow((state) => ({
      user: state.user,
      syncing: state.syncing,
      online: state.online,
      active: state.active,
      lastError: state.lastError,
    })),
  );
  // Counted live here (not from the store) so the indicator is right wherever it is rendered.
  const unsent = useOutboxCount();
  const quarantined = useQuarantineCount();
  let label: MessageKey;
  let tone: Tone;
  if (!s.user) {
    label = s.lastError === 'unauthorized' ? 'sync.state.signInAgain' : 'sync.state.localOnly';
    tone = s.lastError === 'unauthorized' ? 'warn' : 'idle';
  } else if (s.syncing) {
    label = 'sync.state.syncing';
    tone = 'busy';
  } else if (!s.online) {
    label = 'sync.state.offline';
    tone = 'idle';
  } else {
    label = 'sync.state.online';
    tone = s.lastError ? 'warn' : 'good';
  }
  const parts = [t(label)];
  if (unsent > 0) parts.push(t('sync.state.unsent', { count: unsent }));
  if (quarantined > 0) parts.push(t('sync.state.quarantined', { count: quarantined }));
  return (
    <Link
      to="/sync"
      className="sync-indicator"
      aria-label={`${t('sync.indicator.label')}: ${parts.join(',')}`}
      title={parts.join(' · ')}
      data-testid="sync-indicator"
    >
      <span className={`sync-indicator__dot sync-indicator__dot--${tone}`} aria-hidden />
      <span>{t(label)}</span>
      {unsent > 0 ? (
        <span className="sync-indicator__unsent">{t('sync.state.unsent', { count: unsent })}</span>
      ) : null}
      {quarantined > 0 ? <span className="sync-indicator__alert" aria-hidden /> : null}
    </Link>
  );
}
