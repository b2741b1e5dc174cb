import type { BlobService } from './service';
import type { Uploads } from './uploads';

/**
 * Housekeeping: uploads nobody touched for the time-to-live (a device that was wiped, a file removed
 * before it finished) are discarded with their parts, and scratch files a crash left behind are
 * removed. Runs a minute after start and then every hour; stopping waits for a running sweep, so the
 * database is not closed under it.
 */
export const SWEEP_INTERVAL_MS = 3600 * 1000;
/** The first sweep waits a minute: a starting server has better things to do than week-old uploads. */
export const FIRST_SWEEP_DELAY_MS = 60 * 1000;
/** Scratch files live for one request; a day-old one belongs to no request any more. */
export const SCRATCH_MAX_AGE_MS = 24 * 3600 * 1000;

export function startSweeping(blobs: BlobService, uploads: Uploads): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const sweep = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const uploadsRemoved = await uploads.sweep();
        // Real file times, hence the real clock (the server's clock may be a test's).
        const scratchRemoved = await blobs.scratch.sweep(Date.now() - SCRATCH_MAX_AGE_MS);
        if (uploadsRemoved + scratchRemoved > 0) {
          blobs.log.info({ event: 'blob_sweep', uploadsRemoved, scratchRemoved }, 'old uploads removed');
        }
      } catch (error) {
        blobs.log.warn({ err: error }, 'blob sweep failed; it runs again later');
      } finally {
        running = undefined;
      }
    })();
  };
  const first = setTimeout(sweep, FIRST_SWEEP_DELAY_MS);
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
