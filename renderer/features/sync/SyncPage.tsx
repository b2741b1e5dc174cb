import { PageHeader, Panel } from '../../components/layout';
import { useOutboxCount } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { useSyncStatus } from '../../sync/status';
import { AccountPanel } from './AccountPanel';
import { QuarantinePanel } from './QuarantinePanel';
import { SignInForm } from './SignInForm';
import { UploadsPanel } from './UploadsPanel';
import { useSyncSession } from './useSyncSession';
import './sync.css';

/**
 * The 同步 screen: sign in (the app works without it), see how sync is doing, and deal with changes
 * the server refused.
 */
export function SyncPage() {
  const t = useT();
  const session = useSyncSession();
  const lastError = useSyncStatus((s) => s.lastError);
  const unsent = useOutboxCount();

  return (
    <>
      <PageHeader title={t('sync.title')} subtitle={t('sync.subtitle')} />
      {session === undefined ? (
        <p className="muted">{t('state.loading')}</p>
      ) : (
        <div className="sync-layout">
          {session.user && session.serverUrl ? (
            <AccountPanel user={session.user} serverUrl={session.serverUrl} lastSyncAt={session.lastSyncAt} />
          ) : (
            <Panel title={t('sync.signIn.title')}>
              <SignInForm
                defaultServerUrl={session.serverUrl ?? ''}
                defaultUsername={session.lastUsername}
                expired={lastError === 'unauthorized'}
              />
            </Panel>
          )}
          {session.user ? null : (
            <Panel title={t('sync.localOnly.title')} className="sync-local">
              <p>{t('sync.localOnly.body')}</p>
              {unsent > 0 ? (
                <p className="sync-note">{t('sync.localOnly.pending', { count: unsent })}</p>
              ) : null}
            </Panel>
          )}
        </div>
      )}
      <UploadsPanel />
      <QuarantinePanel />
    </>
  );
}
