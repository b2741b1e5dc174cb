import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index';
import { pendingMigrations } from '../db/migrate';

/**
 * /health: the process is up (liveness; never touches the database, so a database outage does not get
 * healthy instances restarted). /ready: the database answers and every migration of this build is
 * applied (readiness; a load balancer sends traffic only then).
 */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        return reply
          .code(503)
          .send({ code: 'not_ready', message: `Database migrations pending: ${pending.join(', ')}` });
      }
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ code: 'not_ready', message: 'The database is not reachable.' });
    }
  });
}
