import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from '../../shared/blobs/sniff';
import type { LocalFile } from './store';

/**
 * The scratch folder: where bytes arriving from a device (or read back from the store to assemble an
 * upload) are written and hashed before anything is published. Files here are transient; one that
 * outlives its request (a crash) is removed by `sweep`.
 *
 * Bytes are streamed, never held in memory whole, and fsynced before they are handed on, so a file
 * published after a power cut is the file that was verified.
 */
export type Received = LocalFile & {
  /** The first bytes, for recognising the type (shared/blobs/sniff.ts). */
  head: Buffer;
  /** Bytes that arrived beyond the limit were read and thrown away; the file is gone. */
  overLimit: boolean;
};

/** The device stopped sending in the middle (closed the connection, lost the network). */
export class ReceiveInterrupted extends Error {
  override readonly name = 'ReceiveInterrupted';
}

/**
 * Counts, hashes and keeps the head of what passes. Past `maxBytes` it stops passing bytes on but keeps
 * reading: the device then gets its clear "too large" answer instead of a reset connection.
 */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  count = 0;
  overLimit = false;
  private readonly headParts: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.headParts).subarray(0, SNIFF_BYTES);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.maxBytes) this.overLimit = true;
    if (this.overLimit) {
      done();
      return;
    }
    if (this.headLength < SNIFF_BYTES) {
      this.headParts.push(chunk.subarray(0, SNIFF_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, SNIFF_BYTES - this.headLength);
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

const isInterruption = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED';
};

export class Scratch {
  constructor(readonly dir: string) {}

  private async newFile(): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    return path.join(this.dir, `${randomUUID()}.tmp`);
  }

  /** Writes what `source` yields to a new scratch file, at most `maxBytes` of it. */
  async receive(source: Readable | (() => AsyncGenerator<Buffer>), maxBytes: number): Promise<Received> {
    const file = await this.newFile();
    const meter = new Meter(maxBytes);
    try {
      // flush: fsync before close, so what is handed on is on the disk, not only in the page cache.
      await pipeline(source, meter, createWriteStream(file, { flags: 'wx', flush: true }));
    } catch (error) {
      await rm(file, { force: true });
      throw isInterruption(error) ? new ReceiveInterrupted('the sender stopped before the end') : error;
    }
    if (meter.overLimit) {
      await rm(file, { force: true });
      return { path: file, size: meter.count, sha256: '', head: Buffer.alloc(0), overLimit: true };
    }
    return {
      path: file,
      size: meter.count,
      sha256: meter.hash.digest('hex'),
      head: meter.head,
      overLimit: false,
    };
  }

  /** Concatenates several streams (opened one after the other) into one scratch file. */
  concat(parts: number, openPart: (index: number) => Promise<Readable>): Promise<Received> {
    return this.receive(async function* () {
      for (let i = 0; i < parts; i++) {
        for await (const chunk of await openPart(i)) yield chunk as Buffer;
      }
    }, Number.MAX_SAFE_INTEGER);
  }

  async remove(file: LocalFile): Promise<void> {
    await rm(file.path, { force: true });
  }

  /** Removes scratch files last changed before `cutoffMs` (left behind by a crash). */
  async sweep(cutoffMs: number): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs < cutoffMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
