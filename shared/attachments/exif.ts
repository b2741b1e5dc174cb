/**
 * The few EXIF facts a trip photo needs, read straight from a JPEG's APP1 segment: how the camera
 * was turned (Orientation), when the photo was taken (DateTimeOriginal) and where (GPS).
 *
 * Defensive by design: files come from phones, scanners and messaging apps, and some are cut short or
 * carry garbage. Every read is bounds-checked, offsets are followed at most once per IFD, and anything
 * odd yields "unknown" (an empty result) — this function never throws.
 */
export type ExifData = {
  /** 1–8 as in the TIFF spec; absent when unknown. */
  orientation?: number;
  /** ISO-like local time "2024-05-06T14:03:22", with "+08:00" when the camera wrote an offset. */
  takenAt?: string;
  latitude?: number;
  longitude?: number;
};

const TAG = {
  orientation: 0x0112,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
  gpsLatRef: 0x0001,
  gpsLat: 0x0002,
  gpsLonRef: 0x0003,
  gpsLon: 0x0004,
} as const;

/** TIFF field types we read: byte counts per component. */
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
const MAX_ENTRIES = 512;

type Entry = { type: number; count: number; valueOffset: number };

class Tiff {
  constructor(
    private readonly view: DataView,
    private readonly little: boolean,
  ) {}

  has(offset: number, length: number): boolean {
    return offset >= 0 && length >= 0 && offset + length <= this.view.byteLength;
  }
  u16(offset: number): number | undefined {
    return this.has(offset, 2) ? this.view.getUint16(offset, this.little) : undefined;
  }
  u32(offset: number): number | undefined {
    return this.has(offset, 4) ? this.view.getUint32(offset, this.little) : undefined;
  }

  /** The entries of the IFD at `offset`, by tag; empty if the IFD does not fit. */
  ifd(offset: number): Map<number, Entry> {
    const entries = new Map<number, Entry>();
    const count = this.u16(offset);
    if (count === undefined || count > MAX_ENTRIES) return entries;
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      const tag = this.u16(at);
      const type = this.u16(at + 2);
      const n = this.u32(at + 4);
      if (tag === undefined || type === undefined || n === undefined) break;
      const size = (TYPE_SIZE[type] ?? 0) * n;
      // Values of up to 4 bytes sit in the entry itself; larger ones elsewhere, at the stored offset.
      const valueOffset = size <= 4 ? at + 8 : (this.u32(at + 8) ?? -1);
      entries.set(tag, { type, count: n, valueOffset });
    }
    return entries;
  }

  short(entry: Entry | undefined): number | undefined {
    if (!entry) return undefined;
    if (entry.type === 3) return this.u16(entry.valueOffset);
    if (entry.type === 4) return this.u32(entry.valueOffset);
    return undefined;
  }

  ascii(entry: Entry | undefined): string | undefined {
    if (entry?.type !== 2 || entry.count > 256 || !this.has(entry.valueOffset, entry.count)) {
      return undefined;
    }
    let text = '';
    for (let i = 0; i < entry.count; i++) {
      const c = this.view.getUint8(entry.valueOffset + i);
      if (c === 0) break;
      text += String.fromCharCode(c);
    }
    return text;
  }

  rationals(entry: Entry | undefined, count: number): number[] | undefined {
    if (entry?.type !== 5 || entry.count < count || !this.has(entry.valueOffset, count * 8)) {
      return undefined;
    }
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const num = this.view.getUint32(entry.valueOffset + i * 8, this.little);
      const den = this.view.getUint32(entry.valueOffset + i * 8 + 4, this.little);
      if (den === 0) return undefined;
      values.push(num / den);
    }
    return values;
  }
}

/** The TIFF block of the first "Exif" APP1 segment, or undefined. Stops at the image data. */
function findTiff(bytes: Uint8Array): DataView | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes (FF FF…) may pad between segments.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Start of scan or end of image: no metadata follows.
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2) return undefined;
    const start = at + 4;
    const end = Math.min(bytes.length, at + 2 + length);
    if (marker === 0xe1 && end - start >= 14 && isExifHeader(bytes, start)) {
      return new DataView(bytes.buffer, bytes.byteOffset + start + 6, end - start - 6);
    }
    at += 2 + length;
  }
  return undefined;
}

function isExifHeader(bytes: Uint8Array, at: number): boolean {
  // "Exif\0\0"
  return [0x45, 0x78, 0x69, 0x66, 0, 0].every((b, i) => bytes[at + i] === b);
}

/** "2024:05:06 14:03:22" → "2024-05-06T14:03:22"; undefined for blanks ("    :  :  ") and garbage. */
function exifDate(text: string | undefined, offset: string | undefined): string | undefined {
  const m = text?.match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  if (y === '0000' || Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

function coordinate(tiff: Tiff, value: Entry | undefined, ref: Entry | undefined, limit: number) {
  const dms = tiff.rationals(value, 3);
  const hemisphere = tiff.ascii(ref)?.trim().toUpperCase();
  if (!dms || !hemisphere) return undefined;
  const [deg = 0, min = 0, sec = 0] = dms;
  const abs = deg + min / 60 + sec / 3600;
  if (!Number.isFinite(abs) || abs > limit) return undefined;
  const signed = hemisphere === 'S' || hemisphere === 'W' ? -abs : abs;
  // Six decimals ≈ 0.1 m: more than a phone's GPS knows, and it keeps records free of float noise.
  return Math.round(signed * 1e6) / 1e6;
}

function parse(bytes: Uint8Array): ExifData {
  const view = findTiff(bytes);
  if (!view || view.byteLength < 8) return {};
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return {};
  const tiff = new Tiff(view, order === 0x4949);
  if (tiff.u16(2) !== 42) return {};
  const ifd0 = tiff.ifd(tiff.u32(4) ?? -1);
  const result: ExifData = {};

  const orientation = tiff.short(ifd0.get(TAG.orientation));
  if (orientation !== undefined && orientation >= 1 && orientation <= 8) result.orientation = orientation;

  const exifAt = tiff.short(ifd0.get(TAG.exifIfd));
  if (exifAt !== undefined) {
    const exif = tiff.ifd(exifAt);
    const takenAt = exifDate(
      tiff.ascii(exif.get(TAG.dateTimeOriginal)),
      tiff.ascii(exif.get(TAG.offsetTimeOriginal)),
    );
    if (takenAt) result.takenAt = takenAt;
  }

  const gpsAt = tiff.short(ifd0.get(TAG.gpsIfd));
  if (gpsAt !== undefined) {
    const gps = tiff.ifd(gpsAt);
    const latitude = coordinate(tiff, gps.get(TAG.gpsLat), gps.get(TAG.gpsLatRef), 90);
    const longitude = coordinate(tiff, gps.get(TAG.gpsLon), gps.get(TAG.gpsLonRef), 180);
    // A position is only useful whole; "0,0" is what some phones write when they had no fix.
    if (latitude !== undefined && longitude !== undefined && !(latitude === 0 && longitude === 0)) {
      result.latitude = latitude;
      result.longitude = longitude;
    }
  }
  return result;
}

export function readExif(bytes: Uint8Array): ExifData {
  try {
    return parse(bytes);
  } catch {
    // The bounds checks above should make this unreachable; a photo's metadata is never worth a crash.
    return {};
  }
}

/** Orientations 5–8 turn the picture a quarter: width and height swap when it is shown upright. */
export const swapsSides = (orientation: number | undefined): boolean =>
  orientation !== undefined && orientation >= 5 && orientation <= 8;
