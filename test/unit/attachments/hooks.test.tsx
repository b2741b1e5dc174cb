// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addSignature, removeAttachment } from '../../../renderer/attachments/edit';
import { setBlobFetcher } from '../../../renderer/attachments/fetcher';
import { useAttachments, useBlobUrl } from '../../../renderer/attachments/hooks';
import { freshWorld, PNG_BYTES } from './fixtures';

// jsdom has no object URLs; count what is created and revoked (the browser boundary).
const live = new Set<string>();
let counter = 0;
beforeEach(() => {
  live.clear();
  URL.createObjectURL = vi.fn(() => {
    const url = `blob:test/${++counter}`;
    live.add(url);
    return url;
  });
  URL.revokeObjectURL = vi.fn((url: string) => {
    live.delete(url);
  });
});
afterEach(() => setBlobFetcher(undefined));

const png = (n: number) => new Blob([PNG_BYTES, new Uint8Array([n])], { type: 'image/png' });

describe('attachment hooks', () => {
  it('lists live attachments in order and follows removals', async () => {
    const { db, target } = freshWorld('agreements');
    const a = await addSignature(target, '甲方', png(1), db);
    const b = await addSignature(target, '乙方', png(2), db);
    const { result } = renderHook(() => useAttachments('agreements', target.recordId));
    await waitFor(() => expect(result.current?.map((r) => r.id)).toEqual([a.id, b.id]));
    await act(() => removeAttachment(a.id, db));
    await waitFor(() => expect(result.current?.map((r) => r.id)).toEqual([b.id]));
  });

  it('gives an object URL for stored bytes and revokes it on unmount', async () => {
    const { db, target } = freshWorld('agreements');
    const sig = await addSignature(target, '甲方', png(1), db);
    const { result, unmount } = renderHook(() => useBlobUrl(sig.hash, 'thumb'));
    await waitFor(() => expect(result.current.state).toBe('ready'));
    expect(live.has(result.current.url ?? '')).toBe(true);
    unmount();
    expect(live.size).toBe(0);
  });

  it('is "loading" while bytes not on the device are downloaded, asks the fetcher once, and becomes ready when they arrive', async () => {
    const { db, target } = freshWorld('agreements');
    const sig = await addSignature(target, '甲方', png(1), db);
    const row = await db.blobs.get(sig.hash);
    await db.blobs.delete(sig.hash);
    const fetcher = vi.fn(async (hash: string) => {
      if (row) await db.blobs.put({ ...row, hash });
      return true;
    });
    setBlobFetcher(fetcher);
    const { result } = renderHook(() => useBlobUrl(sig.hash, 'full', target.tripId));
    expect(result.current.state).toBe('loading');
    await waitFor(() => expect(result.current.state).toBe('ready'));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher).toHaveBeenCalledWith(sig.hash, target.tripId);
  });

  it('is "missing" when the download cannot bring the bytes (offline, not uploaded yet), never an error', async () => {
    const { db, target } = freshWorld('agreements');
    const sig = await addSignature(target, '甲方', png(1), db);
    await db.blobs.delete(sig.hash);
    let answer: (stored: boolean) => void = () => undefined;
    const fetcher = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    setBlobFetcher(fetcher);
    const { result } = renderHook(() => useBlobUrl(sig.hash, 'thumb', target.tripId));
    await waitFor(() => expect(fetcher).toHaveBeenCalledTimes(1));
    expect(result.current.state).toBe('loading');
    await act(async () => answer(false));
    await waitFor(() => expect(result.current.state).toBe('missing'));
    expect(result.current.url).toBeUndefined();
  });

  it('is "loading" during the first read of bytes that are here, then "ready"', async () => {
    const { db, target } = freshWorld('agreements');
    const sig = await addSignature(target, '甲方', png(1), db);
    const { result } = renderHook(() => useBlobUrl(sig.hash, 'full'));
    expect(result.current.state).toBe('loading');
    await waitFor(() => expect(result.current.state).toBe('ready'));
  });

  it('is "missing" at once without a trip to download for', async () => {
    const { db, target } = freshWorld('agreements');
    const sig = await addSignature(target, '甲方', png(1), db);
    await db.blobs.delete(sig.hash);
    const { result } = renderHook(() => useBlobUrl(sig.hash, 'thumb'));
    await waitFor(() => expect(result.current.state).toBe('missing'));
  });
});
