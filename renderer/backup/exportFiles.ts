import { sha256Hex } from '../../shared/backup/checksum';
import type { TripBackup } from '../../shared/backup/format';
import { type BackupFile, type BackupFiles, namedBlobHashes } from '../../shared/backup/zip';
import type { AppDatabase } from '../db/database';

/**
 * The bytes of every blob a backup's live attachments name that is on this device, for the ZIP backup
 * (shared/backup/zip.ts); the others are listed as missing. Each file is hashed again on the way out:
 * bytes that no longer match their name (a damaged disk) are left out as missing rather than written
 * into a backup the import would then refuse as a whole.
 */
export async function collectBackupFiles(
  db: AppDatabase,
  backup: TripBackup,
  onFile?: (done: number, total: number) => void,
): Promise<BackupFiles> {
  const hashes = namedBlobHashes(backup);
  const rows = await db.blobs.bulkGet(hashes);
  const files: BackupFile[] = [];
  const missing: string[] = [];
  onFile?.(0, hashes.length);
  for (const [i, hash] of hashes.entries()) {
    const row = rows[i];
    const bytes = row ? await readBlob(row.blob) : undefined;
    if (row && bytes && (await sha256Hex(bytes)) === hash) files.push({ hash, type: row.type, bytes });
    else missing.push(hash);
    onFile?.(i + 1, hashes.length);
  }
  return { files, missing };
}

async function readBlob(blob: Blob): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return new Uint8Array(await blob.arrayBuffer());
  } catch {
    // A blob whose backing file the browser lost (rare, after a crash) reads as an error: missing.
    return undefined;
  }
}
