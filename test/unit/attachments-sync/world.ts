import { putBlobIfAbsent, queueUpload } from '../../../renderer/attachments/blobStore';
import { sha256Hex } from '../../../renderer/attachments/hash';
import { type BlobClient, createBlobClient } from '../../../renderer/attachments/sync/client';
import { AppDatabase } from '../../../renderer/db/database';
import type { BlobType } from '../../../shared/blobs';
import { newId } from '../../../shared/ids';
import {
  Api,
  createTestDatabase,
  grant,
  makeUser,
  PASSWORD,
  type RunningServer,
  startServer,
  type TestDatabase,
  tempDir,
} from '../../server/helpers';

/**
 * A real server on loopback (PGlite in memory, blobs in a temp folder, small limits so chunked uploads
 * stay quick) with two experts: ed in trip A, eve in trip B. Devices are fresh fake-indexeddb databases.
 */
export const TRIP_A = '0190a0b0-aaaa-7000-8000-00000000000a';
export const TRIP_B = '0190a0b0-bbbb-7000-8000-00000000000b';
export const CHUNK = 16 * 1024;
export const MAX = 256 * 1024;

export type BlobWorld = {
  server: RunningServer;
  tokens: { ed: string; eve: string };
  close(): Promise<void>;
};

export async function startBlobWorld(): Promise<BlobWorld> {
  const t: TestDatabase = await createTestDatabase();
  const folder = tempDir();
  const ed = await makeUser(t.db, 'ed', 'expert');
  const eve = await makeUser(t.db, 'eve', 'expert');
  await grant(t.db, TRIP_A, ed.id);
  await grant(t.db, TRIP_B, eve.id);
  const server = await startServer(t.store(), {
    blobs: { dir: folder.dir, maxBytes: MAX, chunkBytes: CHUNK },
  });
  const api = new Api(server.url);
  const token = async (name: string) => (await api.login(name, PASSWORD)).token as string;
  return {
    server,
    tokens: { ed: await token('ed'), eve: await token('eve') },
    async close() {
      // A response whose last bytes were read may still count as in progress for an instant.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await server.close();
      await t.close();
      folder.remove();
    },
  };
}

export const freshDb = () => new AppDatabase(`test-${crypto.randomUUID()}`);

export function clientFor(world: BlobWorld, token: string, fetchFn?: typeof fetch): BlobClient {
  return createBlobClient({
    baseUrl: world.server.url,
    getToken: () => token,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  });
}

/** Stores bytes on the device and queues their upload, as the core's addFiles does. */
export async function storeAndQueue(
  db: AppDatabase,
  bytes: Uint8Array,
  type: BlobType,
  tripId: string,
): Promise<string> {
  const hash = await sha256Hex(bytes);
  const blob = new Blob([bytes as BlobPart], { type });
  const now = Date.now();
  await db.transaction('rw', [db.blobs, db.blobUploads, db.attachments], async () => {
    await putBlobIfAbsent(db, { hash, blob, type, size: bytes.length }, now);
    await queueUpload(db, { hash, type, size: bytes.length }, tripId, now);
  });
  return hash;
}

/** Fetch that records each request as "METHOD path", and lets a test intercept one. */
export function recordingFetch(
  intercept?: (url: string, init: RequestInit, real: typeof fetch) => Promise<Response> | undefined,
) {
  const calls: string[] = [];
  const fn: typeof fetch = (input, init = {}) => {
    const url = String(input);
    calls.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
    return intercept?.(url, init, globalThis.fetch) ?? globalThis.fetch(input, init);
  };
  return { fn, calls, chunkPuts: () => calls.filter((c) => c.startsWith('PUT') && c.includes('/chunks/')) };
}

export const newTripId = () => newId();
