import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskBlobStore } from '../../server/blobs/diskStore';
import { S3Error } from '../../server/blobs/s3/client';
import { S3BlobStore } from '../../server/blobs/s3/s3Store';
import { Scratch } from '../../server/blobs/scratch';
import type { BlobStore, LocalFile } from '../../server/blobs/store';
import { type FakeS3, s3OptionsFor, startFakeS3 } from './blobsFakeS3';
import { filesUnder, jpeg, pdf, sha256 } from './blobsFixtures';
import { tempDir } from './helpers';

/**
 * One contract, two stores: the folder store and the S3 store (against a fake S3 on loopback that
 * checks signatures and payload hashes as S3 does) must behave the same.
 */
let folder: { dir: string; remove(): void };
let fake: FakeS3;
let scratch: Scratch;

beforeAll(async () => {
  folder = tempDir();
  fake = await startFakeS3();
  scratch = new Scratch(path.join(folder.dir, 'scratch'));
});

afterAll(async () => {
  await fake?.close();
  folder?.remove();
});

async function local(bytes: Buffer): Promise<LocalFile> {
  return scratch.receive(Readable.from([bytes]), Number.MAX_SAFE_INTEGER);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const stores: [string, () => BlobStore][] = [
  ['disk', () => new DiskBlobStore(path.join(folder.dir, 'store'))],
  ['s3', () => new S3BlobStore(s3OptionsFor(fake, 'contract/'))],
];

describe.each(stores)('blob store contract: %s', (_name, makeStore) => {
  let store: BlobStore;
  beforeAll(() => {
    store = makeStore();
  });

  it('stores bytes under their hash and gives back exactly those bytes', async () => {
    const bytes = jpeg(300_000);
    const hash = sha256(bytes);
    expect(await store.has(hash)).toBe(false);
    const file = await local(bytes);
    await store.put(hash, file);
    expect(existsSync(file.path)).toBe(false); // consumed
    expect(await store.has(hash)).toBe(true);
    expect(await store.size(hash)).toBe(bytes.length);
    const got = await store.get(hash);
    expect(got?.size).toBe(bytes.length);
    const back = await readAll(got?.stream as Readable);
    expect(sha256(back)).toBe(hash);
    expect(back.equals(bytes)).toBe(true);
  });

  it('answers undefined/false for unknown hashes and deletes quietly', async () => {
    const unknown = sha256(Buffer.from('never stored'));
    expect(await store.has(unknown)).toBe(false);
    expect(await store.size(unknown)).toBeUndefined();
    expect(await store.get(unknown)).toBeUndefined();
    await expect(store.delete(unknown)).resolves.toBeUndefined();
  });

  it('keeps the first copy when the same bytes are put again, and consumes the second file', async () => {
    const bytes = pdf(5000);
    const hash = sha256(bytes);
    await store.put(hash, await local(bytes));
    const again = await local(bytes);
    await store.put(hash, again);
    expect(existsSync(again.path)).toBe(false);
    expect((await readAll((await store.get(hash))?.stream as Readable)).equals(bytes)).toBe(true);
  });

  it('refuses to store bytes under a name they do not hash to', async () => {
    const bytes = jpeg(2000);
    const wrong = sha256(Buffer.from('something else'));
    await expect(store.put(wrong, await local(bytes))).rejects.toThrow(/refusing/);
    expect(await store.has(wrong)).toBe(false);
  });

  it('deletes a stored blob', async () => {
    const bytes = jpeg(1500);
    const hash = sha256(bytes);
    await store.put(hash, await local(bytes));
    await store.delete(hash);
    expect(await store.has(hash)).toBe(false);
    expect(await store.get(hash)).toBeUndefined();
  });

  it('keeps upload parts apart from blobs, returns each exactly, and removes them together', async () => {
    const uploadId = '0190a0b0-0000-7000-8000-000000000001';
    const parts = [jpeg(1024), pdf(2048), jpeg(10)];
    for (const [i, bytes] of parts.entries()) await store.putPart(uploadId, i, await local(bytes));
    for (const [i, bytes] of parts.entries()) {
      const got = await store.getPart(uploadId, i);
      expect(got?.size).toBe(bytes.length);
      expect((await readAll(got?.stream as Readable)).equals(bytes)).toBe(true);
    }
    expect(await store.getPart(uploadId, 3)).toBeUndefined();
    expect(await store.has(sha256(parts[0] as Buffer))).toBe(false);
    await store.deleteParts(uploadId, parts.length);
    for (let i = 0; i < parts.length; i++) expect(await store.getPart(uploadId, i)).toBeUndefined();
  });

  it('never shows a reader part of an object while it is being published', async () => {
    const bytes = jpeg(3 * 1024 * 1024);
    const hash = sha256(bytes);
    const putting = store.put(hash, await local(bytes));
    let seenWhole = false;
    for (let i = 0; i < 400 && !seenWhole; i++) {
      const got = await store.get(hash);
      if (got) {
        const back = await readAll(got.stream);
        expect(back.length).toBe(bytes.length);
        seenWhole = back.equals(bytes);
        expect(seenWhole).toBe(true);
      }
    }
    await putting;
    expect(await store.size(hash)).toBe(bytes.length);
  });
});

describe('folder store layout', () => {
  it('shards objects as objects/ab/cd/<hash> and leaves no temporary files behind', async () => {
    const root = path.join(folder.dir, 'layout');
    const store = new DiskBlobStore(root);
    const bytes = jpeg(1000);
    const hash = sha256(bytes);
    await store.put(hash, await local(bytes));
    expect(filesUnder(root)).toEqual([path.join(root, 'objects', hash.slice(0, 2), hash.slice(2, 4), hash)]);
  });
});

describe('S3 store against S3 checks', () => {
  it('is refused with SignatureDoesNotMatch when the secret is wrong (the fake really checks)', async () => {
    const options = s3OptionsFor(fake);
    const store = new S3BlobStore({
      ...options,
      credentials: { ...options.credentials, secretAccessKey: 'wrong' },
    });
    const error = await store.get(sha256(Buffer.from('x'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3Error);
    expect(error).toMatchObject({ status: 403, s3Code: 'SignatureDoesNotMatch' });
    // HEAD answers have no body; the message still says where to look.
    await expect(store.has(sha256(Buffer.from('x')))).rejects.toThrow(/S3_SECRET_ACCESS_KEY/);
  });

  it('signs the bytes: a body damaged on the way is refused by the store, not kept', async () => {
    const store = new S3BlobStore(s3OptionsFor(fake, 'damage/'));
    const bytes = jpeg(4000);
    const hash = sha256(bytes);
    fake.damageNextPut();
    await expect(store.put(hash, await local(bytes))).rejects.toMatchObject({
      s3Code: 'XAmzContentSHA256Mismatch',
    });
    expect(await store.has(hash)).toBe(false);
  });

  it('retries a store that is briefly unavailable (503 SlowDown, 500)', async () => {
    const store = new S3BlobStore(s3OptionsFor(fake, 'retry/'));
    const bytes = pdf(3000);
    const hash = sha256(bytes);
    fake.failNext(2, 503);
    await store.put(hash, await local(bytes));
    fake.failNext(1, 500);
    expect(await store.size(hash)).toBe(bytes.length);
    expect(fake.objects.get(`retry/blobs/${hash}`)?.equals(bytes)).toBe(true);
  });

  it('gives up after its retries with the store’s own error', async () => {
    const store = new S3BlobStore(s3OptionsFor(fake));
    fake.failNext(10, 500);
    await expect(store.get(sha256(Buffer.from('y')))).rejects.toMatchObject({
      status: 500,
      s3Code: 'InternalError',
    });
    fake.failNext(0);
  });
});
