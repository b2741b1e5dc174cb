import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BlobDownloader } from '../../../renderer/attachments/sync/downloader';
import {
  fetchKeptTrips,
  isKeptOffline,
  missingBlobsOf,
  setKeepOffline,
} from '../../../renderer/attachments/sync/keepOffline';
import { BlobUploader } from '../../../renderer/attachments/sync/uploader';
import type { AppDatabase } from '../../../renderer/db/database';
import { jpeg, png, sha256 } from '../../server/blobsFixtures';
import {
  type BlobWorld,
  clientFor,
  freshDb,
  recordingFetch,
  startBlobWorld,
  storeAndQueue,
  TRIP_A,
} from './world';

/**
 * Downloads against the real server: verified by hash, shared between concurrent requests, refused
 * across trips exactly like a missing file (false: the placeholder stays).
 */
let world: BlobWorld;
const dbs: AppDatabase[] = [];
const device = () => {
  const db = freshDb();
  dbs.push(db);
  return db;
};

/** ed uploads the bytes for trip A from a device of their own; returns the hash. */
async function uploaded(bytes: Buffer, type: 'image/jpeg' | 'image/png'): Promise<string> {
  const db = device();
  const hash = await storeAndQueue(db, bytes, type, TRIP_A);
  const result = await new BlobUploader({ db, client: clientFor(world, world.tokens.ed) }).runOnce();
  expect(result.uploaded).toEqual([hash]);
  return hash;
}

beforeAll(async () => {
  world = await startBlobWorld();
});
afterAll(async () => {
  await world?.close();
});
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('downloading attachment bytes', () => {
  it('fetches a photo once for several screens, checks it and keeps it', async () => {
    const photo = png(9_000);
    const hash = await uploaded(photo, 'image/png');
    const db = device();
    const net = recordingFetch();
    const downloader = new BlobDownloader({ db, client: clientFor(world, world.tokens.ed, net.fn) });
    const answers = await Promise.all([1, 2, 3].map(() => downloader.ensureBlob(hash, TRIP_A)));
    expect(answers).toEqual([true, true, true]);
    expect(net.calls).toEqual([`GET /blobs/${hash}`]);
    const row = await db.blobs.get(hash);
    expect(row).toMatchObject({ hash, type: 'image/png', size: photo.length });
    if (!row) throw new Error('not stored');
    expect(sha256(new Uint8Array(await row.blob.arrayBuffer()))).toBe(hash);
    // Present now: no second request.
    expect(await downloader.ensureBlob(hash, TRIP_A)).toBe(true);
    expect(net.calls).toHaveLength(1);
  });

  it('refuses a member of another trip as if the file did not exist: false, nothing stored', async () => {
    const hash = await uploaded(jpeg(3_000), 'image/jpeg');
    const db = device();
    const downloader = new BlobDownloader({ db, client: clientFor(world, world.tokens.eve) });
    expect(await downloader.ensureBlob(hash, TRIP_A)).toBe(false);
    expect(await db.blobs.count()).toBe(0);
  });

  it('answers false for a file not on the server yet', async () => {
    const db = device();
    const downloader = new BlobDownloader({ db, client: clientFor(world, world.tokens.ed) });
    expect(await downloader.ensureBlob(sha256(jpeg(100)), TRIP_A)).toBe(false);
    expect(await downloader.ensureBlob('not-a-hash', TRIP_A)).toBe(false);
  });

  it('discards bytes damaged on the way (they do not hash to the name asked for)', async () => {
    const hash = await uploaded(jpeg(6_000), 'image/jpeg');
    const db = device();
    const broken = recordingFetch(async (url, init, real) => {
      const response = await real(url, init);
      const bytes = new Uint8Array(await response.arrayBuffer());
      bytes[500] = (bytes[500] ?? 0) ^ 1;
      return new Response(bytes, { status: 200, headers: response.headers });
    });
    const downloader = new BlobDownloader({ db, client: clientFor(world, world.tokens.ed, broken.fn) });
    expect(await downloader.ensureBlob(hash, TRIP_A)).toBe(false);
    expect(await db.blobs.count()).toBe(0);
  });

  it('answers false when offline', async () => {
    const db = device();
    const offline = clientFor(world, world.tokens.ed, () => Promise.reject(new TypeError('fetch failed')));
    const downloader = new BlobDownloader({ db, client: offline });
    expect(await downloader.ensureBlob(sha256(jpeg(100)), TRIP_A)).toBe(false);
  });

  it('keeps a trip offline: fetches every file its attachments name that is missing', async () => {
    const first = await uploaded(jpeg(2_000), 'image/jpeg');
    const second = await uploaded(png(2_000), 'image/png');
    const db = device();
    const base = {
      tripId: TRIP_A,
      recordTable: 'visits',
      recordId: TRIP_A,
      kind: 'photo',
      type: 'image/jpeg',
    };
    const stored = { _deleted: 0 as const, _stamps: {}, _updated: '' };
    await db.attachments.bulkAdd([
      { ...base, ...stored, id: 'a1', hash: first, size: 2_000, originalHash: second } as never,
      { ...base, ...stored, id: 'a2', hash: sha256(jpeg(10)), size: 10, _deleted: 1 } as never,
    ]);
    expect(await isKeptOffline(TRIP_A, db)).toBe(false);
    await setKeepOffline(TRIP_A, true, db);
    expect(await isKeptOffline(TRIP_A, db)).toBe(true);
    expect((await missingBlobsOf(db, TRIP_A)).sort()).toEqual([first, second].sort());
    const downloader = new BlobDownloader({ db, client: clientFor(world, world.tokens.ed) });
    expect(await fetchKeptTrips(db, (h, t) => downloader.ensureBlob(h, t))).toBe(2);
    expect(await missingBlobsOf(db, TRIP_A)).toEqual([]);
    await setKeepOffline(TRIP_A, false, db);
    expect(await fetchKeptTrips(db, () => Promise.reject(new Error('not asked')))).toBe(0);
  });
});
