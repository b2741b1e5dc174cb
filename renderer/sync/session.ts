import type { AppDatabase } from '../db/database';
import { getDb } from '../db/database';
import { getPlatform } from '../platform';
import type { Platform } from '../platform/platform';
import { SyncError } from './errors';
import { readServerUrl, SYNC_META } from './syncMeta';
import {
  createHttpTransport,
  type HttpTransport,
  type HttpTransportOptions,
  type SyncUser,
} from './transport';

/**
 * Signing in and out. The token goes to the platform only (Electron: the main process's safeStorage;
 * web: its adapter), keyed by the server address; the database keeps the address and the user's name so
 * the screens can show them and the form can be pre-filled.
 *
 * Signing out never touches records or the outbox: work recorded meanwhile is uploaded after the next
 * sign-in, and the app keeps working without any account at all.
 */
export type TokenStore = Pick<Platform, 'getToken' | 'setToken' | 'clearToken'>;

export type SessionDeps = {
  db?: AppDatabase;
  tokens?: TokenStore;
  createTransport?: (options: HttpTransportOptions) => HttpTransport;
};

const resolve = (deps: SessionDeps) => ({
  db: deps.db ?? getDb(),
  tokens: deps.tokens ?? getPlatform(),
  createTransport: deps.createTransport ?? createHttpTransport,
});

/**
 * The server address in one canonical form (scheme, host, port, path without trailing slash), or null
 * if it is not a usable http(s) address. A bare host name gets https://.
 */
export function normaliseServerUrl(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const withScheme = hasScheme ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password || url.search || url.hash) return null;
  // Typed without a scheme, a host needs a dot, a port or to be localhost: "abc" alone is almost surely
  // a typo. With http(s):// spelled out, an intranet name such as http://syncserver is meant.
  const plainName = !url.hostname.includes('.') && !url.port && url.hostname !== 'localhost';
  if (!hasScheme && plainName) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export async function signIn(
  input: { serverUrl: string; username: string; password: string },
  deps: SessionDeps = {},
): Promise<SyncUser> {
  const { db, tokens, createTransport } = resolve(deps);
  const serverUrl = normaliseServerUrl(input.serverUrl);
  if (!serverUrl) throw new SyncError('request', 'Not a server address', undefined, 'invalid_url');
  const transport = createTransport({ baseUrl: serverUrl, getToken: () => null, timeoutMs: 20_000 });
  const { token, user } = await transport.login(input.username.trim(), input.password);
  await tokens.setToken(serverUrl, token);
  await db.transaction('rw', [db.meta, db.held], async () => {
    const previous = await readServerUrl(db);
    if (previous !== serverUrl) {
      // Cursors and held values describe another server's history.
      await db.meta.bulkDelete([SYNC_META.cursors, SYNC_META.scopes, SYNC_META.lastSyncAt]);
      await db.held.clear();
    }
    await db.meta.bulkPut([
      { key: SYNC_META.serverUrl, value: serverUrl },
      { key: SYNC_META.user, value: user },
      { key: SYNC_META.lastUsername, value: user.username },
    ]);
  });
  return user;
}

/** Revokes the token on the server when it can be reached, and forgets it here in any case. */
export async function signOut(deps: SessionDeps = {}): Promise<{ revoked: boolean }> {
  const { db, tokens, createTransport } = resolve(deps);
  const serverUrl = await readServerUrl(db);
  let revoked = false;
  if (serverUrl) {
    const token = await tokens.getToken(serverUrl).catch(() => null);
    if (token) {
      try {
        await createTransport({ baseUrl: serverUrl, getToken: () => token, timeoutMs: 5_000 }).logout();
        revoked = true;
      } catch {
        // Offline or already expired: the token is forgotten here, and expires on the server by itself.
      }
    }
    await tokens.clearToken(serverUrl);
  }
  await db.meta.delete(SYNC_META.user);
  return { revoked };
}

/** After a 401: the token is useless, so forget it and the user; the form is pre-filled to sign in again. */
export async function forgetSession(deps: SessionDeps = {}): Promise<void> {
  const { db, tokens } = resolve(deps);
  const serverUrl = await readServerUrl(db);
  if (serverUrl) await tokens.clearToken(serverUrl).catch(() => undefined);
  await db.meta.delete(SYNC_META.user);
}
