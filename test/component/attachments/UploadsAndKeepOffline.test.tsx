// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isKeptOffline } from '../../../renderer/attachments/sync/keepOffline';
import { markFailed } from '../../../renderer/attachments/sync/uploadRows';
import { createRecord } from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { UploadsPanel } from '../../../renderer/features/sync/UploadsPanel';
import { KeepOfflineSwitch } from '../../../renderer/features/tripHome/KeepOfflineSwitch';

let db: AppDatabase;
beforeEach(() => {
  db = new AppDatabase(`test-${crypto.randomUUID()}`);
  setDb(db);
});
afterEach(cleanup);

const H = (c: string) => c.repeat(64);
const upload = (hash: string, tripId: string) => ({
  hash,
  tripId,
  size: 10,
  type: 'image/jpeg' as const,
  createdAt: 1,
});

/** A trip whose record was created on this device (so it waits in the outbox until a sync). */
const newTrip = (title: string) =>
  createRecord('trips', { title, region: '璧山', startDate: '2025-06-23', endDate: '2025-06-25' }, db);

describe('the sync page’s upload panel', () => {
  it('says everything is uploaded when nothing waits', async () => {
    render(<UploadsPanel />);
    expect(await screen.findByTestId('uploads-empty')).toHaveTextContent('所有照片、扫描件和签名都已上传。');
  });

  it('counts waiting files, says when they wait for the trip, and lists a refusal with its reason and 重试', async () => {
    const trip = await newTrip('走进璧山');
    const visitId = crypto.randomUUID();
    await createRecord(
      'attachments',
      {
        tripId: trip.id,
        recordTable: 'visits',
        recordId: visitId,
        kind: 'scan',
        hash: H('b'),
        type: 'application/pdf',
        size: 10,
        name: '协议扫描.pdf',
      },
      db,
    );
    await db.blobUploads.bulkAdd([upload(H('a'), trip.id), upload(H('b'), trip.id)]);
    await markFailed(db, H('b'), {
      code: 'blob_too_large',
      message: 'too large',
      details: { size: 60 * 1024 * 1024, maxBytes: 50 * 1024 * 1024 },
      failedAt: 5,
    });
    render(<UploadsPanel />);
    const item = await screen.findByTestId('uploads-trip');
    expect(item).toHaveTextContent('走进璧山');
    expect(item).toHaveTextContent('1 个文件等待上传');
    expect(item).toHaveTextContent('等待活动先同步');
    const failed = within(item).getByTestId('upload-failed');
    expect(failed).toHaveTextContent('协议扫描.pdf');
    expect(failed).toHaveTextContent('服务器最多接受 50 MB');

    fireEvent.click(within(failed).getByRole('button', { name: '重试 协议扫描.pdf' }));
    await waitFor(() => expect(screen.getByTestId('uploads-trip')).toHaveTextContent('2 个文件等待上传'));
    expect(screen.queryByTestId('upload-failed')).toBeNull();
    expect((await db.blobUploads.get(H('b')))?.state).toBe('pending');
  });

  it('does not say "waiting for the trip" once the trip record has synced', async () => {
    const trip = await newTrip('走进璧山');
    await db.outbox.clear();
    await db.blobUploads.add(upload(H('a'), trip.id));
    render(<UploadsPanel />);
    const item = await screen.findByTestId('uploads-trip');
    expect(item).toHaveTextContent('1 个文件等待上传');
    expect(item).not.toHaveTextContent('等待活动先同步');
  });
});

describe('the keep-offline switch', () => {
  it('is off by default, turns on at once, stores the choice and counts the files still to download', async () => {
    const trip = await newTrip('走进璧山');
    const base = {
      tripId: trip.id,
      recordTable: 'visits' as const,
      recordId: crypto.randomUUID(),
      kind: 'photo' as const,
      type: 'image/jpeg' as const,
      size: 10,
    };
    await createRecord('attachments', { ...base, hash: H('c'), name: '一.jpg' }, db);
    await createRecord('attachments', { ...base, hash: H('d'), name: '二.jpg' }, db);
    const now = Date.now();
    await db.blobs.put({
      hash: H('d'),
      blob: new Blob(['x']),
      type: 'image/jpeg',
      size: 1,
      createdAt: now,
      lastUsed: now,
    });

    render(<KeepOfflineSwitch tripId={trip.id} />);
    const toggle = await screen.findByRole('switch', { name: '离线保留本活动的照片和扫描件' });
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/下载到本机.*占用存储空间/);
    expect(screen.queryByTestId('keep-offline-status')).toBeNull();

    fireEvent.click(toggle);
    expect(toggle).toBeChecked();
    await waitFor(() =>
      expect(screen.getByTestId('keep-offline-status')).toHaveTextContent('还有 1 个文件待下载'),
    );
    expect(await isKeptOffline(trip.id, db)).toBe(true);

    await act(() =>
      db.blobs.put({
        hash: H('c'),
        blob: new Blob(['y']),
        type: 'image/jpeg',
        size: 1,
        createdAt: now,
        lastUsed: now,
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('keep-offline-status')).toHaveTextContent('全部文件都已在本机'),
    );

    fireEvent.click(toggle);
    await waitFor(() => expect(screen.queryByTestId('keep-offline-status')).toBeNull());
    expect(await isKeptOffline(trip.id, db)).toBe(false);
  });
});
