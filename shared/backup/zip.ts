import JSZip from 'jszip';
import { z } from 'zod';
import { blobTypes, isBlobHash } from '../blobs/protocol';
import { sha256Hex } from './checksum';
import { type BackupProblem, readBackup, serializeBackup, type TripBackup } from './format';

/**
 * A trip backup WITH its attachments' bytes: a ZIP holding
 *
 *   backup.json        the JSON backup exactly as format.ts writes it (records, stamps, checksum);
 *   files.json         the manifest: { format, version, files: [{ hash, type, size }], missing: [hash] };
 *   files/<sha256>     one file per blob, named by the SHA-256 of its bytes (64 lowercase hex digits).
 *
 * Invariants:
 *  - a file's name IS its checksum: on reading, every file is hashed and a mismatch refuses the whole
 *    backup (`file_damaged`), so damaged bytes never reach a device;
 *  - `missing` lists the blobs the backup's attachments name that were not on the exporting device
 *    (never downloaded there): the import can say so instead of silently restoring placeholders;
 *  - the manifest and the `files/` folder agree exactly (a listed file absent, or a stray file, is
 *    `damaged`), and the JSON inside passes every check a plain .json backup passes.
 */
export const BACKUP_ZIP_ENTRY = 'backup.json';
export const BACKUP_FILES_MANIFEST = 'files.json';
export const BACKUP_FILES_DIR = 'files/';
export const BACKUP_FILES_FORMAT = 'expert-trips/trip-backup-files';
export const BACKUP_FILES_VERSION = 1;

export type BackupFile = { hash: string; type: string; bytes: Uint8Array<ArrayBuffer> };
export type BackupFiles = { files: BackupFile[]; missing: string[] };

export type ZipReadResult =
  | { ok: true; backup: TripBackup; files: BackupFiles }
  | { ok: false; problem: BackupProblem };

const manifestSchema = z.object({
  format: z.literal(BACKUP_FILES_FORMAT),
  version: z.literal(BACKUP_FILES_VERSION),
  files: z.array(
    z.object({
      hash: z.string().refine(isBlobHash),
      type: z.enum(blobTypes),
      size: z.number().int().min(0),
    }),
  ),
  missing: z.array(z.string().refine(isBlobHash)),
});

/** "PK\x03\x04" (or an empty archive's "PK\x05\x06"): the bytes are a ZIP, not a JSON backup. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * The blob hashes a backup's live attachments name (the reduced file and, when kept, the original),
 * sorted. Tombstoned attachments are left out: their bytes may already be freed, and nobody shows them.
 */
export function namedBlobHashes(backup: TripBackup): string[] {
  const hashes = new Set<string>();
  for (const record of backup.tables.attachments) {
    if (record.deleted) continue;
    for (const field of ['hash', 'originalHash'] as const) {
      const value = record.data[field];
      if (isBlobHash(value)) hashes.add(value);
    }
  }
  return [...hashes].sort();
}

/**
 * Writes the ZIP. The JSON is compressed; the files are stored as they are (photos and PDFs are already
 * compressed, deflating them again costs time for nothing). `onProgress` gets 0…1 while packing.
 */
export async function packBackupZip(
  backup: TripBackup,
  files: BackupFiles,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const date = new Date(backup.exportedAt);
  const zip = new JSZip();
  zip.file(BACKUP_ZIP_ENTRY, serializeBackup(backup), { date, compression: 'DEFLATE' });
  const sorted = [...files.files].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const manifest = {
    format: BACKUP_FILES_FORMAT,
    version: BACKUP_FILES_VERSION,
    files: sorted.map((f) => ({ hash: f.hash, type: f.type, size: f.bytes.byteLength })),
    missing: [...files.missing].sort(),
  };
  zip.file(BACKUP_FILES_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`, { date, compression: 'DEFLATE' });
  for (const file of sorted) {
    zip.file(`${BACKUP_FILES_DIR}${file.hash}`, file.bytes, { date, compression: 'STORE', binary: true });
  }
  const buffer = await zip.generateAsync({ type: 'arraybuffer', compressionOptions: { level: 6 } }, (meta) =>
    onProgress?.(meta.percent / 100),
  );
  return new Uint8Array(buffer);
}

const damaged = (detail: string): ZipReadResult => ({ ok: false, problem: { code: 'damaged', detail } });

/**
 * Reads and fully checks a ZIP backup: the archive, the JSON inside (as `readBackup` does, checksum
 * included), the manifest, and every file's SHA-256 against its name. Nothing is written anywhere.
 * `onFile` reports files verified so far, for a progress bar.
 */
export async function readBackupZip(
  bytes: Uint8Array,
  onFile?: (done: number, total: number) => void,
): Promise<ZipReadResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    return damaged('not a readable ZIP archive');
  }
  const entry = zip.file(BACKUP_ZIP_ENTRY);
  // Some other ZIP (the CSV export, a folder of photos): not one of our backups.
  if (!entry) return { ok: false, problem: { code: 'not_backup' } };
  let text: string;
  let manifestText: string | undefined;
  try {
    text = await entry.async('string');
    manifestText = await zip.file(BACKUP_FILES_MANIFEST)?.async('string');
  } catch {
    return damaged('an entry cannot be read (CRC mismatch)');
  }
  const parsed = await readBackup(text);
  if (!parsed.ok) return parsed;
  if (manifestText === undefined) return damaged('files.json is missing');
  let manifest: z.infer<typeof manifestSchema>;
  try {
    const result = manifestSchema.safeParse(JSON.parse(manifestText));
    if (!result.success) return damaged(`files.json: ${result.error.issues[0]?.message ?? 'invalid'}`);
    manifest = result.data;
  } catch {
    return damaged('files.json is not JSON');
  }
  const listed = new Set(manifest.files.map((f) => f.hash));
  if (listed.size !== manifest.files.length) return damaged('files.json lists a file twice');
  const stray = Object.keys(zip.files).find(
    (name) =>
      name.startsWith(BACKUP_FILES_DIR) &&
      !zip.files[name]?.dir &&
      !listed.has(name.slice(BACKUP_FILES_DIR.length)),
  );
  if (stray) return damaged(`${stray} is not in files.json`);

  const files: BackupFile[] = [];
  for (const [index, item] of manifest.files.entries()) {
    const file = zip.file(`${BACKUP_FILES_DIR}${item.hash}`);
    if (!file) return damaged(`files/${item.hash} is missing`);
    let content: Uint8Array<ArrayBuffer>;
    try {
      content = new Uint8Array(await file.async('arraybuffer'));
    } catch {
      return { ok: false, problem: { code: 'file_damaged', hash: item.hash } };
    }
    if (content.byteLength !== item.size || (await sha256Hex(content)) !== item.hash) {
      return { ok: false, problem: { code: 'file_damaged', hash: item.hash } };
    }
    files.push({ hash: item.hash, type: item.type, bytes: content });
    onFile?.(index + 1, manifest.files.length);
  }
  return { ok: true, backup: parsed.backup, files: { files, missing: manifest.missing } };
}
