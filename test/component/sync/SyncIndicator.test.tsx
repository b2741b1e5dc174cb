// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { SyncIndicator } from '../../../renderer/features/sync/SyncIndicator';
import { useSyncStatus } from '../../../renderer/sync/status';
import { newId } from '../../../shared/ids';
import { freshSyncTest } from './fixtures';

let db: AppDatabase;
beforeEach(() => {
  db = freshSyncTest();
});
afterEach(cleanup);

const trip = (title: string) =>
  createRecord('trips', { title, region: '璧山', startDate: '2025-06-23', endDate: '2025-06-25' });

function renderIndicator() {
  render(
    <MemoryRouter>
      <SyncIndicator />
    </MemoryRouter>,
  );
  return screen.getByTestId('sync-indicator');
}

describe('sync status indicator', () => {
  it('shows how many changes wait to be uploaded, and links to the sync screen', async () => {
    const indicator = renderIndicator();
    expect(indicator).toHaveTextContent('仅本机');
    expect(indicator).not.toHaveTextContent('待上传');
    await trip('一');
    await trip('二');
    await waitFor(() => expect(indicator).toHaveTextContent('2 条待上传'));
    expect(indicator).toHaveAttribute('href', '/sync');
  });

  it('follows the engine: syncing, offline, online', async () => {
    const indicator = renderIndicator();
    const user = { id: 'u', username: 'li', displayName: '李', role: 'expert' as const };
    act(() => useSyncStatus.setState({ user, active: true, syncing: true, online: true }));
    expect(indicator).toHaveTextContent('同步中…');
    act(() => useSyncStatus.setState({ syncing: false, online: false, lastError: 'network' }));
    expect(indicator).toHaveTextContent('离线');
    act(() => useSyncStatus.setState({ online: true, lastError: null }));
    expect(indicator).toHaveTextContent('在线');
    act(() => useSyncStatus.setState({ user: null, lastError: 'unauthorized' }));
    expect(indicator).toHaveTextContent('需重新登录');
  });

  it('puts a red dot on it while the server has refused changes', async () => {
    const indicator = renderIndicator();
    expect(indicator.querySelector('.sync-indicator__alert')).toBeNull();
    await db.quarantine.put({
      mutationId: newId(),
      table: 'trips',
      recordId: newId(),
      scope: 'x',
      changes: { title: '' },
      stamps: { title: '000001750000000-0000-abc' },
      baseStamps: { title: null },
      createdAt: new Date().toISOString(),
      reason: 'permission',
      message: 'Not a member',
      refusedAt: new Date().toISOString(),
    });
    await waitFor(() => expect(indicator.querySelector('.sync-indicator__alert')).not.toBeNull());
    expect(indicator).toHaveAccessibleName(/1 条更改被服务器拒绝/);
  });
});
