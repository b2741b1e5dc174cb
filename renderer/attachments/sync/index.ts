/**
 * Attachment bytes between this device and the server: the uploader (blobUploads → server), the
 * downloader (lazy, for what is shown) and "keep offline" (eager, per trip). Started with the sync
 * engine by renderer/sync/runtime.ts; see service.ts.
 */
export { uploadFailureText } from './failureText';
export {
  type TripUploads,
  type UploadQueue,
  useUnsentHashes,
  useUploadQueue,
  useUploadsOverview,
} from './hooks';
export { isKeptOffline, missingBlobsOf, setKeepOffline, useKeepOffline } from './keepOffline';
export { type BlobSync, startBlobSync } from './service';
export { retryFailedUpload, type UploadFailure, type UploadRow } from './uploadRows';
