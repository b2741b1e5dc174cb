import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BLOB_MAX_BYTES } from '../../shared/blobs/protocol';
import type { BlobOptions } from './options';

/**
 * The blob settings among the server's environment variables (server/config.ts spreads this shape
 * into its schema). Documented in docs/attachments-server.md.
 */
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const blobEnvShape = {
  /** Where blob bytes live: `disk` (BLOB_DIR) or `s3` (S3-compatible object storage). */
  BLOB_STORE: z.enum(['disk', 's3']).default('disk'),
  /** The disk store's folder, and the scratch folder for every store (default DATA_DIR/blobs). */
  BLOB_DIR: z.string().min(1).optional(),
  BLOB_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(4 * 1024 ** 3)
    .default(DEFAULT_BLOB_MAX_BYTES),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_SESSION_TOKEN: z.string().min(1).optional(),
  S3_PREFIX: z.string().default(''),
  /** true (default): bucket in the path (MinIO, Ceph); false: in the host name (AWS, Aliyun OSS, COS). */
  S3_FORCE_PATH_STYLE: flag,
};

const blobEnvSchema = z.object(blobEnvShape);
export type BlobEnv = z.infer<typeof blobEnvSchema>;

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** The blob options for these variables, or the problems that stop the server from starting. */
export function blobOptionsFromEnv(
  env: BlobEnv,
  dataDir: string,
): { options: BlobOptions; problems: string[] } {
  const options: BlobOptions = {
    dir: env.BLOB_DIR ?? path.join(dataDir, 'blobs'),
    maxBytes: env.BLOB_MAX_BYTES,
    backend: { kind: 'disk' },
  };
  if (env.BLOB_STORE === 'disk') return { options, problems: [] };
  const missing = S3_REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    return { options, problems: [`BLOB_STORE=s3 needs ${missing.join(', ')}`] };
  }
  options.backend = {
    kind: 's3',
    s3: {
      endpoint: String(env.S3_ENDPOINT),
      region: env.S3_REGION,
      bucket: String(env.S3_BUCKET),
      credentials: {
        accessKeyId: String(env.S3_ACCESS_KEY_ID),
        secretAccessKey: String(env.S3_SECRET_ACCESS_KEY),
        ...(env.S3_SESSION_TOKEN ? { sessionToken: env.S3_SESSION_TOKEN } : {}),
      },
      prefix: env.S3_PREFIX,
      forcePathStyle: env.S3_FORCE_PATH_STYLE ?? true,
    },
  };
  return { options, problems: [] };
}
