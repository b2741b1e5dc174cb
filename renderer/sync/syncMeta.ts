import type { AppDatabase } from '../db/database';
import type { SyncUser } from './transport';

/**
 * Sync bookkeeping kept in the `meta` table (one row per key). The token is NOT here: it lives with
 * the platform (Electron: the main process's safeStorage), keyed by the server address.
 *
 * Cursors belong to one server: signing in to a different address forgets them (see session.ts).
 */
export const SYNC_META = {
  serverUrl: 'sync.serverUrl',
  user: 'sync.user',
  lastUsername: 'sync.lastUsername',
  cursors: 'sync.cursors',
  scopes: 'sync.scopes',
  lastSyncAt: 'sync.lastSyncAt',
} as const;

export type Cursors = Record<string, number>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export async function readCursors(db: AppDatabase): Promise<Cursors> {
  const value = (await db.meta.get(SYNC_META.cursors))?.value;
  const out: Cursors = {};
  if (isRecord(value))
    for (const [scope, seq] of Object.entries(value)) if (typeof seq === 'number') out[scope] = seq;
  return out;
}

export async function readScopes(db: AppDatabase): Promise<string[]> {
  const value = (await db.meta.get(SYNC_META.scopes))?.value;
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

export async function readServerUrl(db: AppDatabase): Promise<string | null> {
  const value = (await db.meta.get(SYNC_META.serverUrl))?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

export async function readUser(db: AppDatabase): Promise<SyncUser | null> {
  const value = (await db.meta.get(SYNC_META.user))?.value;
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.username !== 'string') return null;
  return value as SyncUser;
}

export async function readLastUsername(db: AppDatabase): Promise<string> {
  const value = (await db.meta.get(SYNC_META.lastUsername))?.value;
  return typeof value === 'string' ? value : '';
}

export async function readLastSyncAt(db: AppDatabase): Promise<number | null> {
  const value = (await db.meta.get(SYNC_META.lastSyncAt))?.value;
  return typeof value === 'number' ? value : null;
}
