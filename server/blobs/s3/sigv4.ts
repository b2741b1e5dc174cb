import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 (header form), as S3-compatible stores (AWS S3, MinIO, Ceph, Aliyun OSS,
 * Tencent COS, Huawei OBS) check it. Written here because the server may not add an S3 SDK; pinned by
 * AWS's published examples in test/server/blobsSigv4.test.ts.
 *
 * The steps: canonical request (method, encoded path, sorted query, sorted lowercase headers, signed
 * header names, payload hash) → string to sign (algorithm, time, scope, hash of the canonical request) →
 * HMAC chain from the secret over date, region, service → signature.
 *
 * S3 quirk: the path is encoded once (other services encode it twice), so `canonicalPath` is taken
 * as given: the caller passes exactly the encoded path it sends.
 */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

const hmac = (key: Buffer | string, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function signingKey(secretAccessKey: string, day: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, day);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

export const signatureOf = (key: Buffer, stringToSign: string): string =>
  createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');

/** RFC 3986 encoding as SigV4 wants it: everything except A–Z a–z 0–9 - _ . ~ (and "/" in paths). */
export function uriEncode(text: string, keepSlash = false): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** 2013-05-24T00:00:00Z → 20130524T000000Z */
export const amzDate = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Query pairs encoded and sorted by name, then value; a pair without a value is "name=". */
export function canonicalQuery(query: readonly (readonly [string, string])[]): string {
  return query
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Lowercase names sorted, values trimmed with inner runs of spaces collapsed. */
export function canonicalHeaders(headers: Record<string, string>): { text: string; names: string } {
  const entries = Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    text: entries.map(([k, v]) => `${k}:${v}\n`).join(''),
    names: entries.map(([k]) => k).join(';'),
  };
}

export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export type SignInput = {
  method: string;
  host: string;
  /** The path exactly as sent, already encoded. */
  canonicalPath: string;
  query?: readonly (readonly [string, string])[];
  /** Headers to sign besides host, x-amz-date and (for S3) x-amz-content-sha256. */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body, or 'UNSIGNED-PAYLOAD'. */
  payloadHash: string;
  region: string;
  service: string;
  credentials: Credentials;
  date: Date;
  /** S3 wants the payload hash as the x-amz-content-sha256 header (signed); other services do not. */
  contentSha256Header?: boolean;
};

export type Signed = {
  /** Every header to send for the signature to hold (host included: send the same value). */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
};

export function signRequest(input: SignInput): Signed {
  const time = amzDate(input.date);
  const day = time.slice(0, 8);
  const headers: Record<string, string> = { ...input.headers, host: input.host, 'x-amz-date': time };
  if (input.contentSha256Header ?? input.service === 's3')
    headers['x-amz-content-sha256'] = input.payloadHash;
  if (input.credentials.sessionToken) headers['x-amz-security-token'] = input.credentials.sessionToken;
  const canonical = canonicalHeaders(headers);
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.canonicalPath,
    canonicalQuery(input.query ?? []),
    canonical.text,
    canonical.names,
    input.payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = [ALGORITHM, time, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = signingKey(input.credentials.secretAccessKey, day, input.region, input.service);
  const signature = signatureOf(key, stringToSign);
  headers.authorization =
    `${ALGORITHM} Credential=${input.credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${canonical.names}, Signature=${signature}`;
  return { headers, canonicalRequest, stringToSign, signature };
}
