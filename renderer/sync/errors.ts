/**
 * What can go wrong talking to the sync server, sorted by what the user (or the engine) should do:
 *  - network:      server unreachable or timed out — retry later with backoff, work offline meanwhile;
 *  - unauthorized: token missing, expired or revoked (401) — sign in again; no automatic retries;
 *  - outdated:     the server needs a newer app (426 protocol_too_old) — update; no automatic retries;
 *  - server:       the server failed (5xx) or answered something this app cannot read — retry with backoff;
 *  - request:      the server refused the request itself (other 4xx), e.g. wrong password at sign-in.
 */
export type SyncErrorKind = 'network' | 'unauthorized' | 'outdated' | 'server' | 'request';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
    /** The server's stable error code (`{ code }` of its JSON error body), when it sent one. */
    readonly code?: string,
    /** The error body's `details` (e.g. `{size, maxBytes}` of a file too large), for the screens' words. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Codes the status line and the sync screen translate; `clock_drift` comes from the merge, not HTTP. */
export type SyncProblem = SyncErrorKind | 'clock_drift' | 'unknown';

export function problemOf(error: unknown): SyncProblem {
  return error instanceof SyncError ? error.kind : 'unknown';
}

/**
 * Failures worth retrying on their own (with backoff; a 429 or a passing proxy error heals by itself);
 * the others wait for the user: sign in again, update the app.
 */
export function isRetryable(problem: SyncProblem): boolean {
  return problem !== 'unauthorized' && problem !== 'outdated';
}
