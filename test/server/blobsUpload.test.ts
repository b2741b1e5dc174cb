import { describe, expect, it } from 'vitest';
import { blobPaths, CHUNK_SHA256_HEADER, chunkRange } from '../../shared/blobs/protocol';
import { exe, jpeg, pdf, sha256 } from './blobsFixtures';
import { CHUNK, MAX, withDatabaseAndFakeS3, withUploadServer } from './blobsUploadWorld';
import { sleep } from './helpers';

/**
 * Resumable uploads over real HTTP, once with the folder store and once with the S3 store (a fake S3
 * on loopback): interruption and restart, damaged and wrong chunks, the whole-hash check, limits.
 * Ownership, cancelling and cleanup are in blobsUploadLifecycle.test.ts.
 */
const { shared, backends } = withDatabaseAndFakeS3();

describe.each(backends)('resumable uploads: $name', (backend) => {
  const trip = backend.tripId;
  const w = withUploadServer(shared, backend);

  it('resumes after the device stops mid-chunk and the server restarts, and ends with exactly the bytes', async () => {
    const scan = pdf(5 * CHUNK + 1234);
    const hash = sha256(scan);
    const upload = await w.begin(w.ed, scan);
    expect(upload).toMatchObject({ chunkSize: CHUNK, chunkCount: 6, missing: [0, 1, 2, 3, 4, 5] });
    for (const i of [0, 1, 4])
      expect((await w.ed.sendSlice(trip, scan, upload.uploadId, CHUNK, i)).status).toBe(200);

    // Chunk 2 breaks off halfway: the connection drops while its bytes are on the way.
    const { start: from } = chunkRange(2, scan.length, CHUNK);
    const controller = new AbortController();
    const half = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(scan.subarray(from, from + CHUNK / 2));
        await sleep(150);
        controller.abort();
      },
    });
    await expect(
      w.ed.request('PUT', blobPaths.chunk(trip, hash, upload.uploadId, 2), {
        body: half,
        headers: { [CHUNK_SHA256_HEADER]: sha256(scan.subarray(from, from + CHUNK)) },
        signal: controller.signal,
      }),
    ).rejects.toThrow();

    // The server goes down and comes back on the same database and blob storage.
    await w.server.close();
    await w.start();

    // The device, after its own restart, asks again for the upload of the same file.
    const resumed = await w.ed.startUpload(trip, hash, scan.length, 'application/pdf');
    expect(resumed.status).toBe(200);
    expect(resumed.body.upload).toMatchObject({
      uploadId: upload.uploadId,
      received: [0, 1, 4],
      missing: [2, 3, 5],
    });
    const status = await w.ed.status(trip, hash, upload.uploadId);
    expect(status.body.upload.missing).toEqual([2, 3, 5]);
    for (const i of status.body.upload.missing as number[]) {
      expect((await w.ed.sendSlice(trip, scan, upload.uploadId, CHUNK, i)).status).toBe(200);
    }
    const done = await w.ed.complete(trip, hash, upload.uploadId);
    expect(done.status).toBe(201);
    expect(done.body).toEqual({
      state: 'done',
      blob: { hash, size: scan.length, type: 'application/pdf' },
      created: true,
    });

    const got = await w.ed.get(hash);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes as Buffer)).toBe(hash);
    expect(got.bytes?.equals(scan)).toBe(true);
    expect(w.partsLeft()).toBe(0);
    expect(await shared.t.db.query('select 1 from blob_uploads where id = $1', [upload.uploadId])).toEqual(
      [],
    );
    expect(w.scratchFiles()).toEqual([]);
  });

  it('detects a damaged chunk, keeps nothing of it, and takes the good one after', async () => {
    const photo = jpeg(2 * CHUNK + 10);
    const hash = sha256(photo);
    const upload = await w.begin(w.ed, photo, 'image/jpeg');
    const { start: s, end: e } = chunkRange(1, photo.length, CHUNK);
    const good = photo.subarray(s, e);
    const damaged = Buffer.from(good);
    damaged[1000] = (damaged[1000] as number) ^ 0x01;
    const res = await w.ed.chunk(trip, hash, upload.uploadId, 1, damaged, sha256(good));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'chunk_hash_mismatch',
      details: { index: 1, announced: sha256(good), actual: sha256(damaged) },
    });
    expect(res.body.message).toContain('Chunk 1 arrived damaged');
    expect((await w.ed.status(trip, hash, upload.uploadId)).body.upload.missing).toEqual([0, 1, 2]);
    expect(w.partsLeft()).toBe(0);

    for (const i of [0, 1, 2])
      expect((await w.ed.sendSlice(trip, photo, upload.uploadId, CHUNK, i)).status).toBe(200);
    // The same chunk again (a retry after a lost answer) is fine.
    const again = await w.ed.sendSlice(trip, photo, upload.uploadId, CHUNK, 1);
    expect(again.status).toBe(200);
    expect(again.body.upload.missing).toEqual([]);
    expect((await w.ed.complete(trip, hash, upload.uploadId)).status).toBe(201);
    // So is a repeated "complete" after a lost answer.
    expect((await w.ed.complete(trip, hash, upload.uploadId)).body).toMatchObject({
      state: 'done',
      created: false,
    });
    expect((await w.ed.get(hash)).bytes?.equals(photo)).toBe(true);
  });

  it('refuses chunks of the wrong length or index and chunks without their hash', async () => {
    const scan = pdf(CHUNK + 500);
    const hash = sha256(scan);
    const upload = await w.begin(w.ed, scan);
    const short = await w.ed.chunk(trip, hash, upload.uploadId, 0, scan.subarray(0, CHUNK - 1));
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ code: 'chunk_size_mismatch', details: { index: 0, expected: CHUNK } });
    const beyond = await w.ed.chunk(trip, hash, upload.uploadId, 7, scan.subarray(0, 10));
    expect(beyond.status).toBe(422);
    expect(beyond.body.code).toBe('chunk_out_of_range');
    const unsigned = await w.ed.request('PUT', blobPaths.chunk(trip, hash, upload.uploadId, 0), {
      body: scan.subarray(0, CHUNK),
    });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.code).toBe('missing_chunk_hash');
    const early = await w.ed.complete(trip, hash, upload.uploadId);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'upload_incomplete', details: { missing: [0, 1] } });
    expect((await w.ed.cancel(trip, hash, upload.uploadId)).body).toEqual({ cancelled: true });
  });

  it('publishes nothing when the assembled file does not hash to its name, and discards the upload', async () => {
    const named = jpeg(CHUNK + 100);
    const sent = jpeg(CHUNK + 100);
    const hash = sha256(named);
    const upload = await w.begin(w.ed, named, 'image/jpeg');
    for (const i of [0, 1]) {
      const { start: s, end: e } = chunkRange(i, sent.length, CHUNK);
      expect((await w.ed.chunk(trip, hash, upload.uploadId, i, sent.subarray(s, e))).status).toBe(200);
    }
    const res = await w.ed.complete(trip, hash, upload.uploadId);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'hash_mismatch',
      details: { expected: hash, actual: sha256(sent) },
    });
    expect((await w.ed.status(trip, hash, upload.uploadId)).body.code).toBe('upload_not_found');
    expect((await w.ed.get(hash)).status).toBe(404);
    expect(w.partsLeft()).toBe(0);
  });

  it('refuses a program at its first chunk, and sizes and types it cannot take at the start', async () => {
    const program = exe(CHUNK + 10);
    const upload = await w.begin(w.ed, program, 'image/jpeg');
    const res = await w.ed.sendSlice(trip, program, upload.uploadId, CHUNK, 0);
    expect(res.status).toBe(415);
    expect(res.body.details).toEqual({ declared: 'image/jpeg', detected: 'application/x-msdownload' });
    expect(w.partsLeft()).toBe(0);
    await w.ed.cancel(trip, sha256(program), upload.uploadId);

    const tooBig = await w.ed.startUpload(trip, sha256(Buffer.from('x')), MAX + 1, 'application/pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ code: 'blob_too_large', details: { size: MAX + 1, maxBytes: MAX } });
    const wrongType = await w.ed.startUpload(trip, sha256(Buffer.from('x')), 100, 'application/zip');
    expect(wrongType.status).toBe(415);
  });
});
