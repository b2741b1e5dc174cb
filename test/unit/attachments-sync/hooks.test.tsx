// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useUploadQueue } from '../../../renderer/attachments/sync/hooks';
import { setKeepOffline, useKeepOffline } from '../../../renderer/attachments/sync/keepOffline';
import { markFailed, retryFailedUpload } from '../../../renderer/attachments/sync/uploadRows';
import { AppDatabase, setDb } from '../../../renderer/db/database';

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`test-${crypto.randomUUID()}`);
  setDb(db);
});

const TRIP = '0190a0b0-aaaa-7000-8000-00000000000a';
const row = (hash: string) => ({ hash, tripId: TRIP, size: 10, type: 'image/jpeg' as const, createdAt: 1 });

describe('the screens’ view of transfers', () => {
  it('follows the keep-offline switch live', async () => {
    const { result } = renderHook(() => useKeepOffline(TRIP));
    expect(result.current).toBe(false);
    await act(() => setKeepOffline(TRIP, true));
    await waitFor(() => expect(result.current).toBe(true));
    await act(() => setKeepOffline(TRIP, false));
    await waitFor(() => expect(result.current).toBe(false));
  });

  it('counts waiting files and lists refused ones until they are retried', async () => {
    await db.blobUploads.bulkAdd([row('a'.repeat(64)), row('b'.repeat(64))]);
    const { result } = renderHook(() => useUploadQueue(TRIP));
    await waitFor(() => expect(result.current.waiting).toBe(2));
    await act(() =>
      markFailed(db, 'b'.repeat(64), { code: 'blob_too_large', message: 'too large', failedAt: 5 }),
    );
    await waitFor(() => expect(result.current.failed.map((r) => r.hash)).toEqual(['b'.repeat(64)]));
    expect(result.current.waiting).toBe(1);
    await act(() => retryFailedUpload('b'.repeat(64), db));
    await waitFor(() => expect(result.current).toEqual({ waiting: 2, failed: [] }));
  });
});
