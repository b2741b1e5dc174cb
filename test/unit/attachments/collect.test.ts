import { describe, expect, it } from 'vitest';
import { addFiles } from '../../../renderer/attachments/addFiles';
import { collectUnreferencedBlobs } from '../../../renderer/attachments/collect';
import {
  addSignature,
  InvalidSignatureError,
  removeAttachment,
  updateCaption,
} from '../../../renderer/attachments/edit';
import type { BlobRow } from '../../../renderer/attachments/types';
import { createRecord, deleteRecord } from '../../../renderer/data/repository';
import { newId } from '../../../shared/ids';
import { freshWorld, jpegFile, PNG_BYTES, testEnv } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
const hex = (c: string) => c.repeat(64);

describe('collectUnreferencedBlobs', () => {
  it('frees only old blobs that nothing names and nothing waits to upload', async () => {
    const { db, target } = freshWorld();
    const now = Date.now();
    const twoDaysAgo = now - 2 * DAY;
    const { added } = await addFiles(
      target,
      [
        jpegFile('kept.jpg', 'k'),
        jpegFile('removed.jpg', 'r'),
        jpegFile('shared.jpg', 's'),
        jpegFile('shared 2.jpg', 's'),
      ],
      { kind: 'photo', keepOriginal: true },
      db,
      testEnv({ now: () => twoDaysAgo }),
    );
    const [kept, removed, shared, shared2] = added;
    if (!kept || !removed || !shared || !shared2) throw new Error('not added');
    // Uploads done: only the records and the age decide now.
    await db.blobUploads.clear();
    await removeAttachment(removed.id, db);
    await removeAttachment(shared.id, db);
    const row = (hash: string, age: number): BlobRow => ({
      hash,
      blob: new Blob(['x']),
      type: 'image/jpeg',
      size: 1,
      createdAt: now - age,
      lastUsed: now - age,
    });
    // Arrived an hour ago with no record yet (its record is still on its way): young, kept.
    await db.blobs.add(row(hex('a'), 60 * 60 * 1000));
    // Old and unnamed but its upload is still pending: kept.
    await db.blobs.add(row(hex('b'), 3 * DAY));
    await db.blobUploads.add({
      hash: hex('b'),
      tripId: target.tripId,
      size: 1,
      type: 'image/jpeg',
      createdAt: now,
    });
    // Old, unnamed, nothing pending: freed.
    await db.blobs.add(row(hex('c'), 3 * DAY));

    const result = await collectUnreferencedBlobs(db, { now });
    const left = new Set((await db.blobs.toCollection().primaryKeys()) as string[]);
    expect(left.has(kept.hash) && left.has(kept.originalHash)).toBe(true);
    // The removed photo's reduced and original bytes are freed…
    expect(left.has(removed.hash) || left.has(removed.originalHash)).toBe(false);
    // …but not the shared ones, still named by the other record (hash and originalHash).
    expect(left.has(shared.hash) && left.has(shared.originalHash)).toBe(true);
    expect(left.has(hex('a')) && left.has(hex('b'))).toBe(true);
    expect(left.has(hex('c'))).toBe(false);
    expect(result.freed).toBe(3);
    expect(result.freedBytes).toBeGreaterThan(removed.size);
  });

  it('keeps a blob that was shown recently, and frees it once the grace period is over', async () => {
    const { db, target } = freshWorld();
    const [photo] = (await addFiles(target, [jpegFile('a.jpg')], { kind: 'photo' }, db, testEnv())).added;
    if (!photo) throw new Error('not added');
    await db.blobUploads.clear();
    await removeAttachment(photo.id, db);
    expect((await collectUnreferencedBlobs(db)).freed).toBe(0);
    expect((await collectUnreferencedBlobs(db, { graceMs: 0, now: Date.now() + 1 })).freed).toBe(1);
    expect(await db.blobs.count()).toBe(0);
  });

  it("frees the photos of a deleted trip, but not bytes another trip's photo still names", async () => {
    const { db, target } = freshWorld();
    const trip = await createRecord(
      'trips',
      { title: '走进眉山', region: '眉山市', startDate: '2023-05-10', endDate: '2023-05-11' },
      db,
    );
    const other = { ...target, tripId: newId(), recordId: newId() };
    const env = testEnv({ now: () => Date.now() - 2 * DAY });
    const inTrip = { ...target, tripId: trip.id };
    const { added } = await addFiles(
      inTrip,
      [jpegFile('a.jpg', 'a'), jpegFile('b.jpg', 'b')],
      { kind: 'photo' },
      db,
      env,
    );
    await addFiles(other, [jpegFile('b again.jpg', 'b')], { kind: 'photo' }, db, env);
    await db.blobUploads.clear();
    const [onlyHere, alsoElsewhere] = added;
    if (!onlyHere || !alsoElsewhere) throw new Error('not added');

    expect((await collectUnreferencedBlobs(db)).freed).toBe(0);
    await deleteRecord('trips', trip.id, db);
    const result = await collectUnreferencedBlobs(db);
    expect(result.freed).toBe(1);
    const left = new Set((await db.blobs.toCollection().primaryKeys()) as string[]);
    expect(left.has(onlyHere.hash)).toBe(false);
    expect(left.has(alsoElsewhere.hash)).toBe(true);
  });
});

describe('signatures and captions', () => {
  const png = (extra: number) => new Blob([PNG_BYTES, new Uint8Array([extra])], { type: 'image/png' });

  it("replaces a party's previous signature and keeps the other party's", async () => {
    const { db, target } = freshWorld('agreements');
    const first = await addSignature(target, '甲方', png(1), db);
    const other = await addSignature(target, '乙方', png(2), db);
    const second = await addSignature(target, '甲方', png(3), db);
    expect(second).toMatchObject({
      kind: 'signature',
      party: '甲方',
      type: 'image/png',
      width: 300,
      height: 100,
    });
    const live = (await db.attachments.toArray()).filter((a) => a._deleted === 0).map((a) => a.id);
    expect(live.sort()).toEqual([other.id, second.id].sort());
    expect((await db.attachments.get(first.id))?._deleted).toBe(1);
    expect(await db.blobUploads.count()).toBe(3);
    await expect(addSignature(target, '甲方', new Blob(['not a png']), db)).rejects.toBeInstanceOf(
      InvalidSignatureError,
    );
  });

  it('updates a caption through the repository (synced)', async () => {
    const { db, target } = freshWorld();
    const [photo] = (await addFiles(target, [jpegFile('a.jpg')], { kind: 'photo' }, db, testEnv())).added;
    const updated = await updateCaption(photo?.id ?? '', '  车间现场  ', db);
    expect(updated.caption).toBe('车间现场');
    expect(await db.outbox.where('recordId').equals(updated.id).count()).toBe(2);
  });
});
