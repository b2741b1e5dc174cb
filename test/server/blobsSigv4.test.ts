import { describe, expect, it } from 'vitest';
import {
  amzDate,
  canonicalQuery,
  EMPTY_SHA256,
  sha256Hex,
  signingKey,
  signRequest,
  uriEncode,
} from '../../server/blobs/s3/sigv4';

/**
 * AWS Signature Version 4 against AWS's published examples: the general signing guide's IAM
 * ListUsers request (example credentials AKIDEXAMPLE, 2015-08-30) and the S3 API reference's
 * "Signature calculations for the Authorization header" examples (AKIAIOSFODNN7EXAMPLE,
 * examplebucket, 2013-05-24). The expected values are AWS's, not produced by this code.
 */
const IAM_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const S3_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const S3_DATE = new Date('2013-05-24T00:00:00Z');
const S3_HOST = 'examplebucket.s3.amazonaws.com';

describe('SigV4: the general signing guide example (IAM ListUsers)', () => {
  const signed = signRequest({
    method: 'GET',
    host: 'iam.amazonaws.com',
    canonicalPath: '/',
    query: [
      ['Action', 'ListUsers'],
      ['Version', '2010-05-08'],
    ],
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payloadHash: EMPTY_SHA256,
    region: 'us-east-1',
    service: 'iam',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: IAM_SECRET },
    date: new Date('2015-08-30T12:36:00Z'),
  });

  it('derives the documented signing key', () => {
    expect(signingKey(IAM_SECRET, '20150830', 'us-east-1', 'iam').toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9',
    );
  });

  it('builds the documented canonical request and string to sign', () => {
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8',
        'host:iam.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'content-type;host;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(sha256Hex(signed.canonicalRequest)).toBe(
      'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    );
    expect(signed.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n' +
        'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    );
  });

  it('produces the documented signature and Authorization header', () => {
    expect(signed.signature).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
    // Not S3: no x-amz-content-sha256 header is added or signed.
    expect(signed.headers).not.toHaveProperty('x-amz-content-sha256');
  });
});

describe('SigV4: the S3 API reference examples', () => {
  const s3 = (
    input: Omit<Parameters<typeof signRequest>[0], 'region' | 'service' | 'credentials' | 'date' | 'host'>,
  ) =>
    signRequest({
      ...input,
      host: S3_HOST,
      region: 'us-east-1',
      service: 's3',
      credentials: S3_CREDENTIALS,
      date: S3_DATE,
    });

  it('GET Object with a Range header', () => {
    const signed = s3({
      method: 'GET',
      canonicalPath: '/test.txt',
      headers: { range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
    });
    expect(signed.headers['x-amz-content-sha256']).toBe(EMPTY_SHA256);
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('PUT Object with a body and a key that needs encoding ($ → %24, encoded once)', () => {
    const body = Buffer.from('Welcome to Amazon S3.', 'utf8');
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = s3({
      method: 'PUT',
      canonicalPath: `/${uriEncode('test$file.text', true)}`,
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: sha256Hex(body),
    });
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(sha256Hex(signed.canonicalRequest)).toBe(
      '9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d',
    );
    expect(signed.headers.authorization).toContain(
      'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
    );
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('GET Bucket lifecycle (a query parameter without a value)', () => {
    const signed = s3({
      method: 'GET',
      canonicalPath: '/',
      query: [['lifecycle', '']],
      payloadHash: EMPTY_SHA256,
    });
    expect(signed.signature).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
  });

  it('GET Bucket (list objects: several query parameters, sorted)', () => {
    const signed = s3({
      method: 'GET',
      canonicalPath: '/',
      query: [
        ['prefix', 'J'],
        ['max-keys', '2'],
      ],
      payloadHash: EMPTY_SHA256,
    });
    expect(signed.signature).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });
});

describe('SigV4 building blocks', () => {
  it('encodes as RFC 3986 wants, unlike encodeURIComponent', () => {
    expect(uriEncode("a b+c*d!e'(f)~_.-")).toBe('a%20b%2Bc%2Ad%21e%27%28f%29~_.-');
    expect(uriEncode('照片/签名.png', true)).toBe('%E7%85%A7%E7%89%87/%E7%AD%BE%E5%90%8D.png');
    expect(uriEncode('a/b')).toBe('a%2Fb');
  });

  it('sorts query parameters by encoded name, then value', () => {
    expect(
      canonicalQuery([
        ['b', '2'],
        ['a', 'z'],
        ['a', 'y'],
        ['B', '1'],
      ]),
    ).toBe('B=1&a=y&a=z&b=2');
  });

  it('writes the request time in the basic ISO form', () => {
    expect(amzDate(new Date('2024-02-29T23:59:58.123Z'))).toBe('20240229T235958Z');
  });

  it('signs a session token when there is one', () => {
    const signed = signRequest({
      method: 'HEAD',
      host: S3_HOST,
      canonicalPath: '/blobs/x',
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      credentials: { ...S3_CREDENTIALS, sessionToken: 'TOKEN' },
      date: S3_DATE,
    });
    expect(signed.headers['x-amz-security-token']).toBe('TOKEN');
    expect(signed.headers.authorization).toContain('x-amz-security-token');
  });
});
