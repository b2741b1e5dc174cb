import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../renderer/db/database';
import { fitImage } from '../../../renderer/export/docx/photoSection';
import { type ExportProgress, runExportJob } from '../../../renderer/export/exportJob';
import { imageSize } from '../../../renderer/export/photos/imageSize';
import { listTripPhotos } from '../../../renderer/export/photos/tripPhotos';
import { attachPhotos, buildTrip, newDevice } from '../backup/fixtures';
import { keepArtifact } from './artifacts';
import { solidPng } from './images';
import { headingsOf, readDocx } from './readBack';

/** The Word report's 六、现场照片: the picked photos embedded with captions, read back from the .docx. */
const opened: AppDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function tripWithPhotos() {
  const db = newDevice();
  opened.push(db);
  const trip = await buildTrip(db);
  const photos = await attachPhotos(db, trip);
  return { db, trip, photos };
}

async function exportDocx(db: AppDatabase, tripId: string, photoIds?: string[]) {
  const progress: ExportProgress[] = [];
  const built = await runExportJob(
    {
      tripId,
      format: 'docx',
      lang: 'zh-CN',
      today: '2025-06-26',
      exportedAt: '2025-06-26T08:00:00.000Z',
      ...(photoIds ? { photoIds } : {}),
    },
    db,
    (p) => progress.push(p),
  );
  const zip = await JSZip.loadAsync(built.bytes);
  const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && !zip.files[n]?.dir);
  return { built, zip, media, progress, doc: await readDocx(built.bytes) };
}

describe('Word report with site photos', () => {
  it('embeds the two selected photos, scaled, each with its caption under it', async () => {
    const { db, trip, photos } = await tripWithPhotos();
    const { media, zip, doc, progress, built } = await exportDocx(db, trip.trip.id, [
      photos.redAtFactory.id,
      photos.blueAtFactory.id,
    ]);
    await keepArtifact('report-with-photos.docx', built.bytes);

    expect(media).toHaveLength(2);
    const embedded = await Promise.all(media.map((n) => zip.file(n)?.async('uint8array')));
    expect(embedded.map((b) => b?.length).sort()).toEqual(
      [photos.red.bytes.length, photos.blue.bytes.length].sort(),
    );
    expect(headingsOf(doc, 'Heading1').at(-1)).toBe('六、现场照片');
    expect(headingsOf(doc, 'Heading2').at(-1)).toBe('重庆璧山精密制造有限公司');
    expect(headingsOf(doc, 'PhotoCaption')).toEqual(['专家在生产线查看主轴', '座谈会现场']);
    const xml = doc.files['word/document.xml'] ?? '';
    // 40×30 px keeps its 4:3 aspect (9525 EMU per pixel); the picture names the caption for screen readers.
    expect(xml).toContain(`cx="${40 * 9525}" cy="${30 * 9525}"`);
    expect(xml).toContain('descr="座谈会现场"');
    expect(doc.text).not.toContain('不在本机');
    expect(progress.filter((p) => p.files).at(-1)?.files).toEqual({ done: 2, total: 2 });
  });

  it('has no photo section and no media when none is selected', async () => {
    const { db, trip } = await tripWithPhotos();
    for (const ids of [undefined, []]) {
      const { media, doc } = await exportDocx(db, trip.trip.id, ids);
      expect(media).toEqual([]);
      expect(headingsOf(doc, 'Heading1')).not.toContain('六、现场照片');
    }
  });

  it('names a selected photo that is not on this device instead of embedding it; uncaptioned ones read “host · date”', async () => {
    const { db, trip, photos } = await tripWithPhotos();
    const { media, doc } = await exportDocx(db, trip.trip.id, [
      photos.redAtClinic.id,
      photos.absentAtClinic.id,
    ]);
    expect(media).toHaveLength(1);
    expect(headingsOf(doc, 'PhotoCaption')).toEqual(['璧山区人民医院 · 2025年6月24日']);
    expect(doc.text).toContain('另有 1 张照片不在本机，未附入：门诊现场。');
  });

  it('lists the trip’s live photos of live visits, grouped by date and host', async () => {
    const { db, trip, photos } = await tripWithPhotos();
    const listed = await listTripPhotos(db, trip.trip.id);
    expect(listed.map((p) => p.id)).toEqual([
      photos.redAtFactory.id,
      photos.blueAtFactory.id,
      photos.redAtClinic.id,
      photos.absentAtClinic.id,
    ]);
    expect(listed[2]).toMatchObject({ hostName: '璧山区人民医院', date: '2025-06-24' });
  });
});

describe('photo sizing', () => {
  it('reads PNG sizes from the header and fits large photos into 15 cm, aspect kept', () => {
    expect(imageSize(solidPng(33, 7, [0, 0, 0]))).toEqual({ width: 33, height: 7 });
    expect(imageSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(fitImage(4000, 3000)).toEqual({ width: 567, height: 425 });
    expect(fitImage(3000, 4000)).toEqual({ width: 454, height: 605 });
    expect(fitImage(200, 100)).toEqual({ width: 200, height: 100 });
  });
});
