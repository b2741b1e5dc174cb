/**
 * How full the device's storage is. Browsers and Electron give the origin a quota (a share of the
 * disk); writing past it fails with QuotaExceededError in the middle of a transaction. We look before
 * writing instead, so a person is told "not enough space" and nothing is half-stored.
 */
export type StorageEstimate = { usage: number; quota: number };
export type Estimator = () => Promise<StorageEstimate | undefined>;

/** Writes that would take usage beyond this share of the quota are refused up front. */
export const REFUSE_RATIO = 0.95;
/** From this share on the app shows a warning, before anything fails. */
export const WARN_RATIO = 0.85;

export const browserEstimate: Estimator = async () => {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return undefined;
  try {
    const { usage, quota } = await navigator.storage.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number' || quota <= 0) return undefined;
    return { usage, quota };
  } catch {
    return undefined;
  }
};

export type StorageStatus = { usage: number; quota: number; ratio: number; warning: boolean };

/**
 * Usage and quota in bytes, their ratio (0–1) and whether to warn. Where the browser cannot tell
 * (no StorageManager), usage and quota are 0 and there is no warning: we cannot know, so we do not alarm.
 */
export async function storageStatus(estimate: Estimator = browserEstimate): Promise<StorageStatus> {
  const known = await estimate();
  if (!known) return { usage: 0, quota: 0, ratio: 0, warning: false };
  const ratio = Math.min(1, known.usage / known.quota);
  return { ...known, ratio, warning: ratio >= WARN_RATIO };
}

/**
 * A budget for one batch of writes: `fits(bytes)` says whether that many more bytes stay under the
 * refusal line, counting what this batch already took. Unknown quota: everything fits (the browser
 * would still stop a real overflow, and the transaction would then write nothing).
 */
export async function storageBudget(estimate: Estimator = browserEstimate) {
  const known = await estimate();
  let planned = 0;
  return {
    fits(bytes: number): boolean {
      if (!known) return true;
      return known.usage + planned + bytes <= known.quota * REFUSE_RATIO;
    },
    take(bytes: number): void {
      planned += bytes;
    },
  };
}
