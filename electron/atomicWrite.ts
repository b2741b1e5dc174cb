/**
 * Write-then-rename, so a reader (or the next start after a crash or power cut) sees either the old file
 * or the new one, never half of one. The temporary file sits in the same directory because rename is only
 * atomic within one file system.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** File mode for a newly created file, e.g. 0o600 for secrets. */
  readonly mode?: number;
}

export async function writeFileAtomic(
  filePath: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const directory = path.dirname(filePath);
  const temporary = path.join(directory, `.${path.basename(filePath)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'wx', options.mode ?? 0o666);
    try {
      await handle.writeFile(data);
      // Flush to disk before the rename makes the new content visible under the real name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable on POSIX; Windows cannot open a directory, and does not need this. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: some file systems refuse fsync on directories; the data itself is already flushed.
  }
}
