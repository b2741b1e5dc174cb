import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../db/database';
import type { Stored } from '../db/types';
import { getBlob } from './blobStore';
import { fetchMissingBlob } from './fetcher';

/** The live attachments of a visit or an agreement, oldest first; undefined while loading. */
export function useAttachments(
  recordTable: 'visits' | 'agreements',
  recordId: string | undefined,
): Stored<'attachments'>[] | undefined {
  return useLiveQuery(async () => {
    if (!recordId) return [];
    const rows = await getDb()
      .attachments.where('[recordTable+recordId]')
      .equals([recordTable, recordId])
      .filter((a) => a._deleted === 0)
      .toArray();
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }, [recordTable, recordId]);
}

export type BlobUrl = { url?: string; state: 'ready' | 'loading' | 'missing' };

/**
 * An object URL for a blob's bytes (`full`) or thumbnail (`thumb`), for <img src> or a PDF viewer.
 * The URL is revoked when the component unmounts or the hash changes, so viewing hundreds of photos
 * does not pin their bytes in memory.
 *
 * 'loading': the bytes are being read from this device or downloaded — a moment, show "loading".
 * 'missing': the bytes are not on this device and could not be fetched now (offline, not uploaded
 * yet) — show a placeholder, never an error. With a `tripId`, the fetcher registered by the sync helper
 * (setBlobFetcher) is asked for them; when it stores them, the live query notices and the state
 * becomes 'ready' by itself.
 */
export function useBlobUrl(hash: string | undefined, variant: 'full' | 'thumb', tripId?: string): BlobUrl {
  const blob = useLiveQuery(async () => {
    if (!hash) return null;
    const row = await getDb().blobs.get(hash);
    if (!row) return null;
    return variant === 'thumb' ? (row.thumb ?? row.blob) : row.blob;
  }, [hash, variant]);
  const present = blob === undefined ? 'loading' : blob === null ? 'absent' : 'present';
  const key = `${hash}|${variant}`;
  const [made, setMade] = useState<{ key: string; url: string } | undefined>();
  // The hash whose download is under way (or ended without the bytes): says 'loading' vs 'missing'.
  const [fetching, setFetching] = useState<{ key: string; failed: boolean } | undefined>();

  // Recreated only when the blob (by hash and variant) appears — not when its row's lastUsed is touched.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `blob` changes identity on every re-read.
  useEffect(() => {
    if (present !== 'present' || !blob) return;
    const url = URL.createObjectURL(blob);
    setMade({ key, url });
    return () => {
      URL.revokeObjectURL(url);
      setMade((m) => (m?.url === url ? undefined : m));
    };
  }, [key, present]);

  useEffect(() => {
    if (!hash) return;
    // Being shown counts as being used: getBlob touches lastUsed, which the collector respects.
    if (present === 'present') void getBlob(hash, variant).catch(() => undefined);
    if (present !== 'absent' || !tripId) return;
    let live = true;
    setFetching({ key, failed: false });
    void fetchMissingBlob(hash, tripId).then((stored) => {
      // Stored: still loading until the live query reads the row. Not stored: the placeholder.
      if (live) setFetching({ key, failed: !stored });
    });
    return () => {
      live = false;
    };
  }, [hash, variant, present, tripId, key]);

  const url = made?.key === key ? made.url : undefined;
  if (url) return { url, state: 'ready' };
  if (!hash) return { state: 'missing' };
  if (present === 'loading' || present === 'present') return { state: 'loading' };
  // Absent: loading while the download runs (or is about to start); missing once it came back empty.
  const failed = fetching?.key === key && fetching.failed;
  return tripId && !failed ? { state: 'loading' } : { state: 'missing' };
}
