import type { BlobErrorCode } from '../../shared/blobs/protocol';
import { formatByteSize } from '../../shared/blobs/size';
import type { DetectedType } from '../../shared/blobs/sniff';
import { HttpError } from '../http/errors';

/**
 * The blob endpoints' refusals, in words a person can act on (English; the app shows its own
 * translation by `code`, with the numbers from `details`).
 */
const fail = (status: number, code: BlobErrorCode, message: string, details?: unknown) =>
  new HttpError(status, code, message, details);

export const invalidHash = () =>
  fail(
    400,
    'invalid_hash',
    'The file name in the address must be its SHA-256, written as 64 lowercase hexadecimal digits.',
  );

export const hashMismatch = (expected: string, actual: string, discarded: boolean) =>
  fail(
    422,
    'hash_mismatch',
    `The bytes received do not match the file's SHA-256 (expected ${expected}, got ${actual}), so nothing was stored. ` +
      (discarded
        ? 'The upload was discarded: the file may have changed on the device while it was being sent. Add it again.'
        : 'The file was damaged on the way or changed on the device; send it again.'),
    { expected, actual },
  );

export const emptyBlob = () =>
  fail(
    400,
    'empty_blob',
    'The file is empty (0 bytes). Choose the file again; it may not have been saved completely.',
  );

export const tooLarge = (size: number, maxBytes: number) =>
  fail(
    413,
    'blob_too_large',
    `This file is ${formatByteSize(size, true)}; the server accepts files up to ${formatByteSize(maxBytes)}. ` +
      'Make it smaller (for example scan at a lower resolution, or split the PDF), or ask your administrator to raise the limit (BLOB_MAX_BYTES).',
    { size, maxBytes },
  );

const TYPE_ADVICE: Partial<Record<DetectedType, string>> = {
  'image/heic':
    'It is a HEIC photo, which not every device can show. Export it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and add it again.',
  'image/avif': 'It is an AVIF image. Save it as JPEG or PNG and add it again.',
  'image/gif': 'It is a GIF image. Save it as PNG or JPEG and add it again.',
  'image/bmp': 'It is a BMP image. Save it as PNG or JPEG and add it again.',
  'image/tiff': 'It is a TIFF image (often from scanners). Scan or save it as PDF or JPEG and add it again.',
  'image/svg+xml': 'It is an SVG drawing, which can carry scripts. Save it as PNG and add it again.',
  'application/zip':
    'It looks like a Word/Excel document or a ZIP archive. Save documents as PDF and add them again.',
  'application/x-ole-storage': 'It looks like an old Word/Excel document. Save it as PDF and add it again.',
  'application/x-msdownload': 'It is a program, not a photo or a document.',
  'application/x-executable': 'It is a program, not a photo or a document.',
};

const ACCEPTED = 'Photos and signatures can be JPEG, PNG or WebP; scanned documents must be PDF.';

/** The declared Content-Type / type field is not one we take. */
export const unsupportedDeclaredType = (declared: string) =>
  fail(
    415,
    declared === 'image/heic' || declared === 'image/heif' ? 'heic_not_supported' : 'unsupported_blob_type',
    `Files of type ${declared || '(none given)'} cannot be attached. ${ACCEPTED}` +
      (declared === 'image/heic' || declared === 'image/heif' ? ` ${TYPE_ADVICE['image/heic']}` : ''),
    { declared },
  );

/** The bytes themselves are not a type we take, whatever the device called them. */
export const unsupportedContent = (declared: string, detected: DetectedType | undefined) =>
  fail(
    415,
    detected === 'image/heic' ? 'heic_not_supported' : 'unsupported_blob_type',
    `The file was sent as ${declared} but its content is ${detected ?? 'not a photo or a PDF'}, so it was not stored. ` +
      `${(detected && TYPE_ADVICE[detected]) ?? ''} ${ACCEPTED}`.trim(),
    { declared, detected: detected ?? null },
  );

export const missingChunkHash = (header: string) =>
  fail(
    400,
    'missing_chunk_hash',
    `Send the chunk's SHA-256 (64 lowercase hexadecimal digits) in the ${header} header.`,
  );

export const chunkHashMismatch = (index: number, announced: string, actual: string) =>
  fail(
    422,
    'chunk_hash_mismatch',
    `Chunk ${index} arrived damaged: its SHA-256 is ${actual}, but ${announced} was announced. It was not stored; send this chunk again.`,
    { index, announced, actual },
  );

export const chunkSizeMismatch = (index: number, expected: number, actual: number) =>
  fail(
    422,
    'chunk_size_mismatch',
    `Chunk ${index} must be ${expected} bytes long but ${actual} bytes arrived. It was not stored; send it again with the right slice of the file.`,
    { index, expected, actual },
  );

export const chunkOutOfRange = (index: number, chunkCount: number) =>
  fail(
    422,
    'chunk_out_of_range',
    `This upload has chunks 0 to ${chunkCount - 1}; there is no chunk ${index}.`,
    { index, chunkCount },
  );

export const uploadIncomplete = (missing: number[]) =>
  fail(
    409,
    'upload_incomplete',
    `The server does not have every chunk yet (missing: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}). Send them, then complete the upload again.`,
    { missing },
  );

export const uploadInterrupted = () =>
  fail(
    400,
    'upload_interrupted',
    'The connection ended before the whole body arrived; nothing was stored. Send it again.',
  );

export const uploadNotFound = () =>
  fail(
    404,
    'upload_not_found',
    'There is no such upload in progress: it was finished, cancelled, or discarded after a week without activity. Start the upload again.',
  );

export const tooManyUploads = (limit: number) =>
  fail(
    429,
    'too_many_uploads',
    `This account already has ${limit} unfinished uploads. Finish or cancel some of them, then try again.`,
    { limit },
  );

export const blobNotFound = () =>
  fail(
    404,
    'blob_not_found',
    'There is no such file on the server, or it belongs to a trip you are not a member of.',
  );

export const blobMissing = () =>
  fail(
    404,
    'blob_missing',
    "The server knows this file but its bytes are missing from storage. Whoever added it can send it again from their device; tell the server's administrator.",
  );

export const notTripMember = () =>
  fail(
    403,
    'not_trip_member',
    "You are not a member of this trip on the server, so you cannot add files to it. Ask the trip's organiser to add you.",
  );

export const tripNotSynced = () =>
  fail(
    409,
    'trip_not_synced',
    'This trip is not on the server yet. Its files are sent after the trip itself has synced; try again after the next sync.',
  );
