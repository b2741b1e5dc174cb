import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBlobSettings } from '../../server/blobs/options';
import { ConfigError, loadConfig } from '../../server/config';
import { chunkCountOf, chunkRange, DEFAULT_BLOB_MAX_BYTES } from '../../shared/blobs/protocol';
import { formatByteSize } from '../../shared/blobs/size';
import { type DetectedType, sniffBlobType } from '../../shared/blobs/sniff';
import { exe, heic, jpeg, pdf, png } from './blobsFixtures';

describe('blob settings from the environment', () => {
  it('keeps blobs next to the database by default, with a 50 MB limit', () => {
    expect(loadConfig({}).blobs).toEqual({
      dir: path.join('./server-data', 'blobs'),
      maxBytes: DEFAULT_BLOB_MAX_BYTES,
      backend: { kind: 'disk' },
    });
    expect(loadConfig({ DATA_DIR: '/srv/trips', BLOB_MAX_BYTES: '20971520' }).blobs).toMatchObject({
      dir: '/srv/trips/blobs',
      maxBytes: 20 * 1024 * 1024,
    });
    expect(loadConfig({ BLOB_DIR: '/mnt/photos' }).blobs.dir).toBe('/mnt/photos');
  });

  it('names the variables that are wrong or missing', () => {
    expect(() => loadConfig({ BLOB_MAX_BYTES: 'fifty' })).toThrow(/BLOB_MAX_BYTES/);
    expect(() => loadConfig({ BLOB_STORE: 'ftp' })).toThrow(/BLOB_STORE/);
    expect(() => loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'b' })).toThrow(ConfigError);
    expect(() => loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'b' })).toThrow(
      'BLOB_STORE=s3 needs S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY',
    );
    expect(() => loadConfig({ S3_ENDPOINT: 'ftp://example.com' })).toThrow(/S3_ENDPOINT/);
  });

  it('configures S3-compatible storage', () => {
    const config = loadConfig({
      BLOB_STORE: 's3',
      S3_ENDPOINT: 'https://oss-cn-chengdu.aliyuncs.com',
      S3_REGION: 'oss-cn-chengdu',
      S3_BUCKET: 'expert-trips',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PREFIX: 'prod/',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(config.blobs.backend).toEqual({
      kind: 's3',
      s3: {
        endpoint: 'https://oss-cn-chengdu.aliyuncs.com',
        region: 'oss-cn-chengdu',
        bucket: 'expert-trips',
        credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
        prefix: 'prod/',
        forcePathStyle: false,
      },
    });
  });

  it('without settings, follows the database: PGlite’s folder, or a temporary one for memory', () => {
    expect(resolveBlobSettings({ dataDir: '/data' })).toMatchObject({ dir: '/data/blobs', temporary: false });
    const memory = resolveBlobSettings({ dataDir: null });
    expect(memory.temporary).toBe(true);
    expect(resolveBlobSettings({ dataDir: null }).dir).not.toBe(memory.dir);
    expect(() => resolveBlobSettings({ dataDir: null }, { dir: '/x', chunkBytes: 10 })).toThrow(/chunkBytes/);
  });
});

describe('recognising file types by content', () => {
  const cases: [string, Buffer, DetectedType | undefined][] = [
    ['JPEG', jpeg(100), 'image/jpeg'],
    ['PNG', png(100), 'image/png'],
    ['WebP', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'image/webp'],
    ['PDF', pdf(100), 'application/pdf'],
    ['PDF after some junk', Buffer.concat([Buffer.alloc(300, 0x20), pdf(100)]), 'application/pdf'],
    ['HEIC', heic(100), 'image/heic'],
    ['AVIF', Buffer.from('\x00\x00\x00\x1cftypavif', 'latin1'), 'image/avif'],
    ['a Windows program', exe(100), 'application/x-msdownload'],
    ['a Word document', Buffer.from('PK\x03\x04\x14\x00', 'latin1'), 'application/zip'],
    [
      'an SVG drawing',
      Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'image/svg+xml',
    ],
    ['plain text', Buffer.from('hello'), undefined],
    ['nothing', Buffer.alloc(0), undefined],
    ['a truncated JPEG marker', Buffer.from([0xff, 0xd8]), undefined],
  ];
  it.each(cases)('%s', (_name, bytes, expected) => {
    expect(sniffBlobType(bytes)).toBe(expected);
  });

  it('does not look for a PDF header beyond the first 1024 bytes', () => {
    expect(sniffBlobType(Buffer.concat([Buffer.alloc(1100, 0x20), pdf(100)]))).toBeUndefined();
  });
});

describe('chunk arithmetic and sizes in words', () => {
  it('slices a file into equal chunks and a shorter last one', () => {
    expect(chunkCountOf(10, 4)).toBe(3);
    expect(chunkCountOf(8, 4)).toBe(2);
    expect(chunkRange(2, 10, 4)).toEqual({ start: 8, end: 10 });
    expect(chunkRange(1, 8, 4)).toEqual({ start: 4, end: 8 });
  });

  it('writes sizes as people read them, rounding an excess up', () => {
    expect(formatByteSize(72 * 1024 * 1024)).toBe('72 MB');
    expect(formatByteSize(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatByteSize(50 * 1024 * 1024 + 1, true)).toBe('50.1 MB');
    expect(formatByteSize(1536)).toBe('1.5 KB');
    expect(formatByteSize(999)).toBe('999 bytes');
    expect(formatByteSize(9.5 * 1024 ** 3)).toBe('9.5 GB');
  });
});
