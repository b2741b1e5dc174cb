import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { blobPaths, CHUNK_SHA256_HEADER, chunkRange } from '../../shared/blobs/protocol';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { Json } from './helpers';

/**
 * Test files with real magic numbers (the rest random), and a small HTTP client for the blob
 * endpoints that sends raw bytes (the suite's Api class speaks JSON only).
 */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const withHead = (head: number[] | string, size: number): Buffer => {
  const start = typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head);
  return Buffer.concat([start, randomBytes(Math.max(0, size - start.length))]).subarray(0, size);
};

export const jpeg = (size = 4000) =>
  withHead([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46], size);
export const png = (size = 4000) => withHead([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size);
export const pdf = (size = 4000) => withHead('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', size);
export const exe = (size = 4000) => withHead('MZ\x90\x00\x03\x00\x00\x00', size);
export const heic = (size = 4000) => withHead('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic', size);

export type BlobAnswer = { status: number; body: Json; headers: Headers; bytes?: Buffer };

/** Every file under a folder, recursively (to see what a store or the scratch area holds). */
export function filesUnder(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of names) {
    const file = path.join(dir, name);
    out = statSync(file).isDirectory() ? [...out, ...filesUnder(file)] : [...out, file];
  }
  return out;
}

export class BlobClient {
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  async request(
    method: string,
    url: string,
    init: {
      body?: Uint8Array | ReadableStream<Uint8Array> | string;
      headers?: Record<string, string>;
      json?: unknown;
      signal?: AbortSignal;
    } = {},
  ): Promise<BlobAnswer> {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...init.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body = init.body as BodyInit | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers,
      body,
      signal: init.signal,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    const raw = Buffer.from(await res.arrayBuffer());
    const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
    return {
      status: res.status,
      body: isJson && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined,
      headers: res.headers,
      bytes: isJson ? undefined : raw,
    };
  }

  limits() {
    return this.request('GET', blobPaths.limits());
  }

  put(tripId: string, bytes: Uint8Array, type: string, hash = sha256(bytes)) {
    return this.request('PUT', blobPaths.tripBlob(tripId, hash), {
      body: bytes,
      headers: { 'content-type': type },
    });
  }

  get(hash: string, headers: Record<string, string> = {}) {
    return this.request('GET', blobPaths.blob(hash), { headers });
  }

  head(hash: string) {
    return this.request('HEAD', blobPaths.blob(hash));
  }

  present(tripId: string, hashes: string[]) {
    return this.request('POST', blobPaths.present(tripId), { json: { hashes } });
  }

  startUpload(tripId: string, hash: string, size: number, type: string) {
    return this.request('POST', blobPaths.uploads(tripId, hash), { json: { size, type } });
  }

  status(tripId: string, hash: string, uploadId: string) {
    return this.request('GET', blobPaths.upload(tripId, hash, uploadId));
  }

  cancel(tripId: string, hash: string, uploadId: string) {
    return this.request('DELETE', blobPaths.upload(tripId, hash, uploadId));
  }

  chunk(
    tripId: string,
    hash: string,
    uploadId: string,
    index: number,
    bytes: Uint8Array,
    chunkSha = sha256(bytes),
  ) {
    return this.request('PUT', blobPaths.chunk(tripId, hash, uploadId, index), {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream', [CHUNK_SHA256_HEADER]: chunkSha },
    });
  }

  /** Sends chunk `index` of `file` sliced the way the server said (chunkSize from its answer). */
  sendSlice(tripId: string, file: Buffer, uploadId: string, chunkSize: number, index: number) {
    const { start, end } = chunkRange(index, file.length, chunkSize);
    return this.chunk(tripId, sha256(file), uploadId, index, file.subarray(start, end));
  }

  complete(tripId: string, hash: string, uploadId: string) {
    return this.request('POST', blobPaths.complete(tripId, hash, uploadId));
  }
}

/**
 * A streamed download (GET /blobs/:hash) can reach this test's fetch before the server, in the same
 * process, has processed the end of its own response; a server.close() in that instant finds the
 * connection not yet idle and then waits for the keep-alive timeout (72 s). Closing a moment later
 * avoids that race. (Shutdown in production: see the note on server/http/connections.ts in
 * docs/attachments-server.md.)
 */
export const letLastResponseFinish = () => new Promise((resolve) => setTimeout(resolve, 100));
