import { afterEach, describe, expect, it } from 'vitest';
import { addFiles } from '../../renderer/attachments/addFiles';
import { setKeepOffline } from '../../renderer/attachments/sync/keepOffline';
import { type BlobSync, startBlobSync } from '../../renderer/attachments/sync/service';
import { createRecord } from '../../renderer/data/repository';
import { sha256 } from '../server/blobsFixtures';
import { jpegFile, testEnv } from '../unit/attachments/fixtures';
import { type Device, SyncWorld } from './syncWorld';

/**
 * Two (three) devices with the real sync engine and the real server: a photo taken offline on one
 * appears on the others after sync — lazily when shown, eagerly where the trip is kept offline.
 */
let world: SyncWorld | null = null;
const sessions: BlobSync[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop();
  // A download's response can count as in progress for an instant after its last byte was read
  // (docs/attachments-server.md, "Shutdown after a download"): let it finish before closing.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await world?.dispose();
  world = null;
});

/** The attachment transfers of a device's session, hooked to its engine as runtime.ts does. */
function filesOf(w: SyncWorld, device: Device): BlobSync {
  const session = startBlobSync({
    db: device.db,
    baseUrl: w.proxyUrl,
    getToken: () => device.account.token,
    engine: device.engine,
  });
  sessions.push(session);
  return session;
}

const bytesOf = async (device: Device, hash: string) => {
  const row = await device.db.blobs.get(hash);
  return row ? new Uint8Array(await row.blob.arrayBuffer()) : null;
};

describe('attachments between devices', () => {
  it('a photo taken offline on one device appears on the others after sync', async () => {
    const w = new SyncWorld();
    world = w;
    await w.start([
      { username: 'org', role: 'organiser' },
      { username: 'e1', role: 'expert' },
    ]);
    const a = w.addDevice('A', 'org');
    const b = w.addDevice('B', 'e1');
    const c = w.addDevice('C', 'org'); // the organiser's second laptop, keeping the trip offline
    const filesA = filesOf(w, a);
    const filesB = filesOf(w, b);
    filesOf(w, c);

    // Offline on A: the trip, a visit and a photo. Nothing has reached the server yet.
    const trip = await createRecord(
      'trips',
      { title: '走进璧山', region: '璧山', startDate: '2025-06-23', endDate: '2025-06-25' },
      a.db,
    );
    const target = { tripId: trip.id, recordTable: 'visits' as const, recordId: trip.id };
    const { added, refused } = await addFiles(
      target,
      [jpegFile('车间.jpg')],
      { kind: 'photo' },
      a.db,
      testEnv(),
    );
    expect(refused).toEqual([]);
    const photo = added[0];
    if (!photo) throw new Error('no attachment');
    const original = await bytesOf(a, photo.hash);
    expect(await a.db.blobUploads.count()).toBe(1);
    // Before the trip is on the server, the uploader waits instead of failing.
    expect((await filesA.uploader.runOnce()).waiting).toEqual([photo.hash]);

    // A comes online: record sync first; the upload follows on its own, without holding sync up.
    await a.engine.syncNow();
    await expect.poll(() => a.db.blobUploads.count(), { timeout: 10_000 }).toBe(0);

    const member = await w.api('org', 'POST', `/trips/${trip.id}/members`, {
      userId: w.accounts.get('e1')?.id,
      role: 'member',
    });
    expect(member.status).toBeLessThan(300);
    await setKeepOffline(trip.id, true, c.db);

    // B syncs: the record is there, the bytes are not until the photo is shown.
    await b.engine.syncNow();
    expect(await b.db.attachments.get(photo.id)).toMatchObject({ hash: photo.hash });
    expect(await b.db.blobs.get(photo.hash)).toBeUndefined();
    expect(await filesB.ensureBlob(photo.hash, trip.id)).toBe(true);
    const onB = await bytesOf(b, photo.hash);
    expect(onB).toEqual(original);
    expect(sha256(onB ?? new Uint8Array())).toBe(photo.hash);

    // C keeps the trip offline: after its sync the photo is there without anyone asking.
    await c.engine.syncNow();
    await expect.poll(() => bytesOf(c, photo.hash), { timeout: 10_000 }).toEqual(original);
  });
});
