import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { type Credentials, EMPTY_SHA256, signRequest, uriEncode } from './sigv4';

/**
 * A minimal S3 client: object PUT/GET/HEAD/DELETE on one bucket, signed with SigV4, over node:http(s).
 * Not fetch: a PUT body must be streamed from a file with a known Content-Length (S3 refuses chunked
 * transfer encoding), and a GET body is handed on as a Node stream — node:http does both plainly.
 *
 * Every request here is idempotent (PUT of the same bytes under the same key, GET, HEAD, DELETE), so a
 * network error or a 5xx/SlowDown answer is retried a few times with growing pauses before it counts.
 */
export type S3Options = {
  /** e.g. https://s3.cn-north-1.amazonaws.com.cn, https://oss-cn-chengdu.aliyuncs.com, http://minio:9000 */
  endpoint: string;
  region: string;
  bucket: string;
  credentials: Credentials;
  /** Prepended to every key, e.g. "expert-trips/". */
  prefix?: string;
  /** bucket in the path (MinIO, Ceph) instead of in the host name (AWS, Aliyun OSS, Tencent COS). */
  forcePathStyle?: boolean;
  /** A request that sends or receives nothing for this long fails (default 60 s). */
  timeoutMs?: number;
  /** Further attempts after a retryable failure (default 3). */
  retries?: number;
};

export type S3Body = { size: number; sha256: string; open(): Readable };

export class S3Error extends Error {
  override readonly name = 'S3Error';
  constructor(
    readonly status: number,
    readonly s3Code: string,
    message: string,
  ) {
    super(message);
  }
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readText(response: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let text = '';
  for await (const chunk of response) {
    if (text.length < limit) text += String(chunk);
  }
  return text.slice(0, limit);
}

const xmlValue = (xml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];

export class S3Client {
  private readonly base: URL;
  private readonly prefix: string;
  readonly description: string;

  constructor(private readonly options: S3Options) {
    this.base = new URL(options.endpoint);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new Error(`S3 endpoint must be an http(s) URL, not ${options.endpoint}`);
    }
    this.prefix = options.prefix ?? '';
    this.description = `S3 bucket ${options.bucket} at ${this.base.origin}${this.prefix ? ` (prefix ${this.prefix})` : ''}`;
  }

  private target(key: string): { host: string; path: string } {
    const encodedKey = uriEncode(`${this.prefix}${key}`, true);
    const basePath = this.base.pathname.replace(/\/+$/, '');
    if (this.options.forcePathStyle ?? true) {
      return { host: this.base.host, path: `${basePath}/${uriEncode(this.options.bucket)}/${encodedKey}` };
    }
    return { host: `${this.options.bucket}.${this.base.host}`, path: `${basePath}/${encodedKey}` };
  }

  private once(method: string, key: string, body: S3Body | undefined): Promise<IncomingMessage> {
    const { host, path } = this.target(key);
    const signed = signRequest({
      method,
      host,
      canonicalPath: path,
      headers: body
        ? { 'content-length': String(body.size), 'content-type': 'application/octet-stream' }
        : {},
      // The blob's own SHA-256 is the payload hash: S3 then checks the bytes it stores against it.
      payloadHash: body ? body.sha256 : EMPTY_SHA256,
      region: this.options.region,
      service: 's3',
      credentials: this.options.credentials,
      date: new Date(),
    });
    const transport = this.base.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request({
        method,
        host: host.replace(/:\d+$/, ''),
        port: this.base.port || undefined,
        path,
        headers: signed.headers,
      });
      request.setTimeout(this.options.timeoutMs ?? 60_000, () => {
        request.destroy(new Error(`S3 ${method} ${key}: no answer within the timeout`));
      });
      request.on('response', resolve);
      request.on('error', reject);
      if (!body) {
        request.end();
        return;
      }
      const source = body.open();
      source.on('error', (error) => request.destroy(error));
      // An early answer (403, 503) ends the request before the file is read: close the file too.
      request.on('close', () => source.destroy());
      source.pipe(request);
    });
  }

  /**
   * Sends the request (retrying what may be retried) and returns the response when its status is in
   * `accept`; any other status becomes an S3Error carrying S3's own code and message.
   */
  async send(
    method: string,
    key: string,
    accept: readonly number[],
    body?: S3Body,
  ): Promise<IncomingMessage> {
    const attempts = 1 + (this.options.retries ?? 3);
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(100 * 2 ** attempt);
      let response: IncomingMessage;
      try {
        response = await this.once(method, key, body);
      } catch (error) {
        lastError = error;
        continue;
      }
      if (accept.includes(response.statusCode ?? 0)) return response;
      const text = await readText(response).catch(() => '');
      const status = response.statusCode ?? 0;
      const code = xmlValue(text, 'Code') ?? `HTTP ${status}`;
      const detail = xmlValue(text, 'Message');
      // HEAD answers carry no body, so a refusal there names no reason: say where to look.
      const hint =
        status === 403
          ? ' (check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION, the bucket policy and this server’s clock)'
          : '';
      lastError = new S3Error(
        status,
        code,
        `S3 ${method} ${this.prefix}${key} failed: ${status} ${code}${detail ? `: ${detail}` : ''}${hint}`,
      );
      if (!RETRYABLE_STATUS.has(status) && code !== 'SlowDown') break;
    }
    throw lastError;
  }

  /** HEAD: the object's headers, or undefined when there is no such object. */
  async head(key: string): Promise<IncomingHttpHeaders | undefined> {
    const response = await this.send('HEAD', key, [200, 404]);
    response.resume();
    return response.statusCode === 404 ? undefined : response.headers;
  }

  /** GET: the body stream and its length, or undefined when there is no such object. */
  async get(key: string): Promise<{ size: number; stream: IncomingMessage } | undefined> {
    const response = await this.send('GET', key, [200, 404]);
    if (response.statusCode === 404) {
      response.resume();
      return undefined;
    }
    return { size: Number(response.headers['content-length'] ?? 0), stream: response };
  }

  async put(key: string, body: S3Body): Promise<void> {
    (await this.send('PUT', key, [200], body)).resume();
  }

  async delete(key: string): Promise<void> {
    (await this.send('DELETE', key, [200, 204, 404])).resume();
  }
}
