/**
 * Hand-built EXIF (APP1) segments for tests: a TIFF block with IFD0 (Orientation, pointers), the Exif
 * IFD (DateTimeOriginal, OffsetTimeOriginal) and the GPS IFD, in either byte order. Shared by the unit
 * tests of the parser and the Chromium test, which inserts one into a canvas-made JPEG.
 */
export type ExifSpec = {
  little?: boolean;
  orientation?: number;
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  gps?: { latRef: string; lat: [number, number, number]; lonRef: string; lon: [number, number, number] };
};

type Entry = { tag: number; type: number; count: number; data: number[] };

const asciiEntry = (tag: number, text: string): Entry => ({
  tag,
  type: 2,
  count: text.length + 1,
  data: [...Array.from(text, (c) => c.charCodeAt(0)), 0],
});

export function buildTiff(spec: ExifSpec): Uint8Array<ArrayBuffer> {
  const little = spec.little ?? false;
  const u16 = (v: number) => (little ? [v & 0xff, v >> 8] : [v >> 8, v & 0xff]);
  const u32 = (v: number) =>
    little
      ? [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24]
      : [v >>> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
  // Rationals with denominator 100 keep fractional seconds.
  const rationals = (values: number[]) => values.flatMap((v) => [...u32(Math.round(v * 100)), ...u32(100)]);

  const exif: Entry[] = [];
  if (spec.dateTimeOriginal) exif.push(asciiEntry(0x9003, spec.dateTimeOriginal));
  if (spec.offsetTimeOriginal) exif.push(asciiEntry(0x9011, spec.offsetTimeOriginal));
  const gps: Entry[] = [];
  if (spec.gps) {
    gps.push(asciiEntry(0x0001, spec.gps.latRef));
    gps.push({ tag: 0x0002, type: 5, count: 3, data: rationals(spec.gps.lat) });
    gps.push(asciiEntry(0x0003, spec.gps.lonRef));
    gps.push({ tag: 0x0004, type: 5, count: 3, data: rationals(spec.gps.lon) });
  }
  const ifd0: Entry[] = [];
  if (spec.orientation !== undefined)
    ifd0.push({ tag: 0x0112, type: 3, count: 1, data: [...u16(spec.orientation), 0, 0] });
  const ifds = [ifd0, exif, gps];
  const sizeOf = (entries: Entry[]) => 2 + entries.length * 12 + 4;
  // Pointers to the sub-IFDs are LONG entries of IFD0, filled once the layout is known.
  if (exif.length) ifd0.push({ tag: 0x8769, type: 4, count: 1, data: [0, 0, 0, 0] });
  if (gps.length) ifd0.push({ tag: 0x8825, type: 4, count: 1, data: [0, 0, 0, 0] });
  const at = [8];
  at.push((at[0] ?? 0) + sizeOf(ifd0));
  at.push((at[1] ?? 0) + (exif.length ? sizeOf(exif) : 0));
  let dataAt = (at[2] ?? 0) + (gps.length ? sizeOf(gps) : 0);
  for (const e of ifd0) {
    if (e.tag === 0x8769) e.data = u32(at[1] ?? 0);
    if (e.tag === 0x8825) e.data = u32(at[2] ?? 0);
  }
  const out: number[] = [...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8)];
  const data: number[] = [];
  ifds.forEach((entries, i) => {
    if (i > 0 && entries.length === 0) return;
    out.push(...u16(entries.length));
    for (const e of entries) {
      out.push(...u16(e.tag), ...u16(e.type), ...u32(e.count));
      if (e.data.length <= 4) out.push(...e.data, ...new Array(4 - e.data.length).fill(0));
      else {
        out.push(...u32(dataAt));
        data.push(...e.data);
        dataAt += e.data.length;
      }
    }
    out.push(...u32(0));
  });
  return new Uint8Array([...out, ...data]);
}

/** FF E1, length, "Exif\0\0", TIFF. */
export function buildApp1(spec: ExifSpec): Uint8Array<ArrayBuffer> {
  const tiff = buildTiff(spec);
  const length = 2 + 6 + tiff.length;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]);
}

/** A JPEG's bytes with the APP1 segment inserted right after the start-of-image marker. */
export function withApp1(jpeg: Uint8Array, spec: ExifSpec): Uint8Array<ArrayBuffer> {
  const app1 = buildApp1(spec);
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2));
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/** Enough of a JPEG for the parser and the type sniffer: SOI, APP0 (JFIF), the APP1, SOS, EOI. */
export function fakeJpeg(spec: ExifSpec): Uint8Array<ArrayBuffer> {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const base = new Uint8Array([0xff, 0xd8, ...app0, 0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9]);
  const app1 = buildApp1(spec);
  const out = new Uint8Array(base.length + app1.length);
  out.set(base.subarray(0, 2 + app0.length));
  out.set(app1, 2 + app0.length);
  out.set(base.subarray(2 + app0.length), 2 + app0.length + app1.length);
  return out;
}
