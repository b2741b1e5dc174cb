import type { AttachEnv } from '../../../renderer/attachments/addFiles';
import type { ImageProcessor } from '../../../renderer/attachments/image';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { newId } from '../../../shared/ids';
import { fakeJpeg } from './exifFixture';

/**
 * Unit-test stand-ins for what needs a browser. Decoding an image needs createImageBitmap and a canvas,
 * which Node lacks; the real processor runs in Chromium (test/e2e/attachments-image.e2e.ts). This one
 * "re-encodes" deterministically (the same input gives the same output bytes, as dedupe requires) and
 * reports the size the test asked for.
 */
export function fakeImages(
  size: (source: Blob) => { width: number; height: number } = () => ({ width: 800, height: 600 }),
): ImageProcessor {
  const reencode = async (source: Blob, tag: string) => {
    const bytes = new Uint8Array(await source.arrayBuffer());
    return new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xdb]), tag, bytes], { type: 'image/jpeg' });
  };
  return {
    async photo(source) {
      return {
        full: { blob: await reencode(source, 'full'), ...size(source) },
        thumb: await reencode(source, 'thumb'),
      };
    },
    async inspect(source) {
      return { ...size(source), thumb: await reencode(source, 'thumb') };
    },
  };
}

export function testEnv(overrides: Partial<AttachEnv> = {}): AttachEnv {
  return { images: fakeImages(), estimate: async () => undefined, now: () => Date.now(), ...overrides };
}

export const file = (bytes: Uint8Array<ArrayBuffer> | string, name: string, type = ''): File =>
  new File([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes], name, { type });

export const jpegFile = (name: string, extra = 'a') =>
  file(
    new Uint8Array([...fakeJpeg({ orientation: 1 }), ...new TextEncoder().encode(extra)]),
    name,
    'image/jpeg',
  );

export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0x2c, 0, 0, 0,
  0x64, 8, 6, 0, 0, 0,
]);

/** A fresh database and a target (a visit of a trip; the attachments record only refers to them). */
export function freshWorld(recordTable: 'visits' | 'agreements' = 'visits') {
  const db = new AppDatabase(`test-${crypto.randomUUID()}`);
  setDb(db);
  return { db, target: { tripId: newId(), recordTable, recordId: newId() } };
}
