import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3Options } from '../../server/blobs/s3/client';
import { signatureOf, signingKey } from '../../server/blobs/s3/sigv4';

/**
 * A tiny S3 on loopback for tests: path-style object PUT/GET/HEAD/DELETE in one bucket, checking
 * requests the way S3 does — the SigV4 signature rebuilt from what actually arrived on the wire (the
 * raw path, the headers as received), the clock skew, the payload's SHA-256 against
 * x-amz-content-sha256, and a Content-Length on every PUT.
 *
 * Only the HMAC chain is borrowed from the server's signer (pinned by AWS's published vectors); the
 * canonical request is rebuilt here independently, so a client that signs one thing and sends
 * another is caught.
 */
export type FakeS3 = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, Buffer>;
  log: { method: string; key: string; status: number }[];
  /** The next `count` requests fail with this status (S3's InternalError / SlowDown). */
  failNext(count: number, status?: number): void;
  /** Flip one byte of the next PUT body as if it was damaged on the way. */
  damageNextPut(): void;
  close(): Promise<void>;
};

const xmlError = (res: ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
};

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function checkSignature(req: IncomingMessage, s3: FakeS3): string | undefined {
  const match = AUTH.exec(String(req.headers.authorization ?? ''));
  if (!match) return 'AccessDenied';
  const [, keyId, day, region, signedNames, signature] = match as unknown as string[];
  if (keyId !== s3.accessKeyId) return 'InvalidAccessKeyId';
  if (region !== s3.region) return 'AuthorizationHeaderMalformed';
  const time = String(req.headers['x-amz-date'] ?? '');
  const parsed = Date.parse(
    time.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (!time.startsWith(String(day)) || Number.isNaN(parsed)) return 'AccessDenied';
  if (Math.abs(Date.now() - parsed) > 15 * 60 * 1000) return 'RequestTimeTooSkewed';
  const names = String(signedNames).split(';');
  if (!names.includes('host') || !names.includes('x-amz-date') || !names.includes('x-amz-content-sha256')) {
    return 'AccessDenied';
  }
  const url = new URL(req.url ?? '/', 'http://fake');
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const headerLines = names.map(
    (name) =>
      `${name}:${String(req.headers[name] ?? '')
        .trim()
        .replace(/\s+/g, ' ')}\n`,
  );
  const canonical = [
    req.method,
    url.pathname,
    query,
    headerLines.join(''),
    signedNames,
    String(req.headers['x-amz-content-sha256']),
  ].join('\n');
  const toSign = [
    'AWS4-HMAC-SHA256',
    time,
    `${day}/${region}/s3/aws4_request`,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const expected = signatureOf(signingKey(s3.secretAccessKey, String(day), String(region), 's3'), toSign);
  return expected === signature ? undefined : 'SignatureDoesNotMatch';
}

export async function startFakeS3(bucket = 'expert-trips-test', region = 'cn-test-1'): Promise<FakeS3> {
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let damage = false;
  const s3 = {
    bucket,
    region,
    accessKeyId: 'AKIAFAKES3TEST',
    secretAccessKey: 'fake/secret/KEY+for+tests',
    objects: new Map<string, Buffer>(),
    log: [] as FakeS3['log'],
  } as FakeS3;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    if (failures.count > 0) {
      failures.count--;
      xmlError(res, failures.status, failures.status === 503 ? 'SlowDown' : 'InternalError', 'try again');
      return failures.status;
    }
    const problem = checkSignature(req, s3);
    if (problem) {
      await readBody(req);
      xmlError(
        res,
        403,
        problem,
        'The request signature we calculated does not match the signature you provided.',
      );
      return 403;
    }
    const prefix = `/${bucket}/`;
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (!path.startsWith(prefix)) {
      xmlError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
      return 404;
    }
    const key = decodeURIComponent(path.slice(prefix.length));
    if (req.method === 'PUT') {
      if (req.headers['content-length'] === undefined) {
        xmlError(res, 411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
        return 411;
      }
      const body = await readBody(req);
      if (damage && body.length > 0) {
        damage = false;
        const middle = Math.floor(body.length / 2);
        body[middle] = (body[middle] as number) ^ 0xff;
      }
      const claimed = req.headers['x-amz-content-sha256'];
      if (claimed !== 'UNSIGNED-PAYLOAD' && createHash('sha256').update(body).digest('hex') !== claimed) {
        xmlError(
          res,
          400,
          'XAmzContentSHA256Mismatch',
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
        );
        return 400;
      }
      s3.objects.set(key, body);
      res.writeHead(200, { etag: '"fake"' }).end();
      return 200;
    }
    await readBody(req);
    const object = s3.objects.get(key);
    if (req.method === 'DELETE') {
      s3.objects.delete(key);
      res.writeHead(204).end();
      return 204;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      xmlError(res, 405, 'MethodNotAllowed', 'not supported here');
      return 405;
    }
    if (!object) {
      if (req.method === 'HEAD') res.writeHead(404).end();
      else xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      return 404;
    }
    res.writeHead(200, {
      'content-length': String(object.length),
      'content-type': 'application/octet-stream',
    });
    res.end(req.method === 'HEAD' ? undefined : object);
    return 200;
  };

  const server = http.createServer((req, res) => {
    handle(req, res).then(
      (status) => s3.log.push({ method: String(req.method), key: String(req.url), status }),
      (error: unknown) => {
        res.destroy(error as Error);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s3.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s3.failNext = (count, status = 503) => {
    failures = { count, status };
  };
  s3.damageNextPut = () => {
    damage = true;
  };
  s3.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return s3;
}

/** Client settings for the fake (retries kept short so failure tests stay quick). */
export const s3OptionsFor = (s3: FakeS3, prefix = ''): S3Options => ({
  endpoint: s3.endpoint,
  region: s3.region,
  bucket: s3.bucket,
  credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  prefix,
  forcePathStyle: true,
  retries: 2,
  timeoutMs: 10_000,
});
