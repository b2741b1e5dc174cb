/**
 * Attachment bytes between this device and the server: the uploader (blobUploads → server), the
 * downloader (lazy, for what is shown) and "keep offline" (eager, per trip). Started with the sync
 * engine by renderer/sync/runtime.ts; see service.ts.
 */
export { uploadFailureText } from './failureText';
export { type UploadQueue, useUploadQueue } from './hooks';
export { isKeptOffline, setKeepOffline, useKeepOffline } from './keepOffline';
export { type BlobSync, startBlobSync } from './service';
export { retryFailedUpload, type UploadFailure, type UploadRow } from './uploadRows';
