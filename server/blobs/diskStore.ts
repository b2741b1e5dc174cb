import { copyFile, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { assertVerified, type BlobStore, type LocalFile, type StoredBytes } from './store';

/**
 * The default blob store: a folder. Objects live at objects/ab/cd/<hash> (two levels of sharding keep
 * any one directory small: 65,536 buckets hold millions of photos), upload parts at
 * uploads/<uploadId>/<index>.
 *
 * Publishing is write-elsewhere, fsync, rename, fsync the directory: rename is atomic within one file
 * system, so a reader finds the whole file or none, and after the directory's fsync the name survives
 * a power cut — before the database row that points at it is committed.
 */
const enoent = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function statSize(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : undefined;
  } catch (error) {
    if (enoent(error)) return undefined;
    throw error;
  }
}

async function openStored(file: string): Promise<StoredBytes | undefined> {
  // Open first, then stat the open file: a concurrent delete cannot split the two.
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (enoent(error)) return undefined;
    throw error;
  }
  const { size } = await handle.stat();
  return { size, stream: handle.createReadStream() };
}

export class DiskBlobStore implements BlobStore {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `folder ${path.resolve(root)}`;
  }

  private objectPath(hash: string): string {
    return path.join(this.root, 'objects', hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  private partDir(uploadId: string): string {
    return path.join(this.root, 'uploads', uploadId);
  }

  /** Moves a local file to `target` atomically (copying first when it lives on another file system). */
  private async publish(file: LocalFile, target: string): Promise<void> {
    const dir = path.dirname(target);
    await mkdir(dir, { recursive: true });
    let source = file.path;
    try {
      await rename(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      // The scratch folder is on another disk: copy next to the target, fsync, then rename there.
      source = `${target}.${process.pid}.${Date.now()}.tmp`;
      await copyFile(file.path, source);
      const handle = await open(source, 'r');
      await handle.sync().finally(() => handle.close());
      await rename(source, target);
      await rm(file.path, { force: true });
    }
    await fsyncDir(dir);
  }

  async has(hash: string): Promise<boolean> {
    return (await statSize(this.objectPath(hash))) !== undefined;
  }

  size(hash: string): Promise<number | undefined> {
    return statSize(this.objectPath(hash));
  }

  async put(hash: string, file: LocalFile): Promise<void> {
    assertVerified(hash, file);
    const target = this.objectPath(hash);
    if ((await statSize(target)) !== undefined) {
      // Same name, same bytes: keep the stored file untouched (a reader may be streaming it).
      await rm(file.path, { force: true });
      return;
    }
    await this.publish(file, target);
  }

  get(hash: string): Promise<StoredBytes | undefined> {
    return openStored(this.objectPath(hash));
  }

  async delete(hash: string): Promise<void> {
    await rm(this.objectPath(hash), { force: true });
  }

  putPart(uploadId: string, index: number, file: LocalFile): Promise<void> {
    return this.publish(file, path.join(this.partDir(uploadId), String(index)));
  }

  getPart(uploadId: string, index: number): Promise<StoredBytes | undefined> {
    return openStored(path.join(this.partDir(uploadId), String(index)));
  }

  async deleteParts(uploadId: string): Promise<void> {
    await rm(this.partDir(uploadId), { recursive: true, force: true });
  }
}
