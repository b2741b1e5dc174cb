import type { AppDatabase } from '../../db/database';
import type { PhotoImage, ReportPhoto } from '../docx/photoSection';
import { imageSize } from './imageSize';
import { listTripPhotos } from './tripPhotos';

/**
 * The photos picked for the Word report, read from this device: each with its bytes in a form Word
 * embeds (JPEG or PNG; WebP is re-encoded as JPEG where the engine can), or without, when the bytes are
 * not here (never downloaded) — the report then names it as not included. Ordered like the report's
 * host sections (`hostOrder`), then as the picker lists them.
 */
export async function loadReportPhotos(
  db: AppDatabase,
  tripId: string,
  photoIds: readonly string[],
  hostOrder: readonly string[],
  onPhoto?: (done: number, total: number) => void,
): Promise<ReportPhoto[]> {
  const wanted = new Set(photoIds);
  const photos = (await listTripPhotos(db, tripId)).filter((p) => wanted.has(p.id));
  const rank = new Map(hostOrder.map((id, i) => [id, i]));
  const ordered = photos
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (rank.get(a.p.hostId) ?? 1e9) - (rank.get(b.p.hostId) ?? 1e9) || a.i - b.i)
    .map(({ p }) => p);
  const rows = await db.blobs.bulkGet(ordered.map((p) => p.hash));
  const out: ReportPhoto[] = [];
  for (const [i, photo] of ordered.entries()) {
    const row = rows[i];
    const image = row ? await embeddable(row.blob, photo.width, photo.height) : undefined;
    out.push({
      id: photo.id,
      hostName: photo.hostName,
      date: photo.date,
      caption: photo.caption,
      ...(image ? { image } : {}),
    });
    onPhoto?.(i + 1, ordered.length);
  }
  return out;
}

async function embeddable(blob: Blob, width: number, height: number): Promise<PhotoImage | undefined> {
  let data: Uint8Array<ArrayBuffer>;
  try {
    data = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return undefined;
  }
  const type = blob.type === 'image/png' ? 'png' : blob.type === 'image/jpeg' ? 'jpg' : undefined;
  if (!type) return reencode(blob);
  const size = imageSize(data) ?? { width, height };
  return { data, type, ...size };
}

/** WebP (which Word cannot show) → JPEG, through an OffscreenCanvas: in workers and pages, not in Node. */
async function reencode(blob: Blob): Promise<PhotoImage | undefined> {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return undefined;
  try {
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const result = {
      data: new Uint8Array(await jpeg.arrayBuffer()),
      type: 'jpg' as const,
      width: bitmap.width,
      height: bitmap.height,
    };
    bitmap.close();
    return result;
  } catch {
    return undefined;
  }
}
