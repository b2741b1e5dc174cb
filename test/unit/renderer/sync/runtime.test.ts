import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../../renderer/data/repository';
import type { AppDatabase } from '../../../../renderer/db/database';
import { SyncError } from '../../../../renderer/sync/errors';
import { getSyncEngine, signInAndSync, signOutAndStop, stopSync } from '../../../../renderer/sync/runtime';
import type { SessionDeps, TokenStore } from '../../../../renderer/sync/session';
import { initialSyncStatus, useSyncStatus } from '../../../../renderer/sync/status';
import { readCursors, readServerUrl, readUser, SYNC_META } from '../../../../renderer/sync/syncMeta';
import type { HttpTransport } from '../../../../renderer/sync/transport';
import { FakeSyncServer } from './fakeServer';
import { freshDevice, tripInput } from './helpers';

const user = { id: 'u1', username: 'lisi', displayName: '李四', role: 'organiser' as const };

function harness(db: AppDatabase) {
  const server = new FakeSyncServer();
  const tokens = new Map<string, string>();
  const store: TokenStore = {
    getToken: async (url) => tokens.get(url) ?? null,
    setToken: async (url, token) => void tokens.set(url, token),
    clearToken: async (url) => void tokens.delete(url),
  };
  const revoked: string[] = [];
  const deps: SessionDeps = {
    db,
    tokens: store,
    createTransport: (options): HttpTransport => ({
      ...server.transport(),
      login: async (username, password) => {
        if (password !== 'pw') throw new SyncError('unauthorized', 'wrong', 401);
        return { token: `token-for-${username}`, user };
      },
      logout: async () => {
        revoked.push(String(await options.getToken()));
      },
      me: async () => user,
    }),
  };
  return { server, tokens, deps, revoked };
}

let db: AppDatabase;
beforeEach(() => {
  db = freshDevice();
  useSyncStatus.setState(initialSyncStatus());
});
afterEach(() => stopSync());

const signInInput = { serverUrl: 'https://sync.example.cn/', username: 'lisi', password: 'pw' };

describe('sync session', () => {
  it('signing in stores the token with the platform only, and uploads what was recorded offline', async () => {
    const { server, tokens, deps } = harness(db);
    await createRecord('trips', tripInput(), db);
    await signInAndSync(signInInput, deps);
    expect(tokens.get('https://sync.example.cn')).toBe('token-for-lisi');
    expect(await readUser(db)).toEqual(user);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('token-for-lisi');
    await getSyncEngine()?.whenIdle();
    expect(await db.outbox.count()).toBe(0);
    expect(server.records.size).toBe(1);
    expect(useSyncStatus.getState()).toMatchObject({
      user,
      serverUrl: 'https://sync.example.cn',
      active: true,
    });
  });

  it('a wrong password changes nothing', async () => {
    const { tokens, deps } = harness(db);
    await expect(signInAndSync({ ...signInInput, password: 'nope' }, deps)).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(tokens.size).toBe(0);
    expect(await readServerUrl(db)).toBeNull();
    expect(getSyncEngine()).toBeNull();
  });

  it('an expired token stops syncing and asks for a new sign-in, keeping every record', async () => {
    const { server, tokens, deps } = harness(db);
    await signInAndSync(signInInput, deps);
    await getSyncEngine()?.whenIdle();
    await createRecord('trips', tripInput(), db);
    server.failNext('push', new SyncError('unauthorized', 'expired', 401));
    await getSyncEngine()
      ?.syncNow()
      .catch(() => undefined);
    await expect.poll(() => getSyncEngine()).toBeNull();
    expect(tokens.size).toBe(0);
    expect(await readUser(db)).toBeNull();
    expect(await readServerUrl(db)).toBe('https://sync.example.cn');
    expect(useSyncStatus.getState()).toMatchObject({ user: null, lastError: 'unauthorized' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('signing out revokes the token and keeps local data and unsent changes', async () => {
    const { tokens, deps, revoked } = harness(db);
    await signInAndSync(signInInput, deps);
    await getSyncEngine()?.whenIdle();
    await stopSync();
    await createRecord('trips', tripInput(), db);
    const result = await signOutAndStop(deps);
    expect(result.revoked).toBe(true);
    expect(revoked).toEqual(['token-for-lisi']);
    expect(tokens.size).toBe(0);
    expect(await readUser(db)).toBeNull();
    expect(await db.trips.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    // The address is remembered for the next sign-in.
    expect(await readServerUrl(db)).toBe('https://sync.example.cn');
  });

  it('signing in to another server forgets the old server’s cursors', async () => {
    const { server, deps } = harness(db);
    server.readable = new Set(['directory']);
    await db.meta.bulkPut([
      { key: SYNC_META.serverUrl, value: 'https://old.example.cn' },
      { key: SYNC_META.cursors, value: { directory: 42 } },
    ]);
    await signInAndSync(signInInput, deps);
    await getSyncEngine()?.whenIdle();
    // Pulled from the start of the new server's history, not from the old server's position 42.
    expect(await readCursors(db)).toEqual({ directory: 0 });
  });
});
