import { describe, expect, it } from 'vitest';
import { addFiles } from '../../../renderer/attachments/addFiles';
import { getBlob } from '../../../renderer/attachments/blobStore';
import { sha256Hex } from '../../../renderer/attachments/hash';
import { AppDatabase } from '../../../renderer/db/database';
import { newId } from '../../../shared/ids';
import { fakeJpeg } from './exifFixture';
import { fakeImages, file, freshWorld, jpegFile, PNG_BYTES, testEnv } from './fixtures';

describe('addFiles: hash and dedupe', () => {
  it('stores a photo under the SHA-256 of the stored bytes, with thumbnail, record and pending upload', async () => {
    const { db, target } = freshWorld();
    const photo = file(
      fakeJpeg({
        orientation: 6,
        dateTimeOriginal: '2024:05:06 14:03:22',
        gps: { latRef: 'N', lat: [30, 39, 36], lonRef: 'E', lon: [104, 3, 54.5] },
      }),
      'IMG_0001.JPG',
      'image/jpeg',
    );
    const { added, refused } = await addFiles(target, [photo], { kind: 'photo' }, db, testEnv());
    expect(refused).toEqual([]);
    expect(added).toHaveLength(1);
    const record = added[0];
    if (!record) throw new Error('no record');
    const stored = await db.blobs.get(record.hash);
    if (!stored) throw new Error('no blob');
    expect(record.hash).toBe(await sha256Hex(stored.blob));
    expect(record).toMatchObject({
      ...target,
      kind: 'photo',
      type: 'image/jpeg',
      size: stored.size,
      name: 'IMG_0001.JPG',
      width: 800,
      height: 600,
      takenAt: '2024-05-06T14:03:22',
      latitude: 30.66,
      longitude: 104.065139,
      originalHash: '',
      _deleted: 0,
    });
    expect(stored.thumb?.size).toBeGreaterThan(0);
    expect(await db.blobUploads.get(record.hash)).toMatchObject({
      tripId: target.tripId,
      size: stored.size,
      type: 'image/jpeg',
    });
    // The record syncs like every other: it is in the outbox.
    expect(await db.outbox.where('recordId').equals(record.id).count()).toBe(1);
    expect(await getBlob(record.hash, 'thumb', db)).toBeInstanceOf(Blob);
  });

  it('stores the same file attached twice once, with two records', async () => {
    const { db, target } = freshWorld();
    const first = await addFiles(
      target,
      [jpegFile('a.jpg'), jpegFile('copy of a.jpg')],
      { kind: 'photo' },
      db,
      testEnv(),
    );
    const again = await addFiles(target, [jpegFile('a again.jpg')], { kind: 'photo' }, db, testEnv());
    const hashes = new Set([...first.added, ...again.added].map((a) => a.hash));
    expect(hashes.size).toBe(1);
    expect(await db.blobs.count()).toBe(1);
    expect(await db.attachments.count()).toBe(3);
    expect(await db.blobUploads.count()).toBe(1);
    const other = await addFiles(
      target,
      [jpegFile('b.jpg', 'other bytes')],
      { kind: 'photo' },
      db,
      testEnv(),
    );
    expect(other.added[0]?.hash).not.toBe([...hashes][0]);
    expect(await db.blobs.count()).toBe(2);
  });

  it('queues the same bytes for a second trip (the server keeps blobs per trip), storing them once', async () => {
    const { db, target } = freshWorld();
    const otherTrip = { ...target, tripId: newId(), recordId: newId() };
    const [a] = (await addFiles(target, [jpegFile('a.jpg')], { kind: 'photo' }, db, testEnv())).added;
    const [b] = (await addFiles(otherTrip, [jpegFile('a.jpg')], { kind: 'photo' }, db, testEnv())).added;
    expect(a?.hash).toBe(b?.hash);
    expect(await db.blobs.count()).toBe(1);
    expect(await db.blobUploads.get(a?.hash ?? '')).toMatchObject({
      tripId: target.tripId,
      moreTripIds: [otherTrip.tripId],
    });
    // Once the first upload is done (row drained), a third attach in the other trip queues nothing new:
    // that trip already names the hash.
    await db.blobUploads.clear();
    await addFiles(otherTrip, [jpegFile('a.jpg')], { kind: 'photo' }, db, testEnv());
    expect(await db.blobUploads.count()).toBe(0);
  });

  it('keeps the unreduced original as its own blob only when asked', async () => {
    const { db, target } = freshWorld();
    const photo = jpegFile('big.jpg', 'x'.repeat(500));
    const [kept] = (await addFiles(target, [photo], { kind: 'photo', keepOriginal: true }, db, testEnv()))
      .added;
    expect(kept?.originalHash).toBe(await sha256Hex(photo));
    const original = await db.blobs.get(kept?.originalHash ?? '');
    expect(original).toMatchObject({ type: 'image/jpeg', size: photo.size });
    expect(original?.thumb).toBeUndefined();
    expect(await db.blobUploads.count()).toBe(2);
    const [plain] = (await addFiles(target, [jpegFile('other.jpg', 'y')], { kind: 'photo' }, db, testEnv()))
      .added;
    expect(plain?.originalHash).toBe('');
    expect(await db.blobs.count()).toBe(3);
  });

  it('stores scans as they are: a PDF without thumbnail, an image with its size and a thumbnail', async () => {
    const { db, target } = freshWorld('agreements');
    const pdf = file('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF', 'agreement.pdf', 'application/pdf');
    const page = file(PNG_BYTES, 'page1.png', 'image/png');
    const env = testEnv({ images: fakeImages(() => ({ width: 1240, height: 1754 })) });
    const { added, refused } = await addFiles(target, [pdf, page], { kind: 'scan' }, db, env);
    expect(refused).toEqual([]);
    const [p, img] = added;
    expect(p).toMatchObject({ kind: 'scan', type: 'application/pdf', size: pdf.size, width: 0, height: 0 });
    expect(p?.hash).toBe(await sha256Hex(pdf));
    expect((await db.blobs.get(p?.hash ?? ''))?.thumb).toBeUndefined();
    expect(img).toMatchObject({ type: 'image/png', width: 1240, height: 1754, hash: await sha256Hex(page) });
    expect((await db.blobs.get(img?.hash ?? ''))?.thumb).toBeDefined();
  });
});

