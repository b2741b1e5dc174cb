/**
 * Attachments on the device: photos, scans and signatures stored as blobs by SHA-256, referenced by
 * synced `attachments` records. See README.md in this folder for the design and what calls what.
 */
export { type AddFilesResult, type AttachEnv, addFiles, browserEnv } from './addFiles';
export { getBlob } from './blobStore';
export { type CollectResult, collectUnreferencedBlobs, DEFAULT_GRACE_MS } from './collect';
export { COLLECT_INTERVAL_MS, collectIfDue } from './collectSchedule';
export { addSignature, InvalidSignatureError, removeAttachment, updateCaption } from './edit';
export { type BlobFetcher, setBlobFetcher } from './fetcher';
export { type BlobUrl, useAttachments, useBlobUrl } from './hooks';
export { browserImageProcessor, type ImageProcessor, MAX_SIDE, THUMB_SIDE } from './image';
export { REFUSE_RATIO, type StorageStatus, storageStatus, WARN_RATIO } from './storage';
export type { AddFilesOptions, AttachTarget, BlobRow, BlobUploadRow, RefusalReason, Refused } from './types';
