import { z } from 'zod';
import { blobEnvShape, blobOptionsFromEnv } from './blobs/config';
import type { BlobOptions } from './blobs/options';

/**
 * Server settings from the environment, parsed once at start so a typo fails loudly with the name of
 * the variable instead of surfacing later as odd behaviour.
 */
export const DEFAULT_CORS_ORIGINS = ['app://bundle', 'http://localhost:*', 'http://127.0.0.1:*'];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./server-data'),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  CORS_ORIGINS: z.string().optional(),
  TOKEN_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .default(24 * 30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when the server runs behind a reverse proxy, so login rate limits see the client's address. */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Attachments: BLOB_STORE, BLOB_DIR, BLOB_MAX_BYTES, S3_* (docs/attachments-server.md). */
  ...blobEnvShape,
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  maxBodyBytes: number;
  corsOrigins: string[];
  tokenTtlMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  blobs: BlobOptions;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset: `DATABASE_URL= npm run server` should mean "no PostgreSQL".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid server settings in the environment: ${problems}`);
  }
  const e = parsed.data;
  const blobs = blobOptionsFromEnv(e, e.DATA_DIR);
  if (blobs.problems.length > 0) {
    throw new ConfigError(`Invalid server settings in the environment: ${blobs.problems.join('; ')}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    maxBodyBytes: e.MAX_BODY_BYTES,
    corsOrigins: e.CORS_ORIGINS
      ? e.CORS_ORIGINS.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : DEFAULT_CORS_ORIGINS,
    tokenTtlMs: e.TOKEN_TTL_HOURS * 3600 * 1000,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    blobs: blobs.options,
  };
}
