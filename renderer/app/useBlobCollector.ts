import { useEffect } from 'react';
import { collectIfDue } from '../attachments/collectSchedule';
import { getDb } from '../db/database';

/** Long enough after opening that start-up work (first sync, first screen) is done. */
export const COLLECT_AFTER_START_MS = 30_000;

/**
 * Frees the space of attachment files nothing names any more, once shortly after the app opens (the
 * sync service does it after syncs, at most hourly). Without an account this is the only moment.
 */
export function useBlobCollector(delayMs: number = COLLECT_AFTER_START_MS): void {
  useEffect(() => {
    const timer = setTimeout(() => void collectIfDue(getDb()), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
}
