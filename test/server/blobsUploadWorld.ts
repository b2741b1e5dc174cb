import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { BlobOptions } from '../../server/blobs/options';
import { type FakeS3, s3OptionsFor, startFakeS3 } from './blobsFakeS3';
import { BlobClient, filesUnder, letLastResponseFinish, sha256 } from './blobsFixtures';
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
} from './helpers';

/**
 * The setting of the resumable-upload tests: one database and one fake S3 per test file, and per
 * store (folder, S3) a server with small chunks that the tests can restart on the same storage.
 */
export const CHUNK = 64 * 1024;
export const MAX = 1024 * 1024;
export const MAX_OPEN = 3;

export type Backend = {
  name: string;
  tripId: string;
  blobs(dir: string): BlobOptions;
  partsLeft(dir: string): number;
};

export type UploadStatusBody = { uploadId: string; chunkSize: number; chunkCount: number; missing: number[] };

/** File-level setting; call at the top of a test file. */
export function withDatabaseAndFakeS3() {
  const shared = { t: undefined as unknown as TestDatabase, fake: undefined as unknown as FakeS3 };
  beforeAll(async () => {
    shared.t = await createTestDatabase();
    shared.fake = await startFakeS3();
    for (const name of ['ed', 'ida', 'max']) await makeUser(shared.t.db, name, 'expert');
  });
  afterAll(async () => {
    await shared.fake?.close();
    await shared.t?.close();
  });
  const backends: Backend[] = [
    {
      name: 'folder store',
      tripId: '0190a0b0-dddd-7000-8000-00000000000d',
      blobs: (dir) => ({ dir, maxBytes: MAX, chunkBytes: CHUNK, maxOpenUploadsPerUser: MAX_OPEN }),
      partsLeft: (dir) => filesUnder(path.join(dir, 'uploads')).length,
    },
    {
      name: 'S3 store',
      tripId: '0190a0b0-eeee-7000-8000-00000000000e',
      blobs: (dir) => ({
        dir,
        maxBytes: MAX,
        chunkBytes: CHUNK,
        maxOpenUploadsPerUser: MAX_OPEN,
        backend: { kind: 's3', s3: s3OptionsFor(shared.fake, 'trips/') },
      }),
      partsLeft: () => [...shared.fake.objects.keys()].filter((k) => k.startsWith('trips/uploads/')).length,
    },
  ];
  return { shared, backends };
}

/** Per-store setting; call inside a describe block. */
export function withUploadServer(shared: { t: TestDatabase }, backend: Backend) {
  const world = {
    trip: backend.tripId,
    folder: undefined as unknown as { dir: string; remove(): void },
    server: undefined as unknown as RunningServer,
    ed: undefined as unknown as BlobClient,
    ida: undefined as unknown as BlobClient,
    max: undefined as unknown as BlobClient,
    /** Starts (again) a server on the same database and blob storage. */
    async start() {
      world.server = await startServer(shared.t.store(), { blobs: backend.blobs(world.folder.dir) });
      const api = new Api(world.server.url);
      const client = async (name: string) =>
        new BlobClient(world.server.url, (await api.login(name, PASSWORD)).token);
      [world.ed, world.ida, world.max] = [await client('ed'), await client('ida'), await client('max')];
    },
    partsLeft: () => backend.partsLeft(world.folder.dir),
    scratchFiles: () => filesUnder(path.join(world.folder.dir, 'tmp')),
    /** Starts an upload and expects it to be in progress. */
    async begin(client: BlobClient, file: Buffer, type = 'application/pdf'): Promise<UploadStatusBody> {
      const res = await client.startUpload(backend.tripId, sha256(file), file.length, type);
      expect([200, 201]).toContain(res.status);
      expect(res.body.state).toBe('uploading');
      return res.body.upload;
    },
  };
  beforeAll(async () => {
    world.folder = tempDir();
    const users = await shared.t.db.query<{ id: string }>('select id from users');
    for (const { id } of users) await grant(shared.t.db, backend.tripId, id);
    await world.start();
  });
  afterAll(async () => {
    await letLastResponseFinish();
    await world.server?.close();
    world.folder?.remove();
  });
  return world;
}
