import { formatByteSize } from '../../../shared/blobs/size';
import type { MessageKey, Params } from '../../../shared/i18n';
import type { UploadFailure } from './uploadRows';

/**
 * The words for a file the server refused, from its code and details: a key for t() and its params.
 * Screens show `t(key, params)`; the server's English message stays in the row for support.
 */
const KNOWN = {
  unsupported_blob_type: 'attachmentsSync.failed.unsupported_blob_type',
  heic_not_supported: 'attachmentsSync.failed.heic_not_supported',
  empty_blob: 'attachmentsSync.failed.empty_blob',
  hash_mismatch: 'attachmentsSync.failed.hash_mismatch',
  not_trip_member: 'attachmentsSync.failed.not_trip_member',
} as const satisfies Record<string, MessageKey>;

const numberIn = (details: unknown, key: string): number | undefined => {
  const value = (details as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

export function uploadFailureText(failure: UploadFailure): { key: MessageKey; params: Params } {
  if (failure.code === 'blob_too_large') {
    const size = numberIn(failure.details, 'size');
    const max = numberIn(failure.details, 'maxBytes');
    if (size !== undefined && max !== undefined)
      // Rounded up: 50 MB and a few bytes must not read "50 MB", the limit it broke.
      return {
        key: 'attachmentsSync.failed.blob_too_large',
        params: { size: formatByteSize(size, true), max: formatByteSize(max) },
      };
  }
  const key = KNOWN[failure.code as keyof typeof KNOWN];
  if (key) return { key, params: {} };
  return { key: 'attachmentsSync.failed.other', params: { code: failure.code } };
}
