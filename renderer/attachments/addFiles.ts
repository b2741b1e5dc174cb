import { formatByteSize } from '../../shared/blobs';
import { createRecord } from '../data/repository';
import { type AppDatabase, getDb } from '../db/database';
import type { Stored } from '../db/types';
import { attachmentWriteTables, bytesToStore, putBlobIfAbsent, queueUpload } from './blobStore';
import { browserImageProcessor, type ImageProcessor } from './image';
import { isRefused, type Prepared, prepareFile } from './prepare';
import { browserEstimate, type Estimator, storageBudget } from './storage';
import type { AddFilesOptions, AttachTarget, Refused } from './types';

/** What addFiles needs from the platform; tests under Node pass stand-ins (decoding needs a browser). */
export type AttachEnv = { images: ImageProcessor; estimate: Estimator; now: () => number };

export const browserEnv: AttachEnv = {
  images: browserImageProcessor,
  estimate: browserEstimate,
  now: Date.now,
};

export type AddFilesResult = { added: Stored<'attachments'>[]; refused: Refused[] };

const isQuotaError = (error: unknown): boolean => {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
};

const quotaRefusal = (p: Prepared): Refused => ({
  name: p.name,
  reason: 'quota',
  message: 'attachments.core.refused.quota',
  params: { name: p.name, size: formatByteSize(p.main.size + (p.original?.size ?? 0), true) },
});

/**
 * Attach files to a visit (photos) or an agreement (scans). Each file is checked by its content (not
 * its name), photos are reduced and re-encoded upright (see image.ts), and what fits is written in ONE
 * transaction: blobs (stored once per hash), attachments records (synced) and pending uploads. A crash
 * or error leaves all of them or none. Files that cannot be attached come back in `refused` with the
 * words to show; the others are still added.
 */
export async function addFiles(
  target: AttachTarget,
  files: readonly File[],
  options: AddFilesOptions,
  db: AppDatabase = getDb(),
  env: AttachEnv = browserEnv,
): Promise<AddFilesResult> {
  const refused: Refused[] = [];
  const ready: Prepared[] = [];
  // One at a time: decoding several 12-megapixel photos at once can exhaust a laptop's memory.
  for (const file of files) {
    const prepared = await prepareFile(file, options, env.images);
    if (isRefused(prepared)) refused.push(prepared);
    else ready.push(prepared);
  }

  const budget = await storageBudget(env.estimate);
  const accepted: Prepared[] = [];
  const planned = new Set<string>();
  for (const p of ready) {
    const candidates = p.original ? [p.main, p.original] : [p.main];
    const tentative = new Set(planned);
    const bytes = await bytesToStore(db, candidates, tentative);
    if (!budget.fits(bytes)) {
      refused.push(quotaRefusal(p));
      continue;
    }
    budget.take(bytes);
    for (const hash of tentative) planned.add(hash);
    accepted.push(p);
  }
  if (accepted.length === 0) return { added: [], refused };

  const now = env.now();
  try {
    const added = await db.transaction('rw', attachmentWriteTables(db), async () => {
      const rows: Stored<'attachments'>[] = [];
      for (const p of accepted) {
        for (const c of p.original ? [p.main, p.original] : [p.main]) {
          await putBlobIfAbsent(db, c, now);
          await queueUpload(db, c, target.tripId, now);
        }
        const record = await createRecord(
          'attachments',
          {
            ...target,
            kind: options.kind,
            hash: p.main.hash,
            type: p.main.type,
            size: p.main.size,
            name: p.name,
            ...p.fields,
            originalHash: p.original?.hash ?? '',
          },
          db,
        );
        rows.push(record);
      }
      return rows;
    });
    return { added, refused };
  } catch (error) {
    // The estimate is a guess; if the disk really filled up, the transaction wrote nothing: say so.
    if (!isQuotaError(error)) throw error;
    return { added: [], refused: [...refused, ...accepted.map(quotaRefusal)] };
  }
}
