import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { type StorageStatus, storageStatus } from '../../attachments';
import { getDb } from '../../db/database';

/** How often the estimate is refreshed when nothing is added (other tabs, the sync's downloads). */
const REFRESH_MS = 60_000;

/**
 * The device's storage use, kept current: read again whenever the stored blobs change (a photo added
 * or downloaded, space freed) and every minute, so the warning shows up as the disk fills, before a
 * write fails. Undefined until known; quota 0 when the browser cannot tell.
 */
export function useDeviceStorage(): StorageStatus | undefined {
  const blobCount = useLiveQuery(() => getDb().blobs.count(), []);
  const [status, setStatus] = useState<StorageStatus>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change in the blobs is what makes the estimate stale.
  useEffect(() => {
    let alive = true;
    const read = () =>
      void storageStatus().then((s) => {
        if (alive) setStatus(s);
      });
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [blobCount]);
  return status;
}