describe('addFiles: refusals', () => {
  it('judges by content, not by name or declared type', async () => {
    const { db, target } = freshWorld();
    const program = file('MZ\x90\x00 this is a program', 'holiday.jpg', 'image/jpeg');
    const heic = file(
      new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0]),
      'IMG_1.HEIC',
    );
    const pdf = file('%PDF-1.4 x', 'scan.pdf', 'application/pdf');
    const empty = file('', 'empty.jpg', 'image/jpeg');
    const renamed = file(fakeJpeg({}), 'photo.txt', 'text/plain');
    const { added, refused } = await addFiles(
      target,
      [program, heic, pdf, empty, renamed],
      { kind: 'photo' },
      db,
      testEnv(),
    );
    expect(refused.map((r) => [r.name, r.reason, r.message])).toEqual([
      ['holiday.jpg', 'type', 'attachments.core.refused.photoType'],
      ['IMG_1.HEIC', 'type', 'attachments.core.refused.heic'],
      // A PDF is a scan, not a photo.
      ['scan.pdf', 'type', 'attachments.core.refused.photoType'],
      ['empty.jpg', 'unreadable', 'attachments.core.refused.empty'],
    ]);
    expect(refused[0]?.params).toEqual({ name: 'holiday.jpg' });
    expect(added.map((a) => a.name)).toEqual(['photo.txt']);
    expect(added[0]?.type).toBe('image/jpeg');
  });

  it('refuses a file whose image cannot be decoded, and one over the size limit', async () => {
    const { db, target } = freshWorld();
    const broken = testEnv({
      images: {
        photo: async () =>
          Promise.reject(new DOMException('The source image cannot be decoded.', 'InvalidStateError')),
        inspect: async () => Promise.reject(new Error('no')),
      },
    });
    const huge = new File([fakeJpeg({}), new Uint8Array(51 * 1024 * 1024 - fakeJpeg({}).length)], 'huge.jpg');
    const { added, refused } = await addFiles(
      target,
      [jpegFile('cut.jpg'), huge],
      { kind: 'photo' },
      db,
      broken,
    );
    expect(added).toEqual([]);
    expect(refused.map((r) => r.reason)).toEqual(['unreadable', 'size']);
    expect(refused[1]?.params).toMatchObject({ name: 'huge.jpg', max: '50 MB', size: '51 MB' });
    expect(await db.blobs.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses files that would take storage past 95% of the quota, before writing anything', async () => {
    const { db, target } = freshWorld();
    const small = jpegFile('small.jpg');
    // Each stored photo costs its bytes plus its thumbnail; find that cost, then leave room for one.
    const probe = new AppDatabase(`test-${crypto.randomUUID()}`);
    const [one] = (await addFiles(target, [small], { kind: 'photo' }, probe, testEnv())).added;
    const cost = (one?.size ?? 0) + ((await probe.blobs.get(one?.hash ?? ''))?.thumb?.size ?? 0);
    probe.close();
    const quota = 1_000_000;
    const usage = quota * 0.95 - cost * 1.5;
    const env = testEnv({ estimate: async () => ({ usage, quota }) });
    const { added, refused } = await addFiles(
      target,
      [jpegFile('first.jpg', '1'), jpegFile('second.jpg', '2'), jpegFile('first again.jpg', '1')],
      { kind: 'photo' },
      db,
      env,
    );
    // The first fits; the second would go past the line; the third is the first's bytes (no new space).
    expect(added.map((a) => a.name)).toEqual(['first.jpg', 'first again.jpg']);
    expect(refused).toEqual([
      expect.objectContaining({
        name: 'second.jpg',
        reason: 'quota',
        message: 'attachments.core.refused.quota',
      }),
    ]);
    expect(await db.blobs.count()).toBe(1);
  });

  it('writes nothing when a failure happens midway through the transaction', async () => {
    const { db, target } = freshWorld();
    let n = 0;
    // The second file yields an invalid record (negative width): its createRecord throws after the
    // first file's blob, upload row and record were written in the same transaction.
    const env = testEnv({
      images: fakeImages(() => (++n === 2 ? { width: -1, height: 10 } : { width: 10, height: 10 })),
    });
    await expect(
      addFiles(target, [jpegFile('one.jpg', '1'), jpegFile('two.jpg', '2')], { kind: 'photo' }, db, env),
    ).rejects.toThrow(/attachments/);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.blobUploads.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
