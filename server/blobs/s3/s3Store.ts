import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { assertVerified, type BlobStore, type LocalFile, type StoredBytes } from '../store';
import { S3Client, type S3Options } from './client';

/**
 * The production blob store: S3-compatible object storage. Objects are blobs/<hash>, upload parts
 * uploads/<uploadId>/<index> (no sharding: object stores partition by key themselves, and hex hashes
 * spread evenly).
 *
 * Atomic publishing comes from S3 itself: a PUT becomes visible whole or not at all. Every PUT names
 * the bytes' SHA-256 as its signed payload hash (x-amz-content-sha256), so the store refuses bytes
 * damaged on the way instead of keeping them under the wrong name.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  readonly description: string;

  constructor(options: S3Options) {
    this.client = new S3Client(options);
    this.description = this.client.description;
  }

  private async upload(key: string, file: LocalFile): Promise<void> {
    try {
      await this.client.put(key, {
        size: file.size,
        sha256: file.sha256,
        open: () => createReadStream(file.path),
      });
    } finally {
      // The local copy has served its purpose whether or not the PUT worked: the device sends again.
      await rm(file.path, { force: true });
    }
  }

  async has(hash: string): Promise<boolean> {
    return (await this.client.head(`blobs/${hash}`)) !== undefined;
  }

  async size(hash: string): Promise<number | undefined> {
    const headers = await this.client.head(`blobs/${hash}`);
    return headers ? Number(headers['content-length']) : undefined;
  }

  async put(hash: string, file: LocalFile): Promise<void> {
    assertVerified(hash, file);
    if (await this.has(hash)) {
      await rm(file.path, { force: true });
      return;
    }
    await this.upload(`blobs/${hash}`, file);
  }

  get(hash: string): Promise<StoredBytes | undefined> {
    return this.client.get(`blobs/${hash}`);
  }

  delete(hash: string): Promise<void> {
    return this.client.delete(`blobs/${hash}`);
  }

  putPart(uploadId: string, index: number, file: LocalFile): Promise<void> {
    return this.upload(`uploads/${uploadId}/${index}`, file);
  }

  getPart(uploadId: string, index: number): Promise<StoredBytes | undefined> {
    return this.client.get(`uploads/${uploadId}/${index}`);
  }

  async deleteParts(uploadId: string, count: number): Promise<void> {
    // One DELETE per part (no ListObjects/DeleteObjects: fewer permissions to grant, no XML to parse);
    // a few at a time, since an upload has tens of parts at most.
    const indices = Array.from({ length: count }, (_, i) => i);
    for (let i = 0; i < indices.length; i += 8) {
      await Promise.all(indices.slice(i, i + 8).map((n) => this.client.delete(`uploads/${uploadId}/${n}`)));
    }
  }
}
