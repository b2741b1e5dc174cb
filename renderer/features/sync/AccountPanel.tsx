import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ConfirmDeletePanel } from '../../components/ConfirmDelete';
import { Badge, Panel } from '../../components/layout';
import { useOutboxCount } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { signOutAndStop, syncNow } from '../../sync/runtime';
import { useSyncStatus } from '../../sync/status';
import type { SyncUser } from '../../sync/transport';
import { formatSince, formatTime } from './time';
import { PROBLEM_TEXT } from './words';

const ROLE_TEXT = {
  admin: 'sync.role.admin',
  organiser: 'sync.role.organiser',
  expert: 'sync.role.expert',
} as const;

/** Re-renders every half minute so "3 分钟前" stays true. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Who is signed in where, how sync is doing, and the "sync now" and "sign out" buttons. */
export function AccountPanel({
  user,
  serverUrl,
  lastSyncAt,
}: {
  user: SyncUser;
  serverUrl: string;
  lastSyncAt: number | null;
}) {
  const t = useT();
  const now = useNow();
  const s = useSyncStatus(
    useShallow((x) => ({
      syncing: x.syncing,
      online: x.online,
      active: x.active,
      lastError: x.lastError,
      nextRetryAt: x.nextRetryAt,
      lastSyncAt: x.lastSyncAt,
    })),
  );
  const unsent = useOutboxCount();
  const [signingOut, setSigningOut] = useState(false);
  const last = s.lastSyncAt ?? lastSyncAt;
  const state = s.syncing ? 'sync.state.syncing' : s.online ? 'sync.state.online' : 'sync.state.offline';

  return (
    <Panel title={t('sync.account.title')}>
      <dl className="sync-facts">
        <dt>{t('sync.account.user')}</dt>
        <dd>
          <strong>{user.displayName || user.username}</strong>{' '}
          {user.displayName && user.displayName !== user.username ? (
            <>
              <span className="muted">({user.username})</span>{' '}
            </>
          ) : null}
          <Badge tone="info">{t(ROLE_TEXT[user.role])}</Badge>
        </dd>
        <dt>{t('sync.account.server')}</dt>
        <dd className="sync-facts__url">{serverUrl}</dd>
        <dt>{t('sync.account.state')}</dt>
        <dd>
          <Badge tone={s.syncing ? 'info' : s.online ? 'good' : 'neutral'}>{t(state)}</Badge>
        </dd>
        <dt>{t('sync.account.lastSync')}</dt>
        <dd>{last ? formatSince(t, last, now) : t('sync.account.never')}</dd>
        <dt>{t('sync.account.unsent')}</dt>
        <dd data-testid="sync-unsent">{t('sync.account.count', { count: unsent })}</dd>
      </dl>
      {s.lastError ? (
        <div className="sync-note sync-note--warn" role="status">
          <div>{t(PROBLEM_TEXT[s.lastError])}</div>
          {s.nextRetryAt ? (
            <div className="sync-note__sub">
              {t('sync.account.nextRetry', { time: formatTime(t.lang, s.nextRetryAt) })}
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions sync-actions">
        <button
          type="button"
          className="btn btn--primary"
          disabled={s.syncing || !s.active}
          onClick={() => void syncNow()}
        >
          {s.syncing ? t('sync.state.syncing') : t('sync.syncNow')}
        </button>
        <ConfirmDeletePanel
          trigger={t('sync.signOut')}
          label={t('sync.signOut')}
          question={t('sync.signOut.confirm', { count: unsent })}
          confirm={t('sync.signOut')}
          onConfirm={() => {
            if (signingOut) return;
            setSigningOut(true);
            // The screen follows the stored session: it shows the sign-in form once the user is gone.
            void signOutAndStop().finally(() => setSigningOut(false));
          }}
        />
      </div>
    </Panel>
  );
}
