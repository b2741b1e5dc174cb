import type { z } from 'zod';
import {
  blobPaths,
  CHUNK_SHA256_HEADER,
  type UploadAnswer,
  uploadAnswerSchema,
} from '../../../shared/blobs/protocol';
import { SyncError } from '../../sync/errors';
import { endpoint, errorFromResponse, requestHeaders, type TokenGetter } from '../../sync/transport';

/**
 * The blob endpoints (docs/attachments-server.md) as seen from the device: the same address, token and
 * error words as record sync (renderer/sync/transport.ts), but bodies are bytes, not JSON.
 *
 * Every failure is a SyncError: `network` when the server could not be reached or the answer was cut
 * off, otherwise the server's status, code and details, so the uploader can tell "retry later" from
 * "this file will never be accepted".
 */
export type BlobClientOptions = {
  baseUrl: string;
  getToken: TokenGetter;
  fetch?: typeof fetch;
  /** Per request; a chunk or a small photo is at most about 1 MB. */
  timeoutMs?: number;
  /** A download is at most the server's file limit (50 MB by default): allow it longer. */
  downloadTimeoutMs?: number;
  /** Aborts every request of this client (sign-out, the app closing). */
  signal?: AbortSignal;
};

export type BlobDownload = { bytes: Uint8Array; type: string };

export type BlobClient = {
  putWhole(tripId: string, hash: string, blob: Blob, type: string): Promise<UploadAnswer>;
  startUpload(tripId: string, hash: string, size: number, type: string): Promise<UploadAnswer>;
  uploadStatus(tripId: string, hash: string, uploadId: string): Promise<UploadAnswer>;
  putChunk(
    tripId: string,
    hash: string,
    uploadId: string,
    index: number,
    bytes: Uint8Array,
    sha256: string,
  ): Promise<UploadAnswer>;
  complete(tripId: string, hash: string, uploadId: string): Promise<UploadAnswer>;
  /** The bytes, or null when the server has no blob by that name this account may read (404). */
  download(hash: string, signal?: AbortSignal): Promise<BlobDownload | null>;
};

type Init = { method: string; body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal };

export function createBlobClient(options: BlobClientOptions): BlobClient {
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const downloadTimeoutMs = options.downloadTimeoutMs ?? 10 * 60_000;

  /** Sends one request and hands the response to `read` while the timeout still guards the body. */
  async function request<T>(
    path: string,
    init: Init,
    limitMs: number,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    const abort = () => controller.abort(new Error('aborted'));
    const outers = [init.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
    for (const outer of outers) {
      if (outer.aborted) abort();
      // Removed in `finally`: the client's own signal lives as long as the session.
      else outer.addEventListener('abort', abort, { once: true });
    }
    const timer = setTimeout(() => controller.abort(new Error('timeout')), limitMs);
    try {
      const headers = await requestHeaders(options.getToken, true, init.headers);
      let response: Response;
      try {
        response = await fetchFn(endpoint(options.baseUrl, path.replace(/^\//, '')), {
          method: init.method,
          headers,
          ...(init.body !== undefined ? { body: init.body } : {}),
          signal: controller.signal,
        });
      } catch (error) {
        const why = controller.signal.aborted ? 'timed out' : error instanceof Error ? error.message : '';
        throw new SyncError('network', `Cannot reach ${options.baseUrl}: ${why}`);
      }
      try {
        return await read(response);
      } catch (error) {
        if (error instanceof SyncError) throw error;
        // The body broke off half-way (connection lost, timeout): a network problem, worth a retry.
        throw new SyncError('network', `The answer to ${path} was cut off`);
      }
    } finally {
      clearTimeout(timer);
      for (const outer of outers) outer.removeEventListener('abort', abort);
    }
  }

  const json =
    <S extends z.ZodType>(schema: S) =>
    async (response: Response): Promise<z.infer<S>> => {
      if (!response.ok) throw await errorFromResponse(response);
      const parsed = schema.safeParse(await response.json());
      if (!parsed.success)
        throw new SyncError('server', `Unexpected answer: ${parsed.error.message}`, response.status);
      return parsed.data;
    };
  const answer = json(uploadAnswerSchema);
  const jsonBody = (body: unknown) => ({
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
  });

  return {
    putWhole: (tripId, hash, blob, type) =>
      request(
        blobPaths.tripBlob(tripId, hash),
        { method: 'PUT', body: blob, headers: { 'content-type': type, accept: 'application/json' } },
        timeoutMs,
        answer,
      ),
    startUpload: (tripId, hash, size, type) =>
      request(
        blobPaths.uploads(tripId, hash),
        { method: 'POST', ...jsonBody({ size, type }) },
        timeoutMs,
        answer,
      ),
    uploadStatus: (tripId, hash, uploadId) =>
      request(blobPaths.upload(tripId, hash, uploadId), { method: 'GET' }, timeoutMs, answer),
    putChunk: (tripId, hash, uploadId, index, bytes, sha256) =>
      request(
        blobPaths.chunk(tripId, hash, uploadId, index),
        {
          method: 'PUT',
          body: bytes as BodyInit,
          headers: {
            'content-type': 'application/octet-stream',
            [CHUNK_SHA256_HEADER]: sha256,
            accept: 'application/json',
          },
        },
        timeoutMs,
        answer,
      ),
    complete: (tripId, hash, uploadId) =>
      request(
        blobPaths.complete(tripId, hash, uploadId),
        { method: 'POST', ...jsonBody({}) },
        timeoutMs,
        answer,
      ),
    download: (hash, signal) =>
      request(
        blobPaths.blob(hash),
        { method: 'GET', ...(signal ? { signal } : {}) },
        downloadTimeoutMs,
        async (response) => {
          if (response.status === 404) {
            // Unknown, or not readable by this account: the server answers both alike, on purpose.
            await response.body?.cancel().catch(() => undefined);
            return null;
          }
          if (!response.ok) throw await errorFromResponse(response);
          const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
          return { bytes: new Uint8Array(await response.arrayBuffer()), type };
        },
      ),
  };
}
