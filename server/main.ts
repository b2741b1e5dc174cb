import { buildServer } from './app';
import { ConfigError, loadConfig } from './config';

/**
 * `npm run server`: PostgreSQL when DATABASE_URL is set, otherwise PGlite in DATA_DIR (default
 * ./server-data), so a fresh machine needs nothing installed. SIGTERM/SIGINT close gracefully: stop
 * accepting, end event streams, let in-flight pushes commit, close the database.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildServer({
    store: config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    bodyLimit: config.maxBodyBytes,
    corsOrigins: config.corsOrigins,
    tokenTtlMs: config.tokenTtlMs,
    trustProxy: config.trustProxy,
    logger: { level: config.logLevel },
    blobs: config.blobs,
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    app.close().then(
      () => {
        app.log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`The sync server could not start: ${message}`);
  process.exit(1);
});
