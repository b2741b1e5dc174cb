import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { addFiles, getBlob } from '../../renderer/attachments/index';
import type { AppDatabase } from '../../renderer/db/database';
import { buildApp1 } from '../unit/attachments/exifFixture';
import { launchBrowser, watchErrors } from './harness';

/**
 * The real image path of attachments in real Chromium: createImageBitmap with the EXIF orientation,
 * OffscreenCanvas re-encoding, SHA-256 by WebCrypto, Blobs in IndexedDB. The module is bundled here
 * with esbuild (the app's screens are tested elsewhere) and loaded into a blank page of a routed
 * origin, so IndexedDB is the browser's own.
 */
// localhost is a secure context (WebCrypto), like the app's own origins; nothing listens there, the
// page and the bundle are answered by page.route.
const ORIGIN = 'http://localhost:59123';
let browser: Browser;
let page: Page;
let errors: string[];

const ENTRY = `
import { addFiles, getBlob } from './renderer/attachments/index';
import { AppDatabase } from './renderer/db/database';
window.attachmentsUnderTest = { addFiles, getBlob, AppDatabase };
`;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: resolve('.'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  browser = await launchBrowser();
  page = await browser.newPage();
  errors = watchErrors(page);
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill(
      route.request().url().endsWith('/bundle.js')
        ? { contentType: 'text/javascript', body: script }
        : {
            contentType: 'text/html',
            body: '<!doctype html><meta charset="utf-8"><script src="/bundle.js"></script>',
          },
    ),
  );
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'attachmentsUnderTest' in window);
});

afterAll(async () => {
  await browser?.close();
});

type UnderTest = { addFiles: typeof addFiles; getBlob: typeof getBlob; AppDatabase: typeof AppDatabase };

type Outcome = {
  refused: number;
  record: {
    width: number;
    height: number;
    type: string;
    size: number;
    latitude: number | null;
    takenAt: string;
    originalHash: string;
  };
  stored: { width: number; height: number; top: number[]; bottom: number[] };
  thumb?: { width: number; height: number; size: number };
  originalSize?: number;
  inputSize: number;
};

/**
 * Draws a width×height picture (red first half, blue second half, split left|right or top/bottom; a
 * gradient so JPEG has real work),
 * exports it as JPEG, inserts the given APP1 after the start-of-image marker and attaches the file.
 */
function attach(
  width: number,
  height: number,
  split: 'leftRight' | 'topBottom',
  app1: number[],
  keepOriginal: boolean,
): Promise<Outcome> {
  return page.evaluate(
    async ({ width, height, split, app1, keepOriginal }) => {
      const w = window as unknown as { attachmentsUnderTest: UnderTest };
      const { addFiles, getBlob, AppDatabase } = w.attachmentsUnderTest;
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      const gradient = ctx.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#ff0000');
      gradient.addColorStop(1, '#ff2020');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = '#0000ff';
      if (split === 'leftRight') ctx.fillRect(width / 2, 0, width / 2, height);
      else ctx.fillRect(0, height / 2, width, height / 2);
      const jpeg = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer(),
      );
      const bytes = new Uint8Array(jpeg.length + app1.length);
      bytes.set(jpeg.subarray(0, 2));
      bytes.set(app1, 2);
      bytes.set(jpeg.subarray(2), 2 + app1.length);
      const file = new File([bytes], 'photo.jpg', { type: 'image/jpeg' });

      const db = new AppDatabase(`e2e-${crypto.randomUUID()}`);
      const target = {
        tripId: crypto.randomUUID(),
        recordTable: 'visits' as const,
        recordId: crypto.randomUUID(),
      };
      const { added, refused } = await addFiles(target, [file], { kind: 'photo', keepOriginal }, db);
      const record = added[0];
      const full = record && (await getBlob(record.hash, 'full', db));
      if (!record || !full) throw new Error(`not stored: ${JSON.stringify(refused)}`);
      // The stored JPEG carries no EXIF: decode it as it is, and look at its pixels.
      const bitmap = await createImageBitmap(full, { imageOrientation: 'none' });
      const look = new OffscreenCanvas(bitmap.width, bitmap.height);
      const lctx = look.getContext('2d') as OffscreenCanvasRenderingContext2D;
      lctx.drawImage(bitmap, 0, 0);
      const pixel = (x: number, y: number) => Array.from(lctx.getImageData(x, y, 1, 1).data.slice(0, 3));
      const row = await db.blobs.get(record.hash);
      let thumb: Outcome['thumb'];
      if (row?.thumb) {
        const t = await createImageBitmap(row.thumb);
        thumb = { width: t.width, height: t.height, size: row.thumb.size };
      }
      const original = record.originalHash ? await db.blobs.get(record.originalHash) : undefined;
      return {
        refused: refused.length,
        record: {
          width: record.width,
          height: record.height,
          type: record.type,
          size: record.size,
          latitude: record.latitude,
          takenAt: record.takenAt,
          originalHash: record.originalHash,
        },
        stored: {
          width: bitmap.width,
          height: bitmap.height,
          top: pixel(Math.floor(bitmap.width / 2), 2),
          bottom: pixel(Math.floor(bitmap.width / 2), bitmap.height - 3),
        },
        thumb,
        originalSize: original?.size,
        inputSize: file.size,
      };
    },
    { width, height, split, app1, keepOriginal },
  );
}

const isRed = ([r = 0, g = 0, b = 0]: number[]) => r > 200 && g < 80 && b < 80;
const isBlue = ([r = 0, g = 0, b = 0]: number[]) => b > 200 && r < 80 && g < 80;

describe('attachments: photos in Chromium', () => {
  it('stores a photo upright: EXIF orientation 6 turns a 40×20 picture into 20×40', async () => {
    const app1 = Array.from(
      buildApp1({
        orientation: 6,
        dateTimeOriginal: '2024:05:06 14:03:22',
        gps: { latRef: 'N', lat: [29, 33, 50], lonRef: 'E', lon: [106, 33, 7] },
      }),
    );
    const out = await attach(40, 20, 'leftRight', app1, false);
    expect(out.refused).toBe(0);
    expect(out.record).toMatchObject({
      width: 20,
      height: 40,
      type: 'image/jpeg',
      takenAt: '2024-05-06T14:03:22',
    });
    expect(out.record.latitude).toBeCloseTo(29.563889, 5);
    expect(out.stored).toMatchObject({ width: 20, height: 40 });
    // Orientation 6 means "turn 90° clockwise to view": the red left half becomes the top half. (Turned
    // the wrong way, or not at all, the top would be blue or the picture 40×20.)
    expect(isRed(out.stored.top)).toBe(true);
    expect(isBlue(out.stored.bottom)).toBe(true);
    expect(out.thumb).toMatchObject({ width: 20, height: 40 });
    expect(out.record.originalHash).toBe('');
  });

  it('reduces a 4000×3000 photo to 2560 px on the long side, with a 320 px thumbnail, and keeps the original on request', async () => {
    const out = await attach(4000, 3000, 'topBottom', Array.from(buildApp1({ orientation: 1 })), true);
    expect(out.refused).toBe(0);
    expect(out.record).toMatchObject({ width: 2560, height: 1920 });
    expect(out.stored).toMatchObject({ width: 2560, height: 1920 });
    expect(isRed(out.stored.top)).toBe(true);
    expect(isBlue(out.stored.bottom)).toBe(true);
    expect(out.thumb).toMatchObject({ width: 320, height: 240 });
    expect(out.thumb?.size).toBeLessThan(out.record.size);
    expect(out.originalSize).toBe(out.inputSize);
    expect(errors).toEqual([]);
  });
});
