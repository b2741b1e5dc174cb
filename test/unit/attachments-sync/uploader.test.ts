import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BlobUploader } from '../../../renderer/attachments/sync/uploader';
import type { UploadRow } from '../../../renderer/attachments/sync/uploadRows';
import { retryFailedUpload } from '../../../renderer/attachments/sync/uploadRows';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { exe, jpeg, pdf, sha256 } from '../../server/blobsFixtures';
import {
  type BlobWorld,
  CHUNK,
  clientFor,
  freshDb,
  MAX,
  recordingFetch,
  startBlobWorld,
  storeAndQueue,
  TRIP_A,
} from './world';

/**
 * The uploader against the real server on loopback: one-request and chunked uploads, a connection cut
 * mid-way and resumed by a new uploader (as after a crash), a damaged chunk, refusals kept for the
 * screens instead of retried.
 */
let world: BlobWorld;
let db: AppDatabase;
beforeAll(async () => {
  world = await startBlobWorld();
});
afterAll(async () => {
  await world?.close();
});
afterEach(() => {
  db?.close();
});

const uploader = (fetchFn?: typeof fetch, token = world.tokens.ed) =>
  new BlobUploader({ db, client: clientFor(world, token, fetchFn), singleRequestMaxBytes: CHUNK });

/** What the server serves for a hash, to ed (a member of trip A). */
async function served(hash: string): Promise<Buffer | null> {
  const got = await clientFor(world, world.tokens.ed).download(hash);
  return got ? Buffer.from(got.bytes) : null;
}

