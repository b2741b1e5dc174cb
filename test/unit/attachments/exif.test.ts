import { describe, expect, it } from 'vitest';
import { readExif, swapsSides } from '../../../shared/attachments/exif';
import { buildApp1, fakeJpeg } from './exifFixture';

const FULL = {
  orientation: 6,
  dateTimeOriginal: '2024:05:06 14:03:22',
  gps: {
    latRef: 'N',
    lat: [30, 39, 36] as [number, number, number],
    lonRef: 'E',
    lon: [104, 3, 54.5] as [number, number, number],
  },
};

describe('readExif', () => {
  it.each([false, true])('reads orientation, date and GPS (little-endian: %s)', (little) => {
    const exif = readExif(fakeJpeg({ ...FULL, little }));
    expect(exif).toEqual({
      orientation: 6,
      takenAt: '2024-05-06T14:03:22',
      latitude: 30.66,
      longitude: 104.065139,
    });
    expect(swapsSides(exif.orientation)).toBe(true);
  });

  it('signs southern and western coordinates and keeps the time offset', () => {
    const exif = readExif(
      fakeJpeg({
        dateTimeOriginal: '2023:12:31 23:59:59',
        offsetTimeOriginal: '+08:00',
        gps: { latRef: 'S', lat: [33, 52, 4], lonRef: 'W', lon: [70, 0, 0] },
      }),
    );
    expect(exif.takenAt).toBe('2023-12-31T23:59:59+08:00');
    expect(exif.latitude).toBeCloseTo(-33.867778, 5);
    expect(exif.longitude).toBe(-70);
    expect(exif.orientation).toBeUndefined();
  });

  it('ignores blank dates, "0,0" positions and out-of-range orientation', () => {
    const exif = readExif(
      fakeJpeg({
        orientation: 9,
        dateTimeOriginal: '    :  :     :  :  ',
        gps: { latRef: 'N', lat: [0, 0, 0], lonRef: 'E', lon: [0, 0, 0] },
      }),
    );
    expect(exif).toEqual({});
  });

  it('returns nothing for non-JPEG input, an empty file and a JPEG without EXIF', () => {
    expect(readExif(new Uint8Array())).toEqual({});
    expect(readExif(new TextEncoder().encode('%PDF-1.4 hello'))).toEqual({});
    expect(readExif(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9]))).toEqual({});
  });

  it('never throws on every truncation of a valid file', () => {
    const bytes = fakeJpeg({ ...FULL, offsetTimeOriginal: '+08:00' });
    for (let length = 0; length < bytes.length; length++) {
      expect(() => readExif(bytes.subarray(0, length))).not.toThrow();
    }
    // Cut inside the GPS data: whatever is read is from intact fields only (no half coordinates).
    const cut = readExif(bytes.subarray(0, bytes.length - 20));
    expect(cut.latitude === undefined).toBe(cut.longitude === undefined);
  });

  it('never throws on garbage, including random bytes behind a valid header', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    };
    const app1 = buildApp1(FULL);
    for (let round = 0; round < 300; round++) {
      const bytes = new Uint8Array(2 + app1.length);
      bytes.set([0xff, 0xd8]);
      bytes.set(app1, 2);
      // Corrupt a few bytes of the TIFF block (offsets, counts, types).
      for (let i = 0; i < 6; i++) bytes[14 + (random() % (app1.length - 12))] = random();
      expect(() => readExif(bytes)).not.toThrow();
      const pure = new Uint8Array(200).map(() => random());
      pure.set([0xff, 0xd8, 0xff, 0xe1, 0x00, 0xc0, 0x45, 0x78, 0x69, 0x66, 0, 0]);
      expect(() => readExif(pure)).not.toThrow();
    }
  });
});
