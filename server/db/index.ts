/**
 * The storage seam: one SQL dialect (PostgreSQL), two drivers — node-postgres against a real server
 * (DATABASE_URL) and PGlite (PostgreSQL compiled to WASM) in a local folder. Everything above this
 * module writes plain SQL against `Db`, so the two stores cannot drift apart.
 *
 * Conventions every query follows so both drivers behave the same:
 *  - bigint columns come back as JS numbers (both drivers are configured so); sequence values stay far
 *    below 2^53;
 *  - JSON is passed as text and cast in SQL (`$1::text::jsonb`): the drivers serialise JS arrays and
 *    objects differently, text they pass through untouched.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` for every NOTIFY on `channel` (after the notifying transaction committed).
   * `onReconnect` fires when the listening connection was lost and is back: notifications sent in
   * between are lost, so listeners should treat it as "anything may have changed".
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type StoreOptions =
  /** A database opened elsewhere (shared by several server instances in tests); not closed by the server. */
  | { db: Db }
  | { databaseUrl: string }
  /** PGlite in this folder; `null` keeps everything in memory (tests). */
  | { dataDir: string | null };

export async function openDb(store: Exclude<StoreOptions, { db: Db }>): Promise<Db> {
  if ('databaseUrl' in store) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(store.databaseUrl);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(store.dataDir);
}

/** A one-line description of where data lives, for the start-up log (never includes a password). */
export function describeStore(store: StoreOptions): string {
  if ('db' in store) return `shared ${store.db.kind} connection`;
  if ('databaseUrl' in store) {
    try {
      const url = new URL(store.databaseUrl);
      return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
    } catch {
      return 'PostgreSQL';
    }
  }
  return store.dataDir === null ? 'PGlite in memory' : `PGlite in ${store.dataDir}`;
}
