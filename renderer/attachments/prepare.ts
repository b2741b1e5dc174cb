import { readExif } from '../../shared/attachments/exif';
import {
  type BlobType,
  DEFAULT_BLOB_MAX_BYTES,
  type DetectedType,
  formatByteSize,
  SNIFF_BYTES,
  sniffBlobType,
} from '../../shared/blobs';
import type { BlobCandidate } from './blobStore';
import { headOf, sha256Hex } from './hash';
import type { ImageProcessor } from './image';
import type { AddFilesOptions, Refused } from './types';

/**
 * One file made ready to store, before any write: its bytes as blobs (the stored image, and the
 * unreduced original when kept) and the facts for its attachments record. Everything slow or fallible
 * (reading, decoding, hashing) happens here, outside the transaction: an IndexedDB transaction
 * commits as soon as it waits for anything else.
 */
export type Prepared = {
  name: string;
  main: BlobCandidate;
  original?: BlobCandidate;
  fields: {
    width: number;
    height: number;
    takenAt: string;
    latitude: number | null;
    longitude: number | null;
  };
};

const IMAGE_TYPES: readonly BlobType[] = ['image/jpeg', 'image/png', 'image/webp'];
/** EXIF sits in the first segments; 256 KB covers it even behind large embedded previews. */
const EXIF_BYTES = 256 * 1024;

const refuse = (
  name: string,
  reason: Refused['reason'],
  message: Refused['message'],
  params = {},
): Refused => ({
  name,
  reason,
  message,
  params: { name, ...params },
});

function typeRefusal(
  name: string,
  detected: DetectedType | undefined,
  kind: AddFilesOptions['kind'],
): Refused {
  if (detected === 'image/heic') return refuse(name, 'type', 'attachments.core.refused.heic');
  return refuse(
    name,
    'type',
    kind === 'photo' ? 'attachments.core.refused.photoType' : 'attachments.core.refused.scanType',
  );
}

const sizeRefusal = (name: string, size: number): Refused =>
  refuse(name, 'size', 'attachments.core.refused.size', {
    size: formatByteSize(size, true),
    max: formatByteSize(DEFAULT_BLOB_MAX_BYTES),
  });

async function asIs(file: Blob, type: BlobType): Promise<BlobCandidate> {
  // A plain Blob of the detected type: the declared type of a File may be wrong or empty.
  const blob = new Blob([file], { type });
  return { hash: await sha256Hex(blob), blob, type, size: blob.size };
}

export async function prepareFile(
  file: File,
  options: AddFilesOptions,
  images: ImageProcessor,
): Promise<Prepared | Refused> {
  const name = file.name.trim().slice(0, 200);
  if (file.size === 0) return refuse(name, 'unreadable', 'attachments.core.refused.empty');
  if (file.size > DEFAULT_BLOB_MAX_BYTES) return sizeRefusal(name, file.size);
  let head: Uint8Array;
  try {
    head = await headOf(file, Math.max(SNIFF_BYTES, EXIF_BYTES));
  } catch {
    // The file vanished or the disk failed between choosing and reading.
    return refuse(name, 'unreadable', 'attachments.core.refused.unreadable');
  }
  const detected = sniffBlobType(head);
  const isImage = detected !== undefined && (IMAGE_TYPES as readonly string[]).includes(detected);
  const isPdf = detected === 'application/pdf';
  if (!(isImage || (isPdf && options.kind === 'scan'))) return typeRefusal(name, detected, options.kind);
  const type = detected as BlobType;

  const exif = detected === 'image/jpeg' ? readExif(head) : {};
  const fields = {
    width: 0,
    height: 0,
    takenAt: exif.takenAt ?? '',
    latitude: exif.latitude ?? null,
    longitude: exif.longitude ?? null,
  };
  try {
    if (isPdf) return { name, main: await asIs(file, type), fields };
    if (options.kind === 'scan') {
      // A scanned page is a document: its exact bytes are kept; only the size and a thumbnail are made.
      const seen = await images.inspect(file);
      const main = { ...(await asIs(file, type)), thumb: seen.thumb };
      return { name, main, fields: { ...fields, width: seen.width, height: seen.height } };
    }
    const { full, thumb } = await images.photo(file);
    const main: BlobCandidate = {
      hash: await sha256Hex(full.blob),
      blob: full.blob,
      type: 'image/jpeg',
      size: full.blob.size,
      thumb,
    };
    const prepared: Prepared = { name, main, fields: { ...fields, width: full.width, height: full.height } };
    if (options.keepOriginal) prepared.original = await asIs(file, type);
    return prepared;
  } catch {
    // Decoding failed: a truncated download, or bytes that only look like an image.
    return refuse(name, 'unreadable', 'attachments.core.refused.unreadable');
  }
}

export const isRefused = (value: Prepared | Refused): value is Refused => 'reason' in value;
