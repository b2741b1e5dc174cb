import type { BlobType } from './protocol';

/**
 * What a file really is, from its first bytes ("magic numbers"), independent of its name or the type
 * a device declared: a program renamed to photo.jpg is still a program. Besides the accepted types it
 * recognises a few common ones people try (HEIC photos, Word files, programs), so the answer can say
 * what to do instead of only "not allowed".
 */
export const SNIFF_BYTES = 1024;

export type DetectedType =
  | BlobType
  | 'image/heic'
  | 'image/avif'
  | 'image/gif'
  | 'image/bmp'
  | 'image/tiff'
  | 'image/svg+xml'
  | 'application/zip'
  | 'application/x-ole-storage'
  | 'application/x-msdownload'
  | 'application/x-executable';

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const asciiAt = (head: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...head.subarray(at, at + length));

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** ISO base media ("ftyp" box): HEIC/HEIF and AVIF photos. */
function isoBrand(head: Uint8Array): DetectedType | undefined {
  if (asciiAt(head, 4, 4) !== 'ftyp') return undefined;
  const major = asciiAt(head, 8, 4);
  if (major === 'avif' || major === 'avis') return 'image/avif';
  if (HEIC_BRANDS.has(major)) return 'image/heic';
  return undefined;
}

/** PDF readers accept the "%PDF-" header anywhere in the first 1024 bytes, so we do too. */
function hasPdfHeader(head: Uint8Array): boolean {
  const limit = Math.min(head.length, SNIFF_BYTES) - 5;
  for (let i = 0; i <= limit; i++) {
    if (head[i] === 0x25 && startsWith(head, ascii('%PDF-'), i)) return true;
  }
  return false;
}

export function sniffBlobType(head: Uint8Array): DetectedType | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (hasPdfHeader(head)) return 'application/pdf';
  const iso = isoBrand(head);
  if (iso) return iso;
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('BM'))) return 'image/bmp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'image/tiff';
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (startsWith(head, ascii('MZ'))) return 'application/x-msdownload';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'application/x-executable';
  const text = asciiAt(head, 0, Math.min(head.length, 256)).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'image/svg+xml';
  return undefined;
}
