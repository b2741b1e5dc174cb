import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { importTripBackup } from '../../../renderer/backup/importBackup';
import type { AppDatabase } from '../../../renderer/db/database';
import { runExportJob } from '../../../renderer/export/exportJob';
import { parseBackup } from '../../../shared/backup/format';
import { BACKUP_FILES_MANIFEST, BACKUP_ZIP_ENTRY, readBackupZip } from '../../../shared/backup/zip';
import { attachPhotos, blobBytes, buildTrip, idsOf, newDevice, rowsOf, snapshot } from './fixtures';

/**
 * The ZIP backup (JSON + attachments' files) from device A to an empty device B: records and stamps
 * equal, blobs byte-identical, upload rows for what B did not have, a second import a no-op, and a
 * damaged file refused with nothing changed. Blobs are real Blob values in fake-indexeddb (Node 20's
 * structuredClone clones Blob), written by the attachments core's own putBlobIfAbsent.
 */
const opened: AppDatabase[] = [];
function device(): AppDatabase {
  const db = newDevice();
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function exportZip(db: AppDatabase, tripId: string) {
  const files: { done: number; total: number }[] = [];
  const built = await runExportJob(
    {
      tripId,
      format: 'json',
      lang: 'zh-CN',
      today: '2025-06-26',
      exportedAt: '2025-06-26T08:00:00.000Z',
      includeFiles: true,
    },
    db,
    (p) => {
      if (p.files) files.push(p.files);
    },
  );
  return { built, files };
}

/** Blob rows without their Blob objects (which toEqual cannot look into), plus the bytes. */
async function blobState(db: AppDatabase) {
  const rows = await db.blobs.toArray();
  return Promise.all(
    rows.map(async ({ blob, thumb: _thumb, ...rest }) => ({
      ...rest,
      bytes: [...new Uint8Array(await blob.arrayBuffer())],
    })),
  );
}

describe('ZIP backup with attachments', () => {
  it('restores records, stamps and byte-identical blobs on an empty device, and a second import changes nothing', async () => {
    const a = device();
    const trip = await buildTrip(a);
    const photos = await attachPhotos(a, trip);
    const { built, files } = await exportZip(a, trip.trip.id);

    expect(built.fileName).toBe('璧山区专家服务活动-备份-2025-06-25.zip');
    expect(built.mimeType).toBe('application/zip');
    // Progress counts the files: three hashes named, two on the device.
    expect(files.at(-1)).toEqual({ done: 3, total: 3 });

    const zip = await JSZip.loadAsync(built.bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names.sort()).toEqual(
      [
        BACKUP_ZIP_ENTRY,
        BACKUP_FILES_MANIFEST,
        `files/${photos.red.hash}`,
        `files/${photos.blue.hash}`,
      ].sort(),
    );
    const manifest = JSON.parse((await zip.file(BACKUP_FILES_MANIFEST)?.async('string')) ?? '');
    expect(manifest.missing).toEqual([photos.absent.hash]);
    // The JSON inside is an ordinary backup: a .json import of it works too.
    const json = (await zip.file(BACKUP_ZIP_ENTRY)?.async('string')) ?? '';
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error('the JSON inside the ZIP was refused');
    expect(parsed.backup.counts.attachments).toBe(4);

    const b = device();
    const result = await importTripBackup(b, built.bytes);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
    expect(result.summary.files).toEqual({ added: 2, present: 0, missing: 1 });
    expect(result.summary.tables.attachments).toEqual({ new: 4, updated: 0, unchanged: 0 });

    const ids = idsOf(parsed.backup.tables);
    expect(await rowsOf(b, ids)).toEqual(await rowsOf(a, ids));
    expect(await blobBytes(b, photos.red.hash)).toEqual(photos.red.bytes);
    expect(await blobBytes(b, photos.blue.hash)).toEqual(photos.blue.bytes);
    expect(await blobBytes(b, photos.absent.hash)).toBeUndefined();
    const red = await b.blobs.get(photos.red.hash);
    expect(red).toMatchObject({ type: 'image/png', size: photos.red.bytes.byteLength });
    expect(red?.blob.type).toBe('image/png');
    // B may now hold the only copy: both blobs are queued for upload to the trip, the absent one not.
    const uploads = await b.blobUploads.toArray();
    expect(uploads.map((u) => u.hash).sort()).toEqual([photos.red.hash, photos.blue.hash].sort());
    expect(uploads.every((u) => u.tripId === trip.trip.id)).toBe(true);

    const before = await snapshot(b);
    const blobsBefore = await blobState(b);
    const again = await importTripBackup(b, built.bytes);
    if (!again.ok) throw new Error('second import refused');
    expect(again.summary.total.new + again.summary.total.updated).toBe(0);
    expect(again.summary.files).toEqual({ added: 0, present: 2, missing: 1 });
    const after = await snapshot(b);
    expect({ ...after, blobs: [] }).toEqual({ ...before, blobs: [] });
    expect(await blobState(b)).toEqual(blobsBefore);
  });

  it('refuses a ZIP whose file does not match its hash, and changes nothing', async () => {
    const a = device();
    const trip = await buildTrip(a);
    const photos = await attachPhotos(a, trip);
    const { built } = await exportZip(a, trip.trip.id);

    // Same name, other bytes (one byte changed), written with a valid CRC: only the hash can tell.
    const zip = await JSZip.loadAsync(built.bytes);
    const altered = new Uint8Array(photos.blue.bytes);
    altered[altered.length - 20] = (altered[altered.length - 20] ?? 0) ^ 0xff;
    zip.file(`files/${photos.blue.hash}`, altered);
    const damaged = new Uint8Array(await zip.generateAsync({ type: 'arraybuffer' }));

    const b = device();
    await buildTrip(b, '本机原有活动');
    const before = await snapshot(b);
    const result = await importTripBackup(b, damaged);
    expect(result).toEqual({ ok: false, problem: { code: 'file_damaged', hash: photos.blue.hash } });
    expect(await snapshot(b)).toEqual(before);
    expect(await b.blobs.count()).toBe(0);
    expect(await readBackupZip(damaged)).toMatchObject({ ok: false, problem: { code: 'file_damaged' } });
  });

  it('refuses a ZIP with a stray file, a missing manifest or a ZIP that is not a backup', async () => {
    const a = device();
    const trip = await buildTrip(a);
    await attachPhotos(a, trip);
    const { built } = await exportZip(a, trip.trip.id);

    const stray = await JSZip.loadAsync(built.bytes);
    stray.file(`files/${'0'.repeat(64)}`, 'extra');
    const strayResult = await readBackupZip(
      new Uint8Array(await stray.generateAsync({ type: 'arraybuffer' })),
    );
    expect(strayResult).toMatchObject({ ok: false, problem: { code: 'damaged' } });

    const noManifest = await JSZip.loadAsync(built.bytes);
    noManifest.remove(BACKUP_FILES_MANIFEST);
    const noManifestResult = await readBackupZip(
      new Uint8Array(await noManifest.generateAsync({ type: 'arraybuffer' })),
    );
    expect(noManifestResult).toMatchObject({ ok: false, problem: { code: 'damaged' } });

    const other = new JSZip();
    other.file('01-走访记录.csv', 'a,b\n');
    const b = device();
    const otherResult = await importTripBackup(
      b,
      new Uint8Array(await other.generateAsync({ type: 'arraybuffer' })),
    );
    expect(otherResult).toEqual({ ok: false, problem: { code: 'not_backup' } });

    // Cut off half-way: damaged, not "not a backup".
    const cut = built.bytes.slice(0, Math.floor(built.bytes.length / 2));
    expect(await importTripBackup(b, cut)).toMatchObject({ ok: false, problem: { code: 'damaged' } });
    expect(await b.trips.count()).toBe(0);
  });

  it('a JSON backup without files still imports, and leaves the blob tables alone', async () => {
    const a = device();
    const trip = await buildTrip(a);
    await attachPhotos(a, trip);
    const built = await runExportJob(
      {
        tripId: trip.trip.id,
        format: 'json',
        lang: 'zh-CN',
        today: '2025-06-26',
        exportedAt: '2025-06-26T08:00:00.000Z',
      },
      a,
      () => undefined,
    );
    expect(built.fileName.endsWith('.json')).toBe(true);
    const b = device();
    const result = await importTripBackup(b, built.bytes);
    if (!result.ok) throw new Error('refused');
    expect(result.summary.files).toBeUndefined();
    expect(result.summary.tables.attachments.new).toBe(4);
    expect(await b.blobs.count()).toBe(0);
    expect(await b.blobUploads.count()).toBe(0);
  });
});
