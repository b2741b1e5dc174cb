import { createRecord, deleteRecord, updateRecord } from '../data/repository';
import { type AppDatabase, getDb } from '../db/database';
import type { Stored } from '../db/types';
import { attachmentWriteTables, putBlobIfAbsent, queueUpload } from './blobStore';
import { sha256Hex } from './hash';
import type { AttachTarget } from './types';

/**
 * Remove an attachment: a tombstone like every record delete. The bytes stay until the collector finds
 * that no live record names them any more (collect.ts), so an undo or a sync from another device that
 * still names them never finds them gone.
 */
export async function removeAttachment(id: string, db: AppDatabase = getDb()): Promise<void> {
  await deleteRecord('attachments', id, db);
}

export async function updateCaption(
  id: string,
  caption: string,
  db: AppDatabase = getDb(),
): Promise<Stored<'attachments'>> {
  return updateRecord('attachments', id, { caption }, db);
}

export class InvalidSignatureError extends Error {
  constructor() {
    super('A signature must be a non-empty PNG image');
    this.name = 'InvalidSignatureError';
  }
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Store a signature drawn on screen for one party of an agreement. One signature per party: the
 * party's previous one is tombstoned in the same transaction, so the agreement never shows two, nor
 * none after a crash halfway.
 */
export async function addSignature(
  target: AttachTarget,
  party: string,
  png: Blob,
  db: AppDatabase = getDb(),
): Promise<Stored<'attachments'>> {
  const bytes = new Uint8Array(await png.arrayBuffer());
  if (bytes.length === 0 || !PNG_MAGIC.every((b, i) => bytes[i] === b)) throw new InvalidSignatureError();
  const blob = new Blob([bytes], { type: 'image/png' });
  const candidate = { hash: await sha256Hex(bytes), blob, type: 'image/png' as const, size: bytes.length };
  const { width, height } = pngSize(bytes);
  const now = Date.now();
  return db.transaction('rw', attachmentWriteTables(db), async () => {
    const previous = await db.attachments
      .where('[recordTable+recordId]')
      .equals([target.recordTable, target.recordId])
      .filter((a) => a._deleted === 0 && a.kind === 'signature' && a.party === party)
      .toArray();
    for (const old of previous) await deleteRecord('attachments', old.id, db);
    await putBlobIfAbsent(db, candidate, now);
    await queueUpload(db, candidate, target.tripId, now);
    return createRecord(
      'attachments',
      {
        ...target,
        kind: 'signature',
        party,
        hash: candidate.hash,
        type: 'image/png',
        size: candidate.size,
        width,
        height,
      },
      db,
    );
  });
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23); 0×0 if the header is short. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 24) return { width: 0, height: 0 };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