describe('uploading attachment bytes', () => {
  it('sends a small photo in one request and forgets the queued upload', async () => {
    db = freshDb();
    const photo = jpeg(5_000);
    const hash = await storeAndQueue(db, photo, 'image/jpeg', TRIP_A);
    const net = recordingFetch();
    const result = await uploader(net.fn).runOnce();
    expect(result).toEqual({ uploaded: [hash], waiting: [], failed: [], stoppedBy: null });
    expect(net.calls).toEqual([`PUT /trips/${TRIP_A}/blobs/${hash}`]);
    expect(await db.blobUploads.count()).toBe(0);
    expect(sha256((await served(hash)) ?? Buffer.alloc(0))).toBe(hash);
  });

  it('resumes a chunked upload cut off mid-way and the server ends with the exact bytes', async () => {
    db = freshDb();
    const scan = pdf(CHUNK * 6 + 1234); // 7 chunks
    const hash = await storeAndQueue(db, scan, 'application/pdf', TRIP_A);
    let sent = 0;
    const cut = recordingFetch((url, init, real) => {
      if (!url.includes('/chunks/')) return undefined;
      if (++sent <= 3) return undefined;
      // The connection drops while the 4th chunk is on its way.
      const controller = new AbortController();
      const request = real(url, { ...init, signal: controller.signal });
      controller.abort();
      return request;
    });
    const first = await uploader(cut.fn).runOnce();
    expect(first.stoppedBy).toBe('network');
    const row = (await db.blobUploads.get(hash)) as UploadRow;
    expect(row.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.received).toEqual([0, 1, 2]);
    expect(row.chunkCount).toBe(7);
    expect(await served(hash)).toBeNull();

    // A new uploader, as after the app was restarted: it asks how far the upload got and sends the rest.
    const resumed = recordingFetch();
    const second = await uploader(resumed.fn).runOnce();
    expect(second).toEqual({ uploaded: [hash], waiting: [], failed: [], stoppedBy: null });
    expect(resumed.calls[0]).toBe(`GET /trips/${TRIP_A}/blobs/${hash}/uploads/${row.uploadId}`);
    expect(resumed.chunkPuts()).toHaveLength(4);
    const bytes = await served(hash);
    expect(bytes?.equals(scan)).toBe(true);
    expect(sha256(bytes ?? Buffer.alloc(0))).toBe(hash);
    expect(await db.blobUploads.count()).toBe(0);
  });

  it('sends a chunk damaged on the way again, and the file arrives whole', async () => {
    db = freshDb();
    const photo = jpeg(CHUNK * 3 + 10);
    const hash = await storeAndQueue(db, photo, 'image/jpeg', TRIP_A);
    let damaged = 0;
    const net = recordingFetch((url, init, real) => {
      if (!url.endsWith('/chunks/2') || damaged > 0) return undefined;
      damaged++;
      const body = new Uint8Array(init.body as Uint8Array);
      body[100] = (body[100] ?? 0) ^ 0xff; // one flipped byte, the chunk's announced hash unchanged
      return real(url, { ...init, body });
    });
    const result = await uploader(net.fn).runOnce();
    expect(result.uploaded).toEqual([hash]);
    expect(damaged).toBe(1);
    expect(net.chunkPuts().filter((c) => c.endsWith('/chunks/2'))).toHaveLength(2);
    expect((await served(hash))?.equals(photo)).toBe(true);
  });

  it('marks a file over the size limit as failed with the server details, and does not retry it', async () => {
    db = freshDb();
    const big = pdf(MAX + 1);
    const hash = await storeAndQueue(db, big, 'application/pdf', TRIP_A);
    const net = recordingFetch();
    const up = uploader(net.fn);
    expect((await up.runOnce()).failed).toEqual([hash]);
    // Refused when the upload starts: not one byte of the file was sent.
    expect(net.calls).toEqual([`POST /trips/${TRIP_A}/blobs/${hash}/uploads`]);
    const row = (await db.blobUploads.get(hash)) as UploadRow;
    expect(row.state).toBe('failed');
    expect(row.failure).toMatchObject({
      code: 'blob_too_large',
      status: 413,
      details: { size: MAX + 1, maxBytes: MAX },
    });
    expect(row.failure?.message).toContain('the server accepts files up to 256 KB');
    expect(await up.runOnce()).toEqual({ uploaded: [], waiting: [], failed: [], stoppedBy: null });
    expect(net.calls).toHaveLength(1);

    // "Try again" puts it back in the queue (the server still refuses, so it fails again, once).
    await retryFailedUpload(hash, db);
    expect(((await db.blobUploads.get(hash)) as UploadRow).state).toBe('pending');
    expect((await up.runOnce()).failed).toEqual([hash]);
  });

  it('marks a program disguised as a photo as refused by type', async () => {
    db = freshDb();
    const hash = await storeAndQueue(db, exe(3_000), 'image/jpeg', TRIP_A);
    expect((await uploader().runOnce()).failed).toEqual([hash]);
    const row = (await db.blobUploads.get(hash)) as UploadRow;
    expect(row.failure).toMatchObject({
      code: 'unsupported_blob_type',
      status: 415,
      details: { declared: 'image/jpeg', detected: 'application/x-msdownload' },
    });
  });

  it('waits while the trip record is unsent, and while the server does not know the trip', async () => {
    db = freshDb();
    const trip = await createRecord(
      'trips',
      { title: '走进璧山', region: '璧山', startDate: '2025-06-23', endDate: '2025-06-25' },
      db,
    );
    const hash = await storeAndQueue(db, jpeg(2_000), 'image/jpeg', trip.id);
    const net = recordingFetch();
    expect((await uploader(net.fn).runOnce()).waiting).toEqual([hash]);
    expect(net.calls).toEqual([]); // the trip is still in the outbox: not even asked

    await db.outbox.clear(); // as if acknowledged — but this server never saw the trip
    expect((await uploader(net.fn).runOnce()).waiting).toEqual([hash]);
    expect(net.calls).toEqual([`PUT /trips/${trip.id}/blobs/${hash}`]);
    const row = (await db.blobUploads.get(hash)) as UploadRow;
    expect(row.state).toBeUndefined();
  });

  it('uploads the same bytes for each trip that waits for them', async () => {
    db = freshDb();
    const photo = jpeg(4_000);
    const hash = await storeAndQueue(db, photo, 'image/jpeg', TRIP_A);
    await db.blobUploads.update(hash, { moreTripIds: [TRIP_A.replace('aaaa', 'cccc')] });
    const net = recordingFetch();
    const result = await uploader(net.fn).runOnce();
    // The second trip is unknown to the server: it stays queued for that trip alone.
    expect(result.waiting).toEqual([hash]);
    expect(net.calls).toHaveLength(2);
    expect(await db.blobUploads.get(hash)).toMatchObject({ tripId: TRIP_A.replace('aaaa', 'cccc') });
    expect((await served(hash))?.equals(photo)).toBe(true);
  });

  it('backs off after a network failure and tries again by itself', async () => {
    db = freshDb();
    const hash = await storeAndQueue(db, jpeg(1_000), 'image/jpeg', TRIP_A);
    const scheduled: { fn: () => void; ms: number }[] = [];
    const timers = {
      setTimeout: (fn: () => void, ms: number) => scheduled.push({ fn, ms }),
      clearTimeout: () => undefined,
    };
    let down = true;
    const client = clientFor(world, world.tokens.ed, (input, init) =>
      down ? Promise.reject(new TypeError('fetch failed')) : globalThis.fetch(input, init),
    );
    const up = new BlobUploader({ db, client, timers, random: () => 0.5, backoffBaseMs: 1_000 });
    up.start();
    await expect.poll(() => up.failureCount).toBe(1);
    expect(scheduled.at(-1)?.ms).toBe(750);
    expect(await db.blobUploads.get(hash)).toBeDefined();
    down = false;
    scheduled.at(-1)?.fn();
    await expect.poll(() => db.blobUploads.count()).toBe(0);
    expect(up.failureCount).toBe(0);
    await up.stop();
  });
});
