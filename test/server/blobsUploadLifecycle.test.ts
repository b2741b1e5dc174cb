import { rmSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createBlobStore, resolveBlobSettings, scratchDir } from '../../server/blobs/options';
import { Scratch } from '../../server/blobs/scratch';
import { BlobService } from '../../server/blobs/service';
import { Uploads } from '../../server/blobs/uploads';
import { jpeg, pdf, sha256 } from './blobsFixtures';
import { CHUNK, MAX_OPEN, withDatabaseAndFakeS3, withUploadServer } from './blobsUploadWorld';

/**
 * The life of resumable uploads, on the folder store and the S3 store: they belong to one account,
 * are limited per account, can be cancelled, expire, and survive a store that lost a part.
 */
const { shared, backends } = withDatabaseAndFakeS3();

describe.each(backends)('upload lifecycle: $name', (backend) => {
  const trip = backend.tripId;
  const w = withUploadServer(shared, backend);

  it('keeps each person’s upload to themselves, and answers "done" for a blob the trip has', async () => {
    const photo = jpeg(CHUNK * 2);
    const hash = sha256(photo);
    const upload = await w.begin(w.ed, photo, 'image/jpeg');
    expect((await w.ida.status(trip, hash, upload.uploadId)).status).toBe(404);
    expect((await w.ida.sendSlice(trip, photo, upload.uploadId, CHUNK, 0)).status).toBe(404);
    expect((await w.ida.cancel(trip, hash, upload.uploadId)).body).toEqual({ cancelled: false });
    for (const i of [0, 1]) await w.ed.sendSlice(trip, photo, upload.uploadId, CHUNK, i);
    expect((await w.ed.complete(trip, hash, upload.uploadId)).status).toBe(201);

    const already = await w.ida.startUpload(trip, hash, photo.length, 'image/jpeg');
    expect(already.status).toBe(200);
    expect(already.body).toMatchObject({ state: 'done', created: false, blob: { hash } });
  });

  it('limits unfinished uploads per account, and a cancel removes the parts', async () => {
    const files = Array.from({ length: MAX_OPEN + 1 }, () => pdf(CHUNK + 1));
    const uploads = [];
    for (const file of files.slice(0, MAX_OPEN)) uploads.push(await w.begin(w.max, file));
    const refused = await w.max.startUpload(
      trip,
      sha256(files[MAX_OPEN] as Buffer),
      CHUNK + 1,
      'application/pdf',
    );
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('too_many_uploads');

    const first = files[0] as Buffer;
    await w.max.sendSlice(trip, first, uploads[0]?.uploadId as string, CHUNK, 0);
    expect(w.partsLeft()).toBe(1);
    for (const [i, u] of uploads.entries()) {
      expect((await w.max.cancel(trip, sha256(files[i] as Buffer), u.uploadId)).body).toEqual({
        cancelled: true,
      });
    }
    expect(w.partsLeft()).toBe(0);
    expect(
      (await w.max.startUpload(trip, sha256(files[MAX_OPEN] as Buffer), CHUNK + 1, 'application/pdf')).status,
    ).toBe(201);
  });

  it('discards uploads left untouched for longer than their time-to-live', async () => {
    const scan = pdf(CHUNK + 1);
    const hash = sha256(scan);
    const upload = await w.begin(w.ida, scan);
    await w.ida.sendSlice(trip, scan, upload.uploadId, CHUNK, 0);
    const settings = resolveBlobSettings(shared.t.store(), backend.blobs(w.folder.dir));
    const sweeper = (nowMs: number) =>
      new Uploads(
        new BlobService(
          shared.t.db,
          createBlobStore(settings),
          new Scratch(scratchDir(settings)),
          settings,
          () => nowMs,
          pino({ level: 'silent' }),
        ),
      );
    expect(await sweeper(Date.now() + settings.uploadTtlMs - 60_000).sweep()).toBe(0);
    expect(await sweeper(Date.now() + settings.uploadTtlMs + 60_000).sweep()).toBeGreaterThanOrEqual(1);
    expect((await w.ida.status(trip, hash, upload.uploadId)).body.code).toBe('upload_not_found');
    expect(w.partsLeft()).toBe(0);
  });

  it.runIf(backend.name === 'folder store')('asks again for a part the store lost', async () => {
    const scan = pdf(2 * CHUNK);
    const hash = sha256(scan);
    const upload = await w.begin(w.ed, scan);
    for (const i of [0, 1]) await w.ed.sendSlice(trip, scan, upload.uploadId, CHUNK, i);
    rmSync(path.join(w.folder.dir, 'uploads', upload.uploadId, '1'));
    const res = await w.ed.complete(trip, hash, upload.uploadId);
    expect(res.status).toBe(409);
    expect(res.body.details).toEqual({ missing: [1] });
    await w.ed.sendSlice(trip, scan, upload.uploadId, CHUNK, 1);
    expect((await w.ed.complete(trip, hash, upload.uploadId)).status).toBe(201);
    expect((await w.ed.get(hash)).bytes?.equals(scan)).toBe(true);
  });
});
