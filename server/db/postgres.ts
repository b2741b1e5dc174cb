import pg from 'pg';
import type { Db, Queryable, Row } from './index';

/** node-postgres driver: a pool for queries and transactions, one dedicated connection for LISTEN. */

const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, types, max: 10 });
  // An idle connection that breaks (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Fail fast with a clear cause when the database is unreachable at start.
  const probe = await pool.connect();
  probe.release();
  const listeners = new Set<() => Promise<void>>();
  const base = wrap(pool);

  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('begin');
        const result = await fn(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel, onPayload, onReconnect) {
      let client: pg.Client | undefined;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const connect = async (isReconnect: boolean): Promise<void> => {
        const c = new pg.Client({ connectionString: url, types });
        c.on('notification', (msg) => {
          if (msg.channel === channel) onPayload(msg.payload ?? '');
        });
        const lost = () => {
          // The connection broke: reconnect after a pause, then tell the listener it may have missed news.
          if (client === c) client = undefined;
          c.end().catch(() => {});
          schedule();
        };
        c.on('error', lost);
        c.on('end', () => {
          if (client === c) lost();
        });
        await c.connect();
        await c.query(`listen ${pg.escapeIdentifier(channel)}`);
        if (stopped) {
          await c.end();
          return;
        }
        client = c;
        if (isReconnect) onReconnect?.();
      };
      const schedule = () => {
        if (stopped || retry) return;
        retry = setTimeout(() => {
          retry = undefined;
          connect(true).catch(() => schedule());
        }, 1000);
        retry.unref();
      };
      await connect(false);
      const stop = async () => {
        stopped = true;
        listeners.delete(stop);
        if (retry) clearTimeout(retry);
        const c = client;
        client = undefined;
        await c?.end().catch(() => {});
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
  };
}
