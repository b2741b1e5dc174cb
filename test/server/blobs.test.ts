import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPaths } from '../../shared/blobs/protocol';
import {
  BlobClient,
  exe,
  filesUnder,
  heic,
  jpeg,
  letLastResponseFinish,
  pdf,
  png,
  sha256,
} from './blobsFixtures';
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
 * The blob endpoints over real HTTP: one-request uploads, hash and type checks, limits, access across
 * trips, idempotency. Resumable uploads are in blobsUpload.test.ts.
 */
const MAX = 64 * 1024;
const TRIP_A = '0190a0b0-aaaa-7000-8000-00000000000a';
const TRIP_B = '0190a0b0-bbbb-7000-8000-00000000000b';

let t: TestDatabase;
let folder: { dir: string; remove(): void };
let server: RunningServer;
let ed: BlobClient; // member of trip A
let eve: BlobClient; // member of trip B
let admin: BlobClient;
let anonymous: BlobClient;

beforeAll(async () => {
  t = await createTestDatabase();
  folder = tempDir();
  const edUser = await makeUser(t.db, 'ed', 'expert');
  const eveUser = await makeUser(t.db, 'eve', 'expert');
  await makeUser(t.db, 'admin', 'admin');
  await grant(t.db, TRIP_A, edUser.id);
  await grant(t.db, TRIP_B, eveUser.id);
  server = await startServer(t.store(), { blobs: { dir: folder.dir, maxBytes: MAX } });
  const api = new Api(server.url);
  const client = async (name: string) => new BlobClient(server.url, (await api.login(name, PASSWORD)).token);
  ed = await client('ed');
  eve = await client('eve');
  admin = await client('admin');
  anonymous = new BlobClient(server.url);
});

afterAll(async () => {
  await letLastResponseFinish();
  await server?.close();
  await t?.close();
  folder?.remove();
});

const objects = () => filesUnder(path.join(folder.dir, 'objects'));
const scratch = () => filesUnder(path.join(folder.dir, 'tmp'));

describe('uploading a whole file in one request', () => {
  it('tells a signed-in device the limits', async () => {
    const res = await ed.limits();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      hashAlgorithm: 'sha256',
      maxBytes: MAX,
      chunkBytes: 1024 * 1024,
      singleRequestMaxBytes: MAX,
      types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    });
    expect((await anonymous.limits()).status).toBe(401);
  });

  it('stores a photo and serves exactly its bytes with its type, length and ETag', async () => {
    const photo = jpeg(20_000);
    const hash = sha256(photo);
    const put = await ed.put(TRIP_A, photo, 'image/jpeg');
    expect(put.status).toBe(201);
    expect(put.body).toEqual({
      state: 'done',
      blob: { hash, size: photo.length, type: 'image/jpeg' },
      created: true,
    });

    const got = await ed.get(hash);
    expect(got.status).toBe(200);
    expect(got.bytes?.equals(photo)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('content-length')).toBe(String(photo.length));
    expect(got.headers.get('etag')).toBe(`"${hash}"`);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');

    const head = await ed.head(hash);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(photo.length));
    expect(head.bytes?.length ?? 0).toBe(0);

    const cached = await ed.get(hash, { 'if-none-match': `"${hash}"` });
    expect(cached.status).toBe(304);
    expect(scratch()).toEqual([]);
  });

  it('refuses bytes that do not match the hash in the address, and keeps nothing', async () => {
    const photo = jpeg(5000);
    const claimed = sha256(jpeg(5000));
    const before = objects().length;
    const res = await ed.put(TRIP_A, photo, 'image/jpeg', claimed);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'hash_mismatch',
      details: { expected: claimed, actual: sha256(photo) },
    });
    expect(objects().length).toBe(before);
    expect(scratch()).toEqual([]);
    expect((await ed.get(claimed)).status).toBe(404);
    expect(await t.db.query('select 1 from blobs where hash = $1', [claimed])).toEqual([]);
  });

  it('answers a repeated upload at once without rewriting the stored file', async () => {
    const scan = pdf(30_000);
    const hash = sha256(scan);
    expect((await ed.put(TRIP_A, scan, 'application/pdf')).status).toBe(201);
    const file = objects().find((f) => f.endsWith(hash)) as string;
    const first = statSync(file);
    const again = await ed.put(TRIP_A, scan, 'application/pdf');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      state: 'done',
      created: false,
      blob: { hash, type: 'application/pdf' },
    });
    const second = statSync(file);
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
  });

  it('refuses an invalid hash and an empty body', async () => {
    const res = await ed.request('PUT', blobPaths.tripBlob(TRIP_A, 'ABC'), {
      body: jpeg(100),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_hash');
    const empty = await ed.put(TRIP_A, Buffer.alloc(0), 'image/jpeg');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('empty_blob');
  });
});

