import type { Queryable } from '../db/index';

/**
 * Failed sign-ins are counted per (username, client address) in the database, so the limit holds
 * across server instances and restarts. A success clears the count. While the limit is reached, even
 * the right password is refused (otherwise the limit would not slow down guessing).
 */
export type LoginLimit = { maxFailures: number; windowMs: number };
export const DEFAULT_LOGIN_LIMIT: LoginLimit = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

export const limitKey = (username: string, ip: string) => `${username.trim().toLowerCase()}|${ip}`;

/** Milliseconds until the next attempt is allowed, or 0 when one is allowed now. */
export async function lockedFor(db: Queryable, key: string, limit: LoginLimit): Promise<number> {
  const rows = await db.query<{ failures: number; remaining_ms: number }>(
    `select failures,
            extract(epoch from (window_started_at + ($2::bigint * interval '1 millisecond') - now())) * 1000
              as remaining_ms
       from login_failures where key = $1`,
    [key, limit.windowMs],
  );
  const row = rows[0];
  if (!row || row.failures < limit.maxFailures) return 0;
  const remaining = Number(row.remaining_ms);
  return remaining > 0 ? Math.ceil(remaining) : 0;
}

export async function recordFailure(db: Queryable, key: string, limit: LoginLimit): Promise<void> {
  // A window that has run out starts again at one failure.
  await db.query(
    `insert into login_failures (key, failures, window_started_at) values ($1, 1, now())
     on conflict (key) do update set
       failures = case when login_failures.window_started_at + ($2::bigint * interval '1 millisecond') < now()
                       then 1 else login_failures.failures + 1 end,
       window_started_at = case when login_failures.window_started_at + ($2::bigint * interval '1 millisecond') < now()
                       then now() else login_failures.window_started_at end`,
    [key, limit.windowMs],
  );
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('delete from login_failures where key = $1', [key]);
}
