import { type FormEvent, useEffect, useState } from 'react';
import { Field, FormError, TextField } from '../../components/form';
import { useT } from '../../i18n/useT';
import { SyncError } from '../../sync/errors';
import { signInAndSync } from '../../sync/runtime';
import { normaliseServerUrl } from '../../sync/session';

type Errors = Partial<Record<'serverUrl' | 'username' | 'password', string>>;
type Failure =
  | { key: 'sync.signIn.wrongPassword' | 'sync.signIn.tooMany' | 'sync.signIn.unreachable' }
  | { key: 'sync.signIn.notServer' | 'sync.problem.outdated' | 'sync.problem.server' }
  | { key: 'sync.signIn.failed'; message: string };

function failureOf(error: unknown): Failure {
  if (error instanceof SyncError) {
    if (error.kind === 'unauthorized') return { key: 'sync.signIn.wrongPassword' };
    if (error.kind === 'network') return { key: 'sync.signIn.unreachable' };
    if (error.kind === 'outdated') return { key: 'sync.problem.outdated' };
    if (error.status === 429) return { key: 'sync.signIn.tooMany' };
    if (error.status === 404 || error.status === 405 || (error.kind === 'server' && error.status === 200))
      return { key: 'sync.signIn.notServer' };
    if (error.kind === 'server') return { key: 'sync.problem.server' };
  }
  return { key: 'sync.signIn.failed', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Sign-in: the server address (checked before anything is sent, remembered for next time), user name
 * and password. Input is never cleared on failure, except the password after a success.
 */
export function SignInForm({
  defaultServerUrl,
  defaultUsername,
  expired,
}: {
  defaultServerUrl: string;
  defaultUsername: string;
  expired: boolean;
}) {
  const t = useT();
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [username, setUsername] = useState(defaultUsername);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  // The remembered values arrive from the database after the first render.
  useEffect(() => {
    if (defaultServerUrl) setServerUrl((v) => v || defaultServerUrl);
  }, [defaultServerUrl]);
  useEffect(() => {
    if (defaultUsername) setUsername((v) => v || defaultUsername);
  }, [defaultUsername]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Errors = {};
    const url = normaliseServerUrl(serverUrl);
    if (!url) next.serverUrl = t('sync.signIn.badUrl');
    if (!username.trim()) next.username = t('v.required');
    if (!password) next.password = t('v.required');
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length > 0 || !url) return;
    setBusy(true);
    try {
      await signInAndSync({ serverUrl: url, username, password });
      setPassword('');
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form sync-signin" onSubmit={submit} noValidate aria-label={t('sync.signIn.title')}>
      {expired ? <p className="sync-note sync-note--warn">{t('sync.signIn.expired')}</p> : null}
      <Field
        label={t('sync.signIn.server')}
        error={errors.serverUrl}
        hint={t('sync.signIn.serverHint')}
        required
      >
        {(id, describedBy) => (
          <input
            id={id}
            name="serverUrl"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://sync.example.cn"
            value={serverUrl}
            aria-invalid={errors.serverUrl ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setServerUrl(e.target.value);
              if (errors.serverUrl) setErrors((x) => ({ ...x, serverUrl: undefined }));
            }}
            onBlur={() => {
              // Show the canonical form (https:// added, trailing slash gone): what will be used.
              const url = normaliseServerUrl(serverUrl);
              if (url) setServerUrl(url);
            }}
          />
        )}
      </Field>
      <TextField
        label={t('sync.signIn.username')}
        name="username"
        value={username}
        onChange={setUsername}
        error={errors.username}
        required
      />
      <Field label={t('sync.signIn.password')} error={errors.password} required>
        {(id, describedBy) => (
          <input
            id={id}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <FormError
        message={
          failure
            ? failure.key === 'sync.signIn.failed'
              ? t(failure.key, { message: failure.message })
              : t(failure.key)
            : null
        }
      />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('sync.signIn.submitting') : t('sync.signIn.submit')}
        </button>
      </div>
    </form>
  );
}