describe('limits', () => {
  it('refuses a file above the size limit with the numbers a person needs', async () => {
    const big = jpeg(MAX + 10 * 1024);
    const res = await ed.put(TRIP_A, big, 'image/jpeg');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'blob_too_large', details: { size: big.length, maxBytes: MAX } });
    expect(res.body.message).toContain('This file is 74 KB; the server accepts files up to 64 KB.');
    expect(res.body.message).toContain('BLOB_MAX_BYTES');
  });

  it('also refuses an oversized body sent without a Content-Length, after counting it', async () => {
    const big = jpeg(MAX + 1);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 8192) controller.enqueue(big.subarray(i, i + 8192));
        controller.close();
      },
    });
    const res = await ed.request('PUT', blobPaths.tripBlob(TRIP_A, sha256(big)), {
      body: stream,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(res.status).toBe(413);
    expect(res.body.details).toEqual({ size: MAX + 1, maxBytes: MAX });
    expect(res.body.message).toContain('This file is 64.1 KB');
    expect(scratch()).toEqual([]);
  });

  it('refuses a program renamed to .jpg by its content (magic numbers)', async () => {
    const program = exe(3000);
    const res = await ed.put(TRIP_A, program, 'image/jpeg');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      code: 'unsupported_blob_type',
      details: { declared: 'image/jpeg', detected: 'application/x-msdownload' },
    });
    expect(res.body.message).toContain('It is a program');
    expect((await ed.get(sha256(program))).status).toBe(404);
  });

  it('refuses types it does not take by their declared type, and explains HEIC', async () => {
    const text = await ed.put(TRIP_A, Buffer.from('hello'), 'text/plain');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('unsupported_blob_type');
    const declaredHeic = await ed.put(TRIP_A, heic(2000), 'image/heic');
    expect(declaredHeic.status).toBe(415);
    expect(declaredHeic.body.code).toBe('heic_not_supported');
    const disguisedHeic = await ed.put(TRIP_A, heic(2000), 'image/jpeg');
    expect(disguisedHeic.status).toBe(415);
    expect(disguisedHeic.body.code).toBe('heic_not_supported');
    expect(disguisedHeic.body.message).toContain('Export it as JPEG');
  });

  it('takes an allowed file under the wrong allowed type and records what it really is', async () => {
    const photo = jpeg(3000);
    const res = await ed.put(TRIP_A, photo, 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.blob.type).toBe('image/jpeg');
    expect((await ed.get(sha256(photo))).headers.get('content-type')).toBe('image/jpeg');
    const drawing = png(3000);
    expect((await ed.put(TRIP_A, drawing, 'image/png; charset=binary')).body.blob.type).toBe('image/png');
  });
});

describe('access across trips', () => {
  it('lets only members of a trip the blob was uploaded for fetch it', async () => {
    const signature = png(6000);
    const hash = sha256(signature);
    expect((await ed.put(TRIP_A, signature, 'image/png')).status).toBe(201);

    const refused = await eve.get(hash);
    const unknown = await eve.get(sha256(Buffer.from('no such file')));
    expect(refused.status).toBe(404);
    // Exactly the answer for a hash that does not exist: no way to probe what others stored.
    expect(refused.body).toEqual(unknown.body);
    expect((await eve.head(hash)).status).toBe(404);
    expect((await admin.get(hash)).status).toBe(200);
    expect((await anonymous.get(hash)).status).toBe(401);

    // Eve may not add files to trip A, nor learn that trip A has this blob.
    const intoA = await eve.put(TRIP_A, signature, 'image/png');
    expect(intoA.status).toBe(403);
    expect(intoA.body.code).toBe('not_trip_member');
    expect((await eve.present(TRIP_A, [hash])).status).toBe(403);

    // Uploading the same bytes for her own trip B proves she has them; now she may fetch them.
    const intoB = await eve.put(TRIP_B, signature, 'image/png');
    expect(intoB.status).toBe(201);
    expect(intoB.body.created).toBe(true);
    const got = await eve.get(hash);
    expect(got.status).toBe(200);
    expect(got.bytes?.equals(signature)).toBe(true);
    // Stored once for both trips.
    expect(objects().filter((f) => f.endsWith(hash))).toHaveLength(1);
    const refs = await t.db.query<{ trip_id: string }>(
      'select trip_id from blob_refs where hash = $1 order by 1',
      [hash],
    );
    expect(refs.map((r) => r.trip_id)).toEqual([TRIP_A, TRIP_B]);
  });

  it('does not let a hash alone claim another trip’s blob: the bytes must match', async () => {
    const photo = jpeg(7000);
    const hash = sha256(photo);
    expect((await ed.put(TRIP_A, photo, 'image/jpeg')).status).toBe(201);
    const claim = await eve.put(TRIP_B, jpeg(7000), 'image/jpeg', hash);
    expect(claim.status).toBe(422);
    expect((await eve.get(hash)).status).toBe(404);
  });

  it('tells a device to wait when the trip is not on the server yet', async () => {
    const res = await ed.put('0190a0b0-cccc-7000-8000-00000000000c', jpeg(1000), 'image/jpeg');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('trip_not_synced');
  });

  it('lists which of a device’s blobs its trip already has', async () => {
    const [a, b] = [jpeg(1200), jpeg(1300)];
    await ed.put(TRIP_A, a, 'image/jpeg');
    const res = await ed.present(TRIP_A, [sha256(a), sha256(b)]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ present: [sha256(a)] });
    expect((await ed.present(TRIP_A, ['nope'])).status).toBe(400);
  });
});
