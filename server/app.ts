import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAdminRoutes } from './admin/routes';
import { DEFAULT_LOGIN_LIMIT, type LoginLimit } from './auth/rateLimit';
import { registerAuthRoutes } from './auth/routes';
import type { BlobOptions } from './blobs/options';
import { registerBlobRoutes } from './blobs/routes';
import { DEFAULT_CORS_ORIGINS } from './config';
import { type AppContext, makeAuthenticate } from './context';
import { type Db, describeStore, openDb, type StoreOptions } from './db/index';
import { migrate } from './db/migrate';
import { trackConnections } from './http/connections';
import { registerCors } from './http/cors';
import { HttpError, registerErrorHandling } from './http/errors';
import { registerHealthRoutes } from './http/health';
import { registerReportRoutes } from './report/routes';
import { registerConflictRoutes } from './sync/conflicts';
import { EventHub } from './sync/events';
import type { PushOptions } from './sync/push';
import { registerSyncRoutes } from './sync/routes';

/**
 * The server factory: builds a ready (not yet listening) Fastify instance over a migrated database.
 * Tests start it on 127.0.0.1 port 0; server/main.ts adds the environment and signals.
 *
 * The instance keeps no state that another instance would need: sessions are rows, events come from
 * LISTEN/NOTIFY, rate-limit counts are rows — several instances can serve one PostgreSQL.
 */
export type ServerOptions = {
  store: StoreOptions;
  /** Request body limit in bytes (default 5 MB). */
  bodyLimit?: number;
  corsOrigins?: readonly string[];
  /** Fastify logger options; false (default in tests) for silence. */
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  tokenTtlMs?: number;
  loginLimit?: LoginLimit;
  /** Coarse per-address login limit (in this process); false to disable. */
  loginIpLimit?: { max: number; timeWindow: number } | false;
  heartbeatMs?: number;
  now?: () => number;
  /** Test hooks for the push transaction (see PushOptions). */
  push?: Partial<Pick<PushOptions, 'serialise' | 'beforeCommit'>>;
  /** Attachments (blob store, limits); without it, blobs follow the database (server/blobs/options.ts). */
  blobs?: BlobOptions;
};

/** Never log tokens: the event stream's URL may carry one as ?token=. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

function loggerOptions(logger: ServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return {
    ...base,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'password', 'token'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const ownsDb = !('db' in options.store);
  const db: Db = 'db' in options.store ? options.store.db : await openDb(options.store);
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Client mistakes in JSON keys that could poison prototypes are refused outright.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  let hub: EventHub | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');
    app.log.info({ store: describeStore(options.store) }, 'store ready');

    const events = new EventHub(db, app.log, options.heartbeatMs ?? 15_000);
    hub = events;
    await events.start();
    const now = options.now ?? Date.now;
    const ctx: AppContext = {
      db,
      now,
      tokenTtlMs: options.tokenTtlMs ?? 30 * 24 * 3600 * 1000,
      loginLimit: options.loginLimit ?? DEFAULT_LOGIN_LIMIT,
      hub: events,
      push: { now, serialise: options.push?.serialise ?? true, beforeCommit: options.push?.beforeCommit },
      authenticate: makeAuthenticate(db),
    };

    registerErrorHandling(app);
    // The API speaks JSON only; a text body is answered with 415 instead of a confusing schema error.
    app.removeContentTypeParser('text/plain');
    registerCors(app, options.corsOrigins ?? DEFAULT_CORS_ORIGINS);
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          429,
          'too_many_requests',
          `Too many sign-in attempts from this address. Wait ${context.after} and try again.`,
        ),
    });

    registerHealthRoutes(app, db);
    registerAuthRoutes(app, ctx, options.loginIpLimit ?? { max: 60, timeWindow: 60_000 });
    registerAdminRoutes(app, ctx);
    registerSyncRoutes(app, ctx);
    registerConflictRoutes(app, ctx);
    registerReportRoutes(app, ctx);
    registerBlobRoutes(app, ctx, options);

    // Shutdown order: preClose ends the event streams (otherwise the HTTP server never finishes
    // closing); Fastify then stops accepting and waits for in-flight requests — a push finishes its
    // transaction; only then onClose stops listening and closes the database.
    let shuttingDown = false;
    const connections = trackConnections(app.server);
    app.addHook('preClose', async () => {
      shuttingDown = true;
      events.closeAll();
      connections.dropIdle();
    });
    // A response finished during shutdown closes its keep-alive connection; otherwise the HTTP server
    // would wait for the client's idle connection to time out before it could close.
    app.addHook('onSend', async (_request, reply) => {
      if (shuttingDown) reply.header('connection', 'close');
    });
    app.addHook('onClose', async () => {
      await events.stop();
      if (ownsDb) await db.close();
    });
    await app.ready();
    return app;
  } catch (error) {
    await hub?.stop().catch(() => {});
    if (ownsDb) await db.close().catch(() => {});
    throw error;
  }
}
