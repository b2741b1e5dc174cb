import { create } from 'zustand';
import type { EngineStatus } from './engine';
import type { SyncProblem } from './errors';
import type { SyncUser } from './transport';

/**
 * Sync status for the screens: session (who, which server), connection, the engine's progress and the
 * counts of waiting and refused changes. Session state only — never copies of records. Filled by
 * runtime.ts from the engine, the `meta` table and live counts of the outbox and quarantine.
 */
export type SyncStatusState = {
  serverUrl: string | null;
  user: SyncUser | null;
  /** The engine is running (signed in and started). */
  active: boolean;
  syncing: boolean;
  /** The device has a network and the server answered the last request. */
  online: boolean;
  lastSyncAt: number | null;
  lastError: SyncProblem | null;
  lastErrorDetail: string | null;
  nextRetryAt: number | null;
  unsent: number;
  quarantined: number;
};

const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export const initialSyncStatus = (): SyncStatusState => ({
  serverUrl: null,
  user: null,
  active: false,
  syncing: false,
  online: browserOnline(),
  lastSyncAt: null,
  lastError: null,
  lastErrorDetail: null,
  nextRetryAt: null,
  unsent: 0,
  quarantined: 0,
});

export const useSyncStatus = create<SyncStatusState>()(() => initialSyncStatus());

export function applyEngineStatus(status: EngineStatus): void {
  useSyncStatus.setState((s) => ({
    active: status.started,
    syncing: status.syncing,
    online: status.online,
    lastSyncAt: status.lastSyncAt ?? s.lastSyncAt,
    lastError: status.lastError,
    lastErrorDetail: status.lastErrorDetail,
    nextRetryAt: status.nextRetryAt,
  }));
}

export function setSyncSession(session: Partial<Pick<SyncStatusState, 'serverUrl' | 'user' | 'lastSyncAt'>>) {
  useSyncStatus.setState(session);
}

export function setSyncCounts(unsent: number, quarantined: number): void {
  useSyncStatus.setState({ unsent, quarantined });
}

export function setSyncProblem(lastError: SyncProblem | null, lastErrorDetail: string | null = null): void {
  useSyncStatus.setState({ lastError, lastErrorDetail });
}
