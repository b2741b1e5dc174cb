import type { BlobInfo, BlobType } from '../../shared/blobs/protocol';
import type { AuthUser } from '../auth/users';
import type { Db, Queryable } from '../db/index';

/**
 * The blob tables (server/migrations/003_blobs.sql). Times are passed in as epoch milliseconds from
 * the server's clock (AppContext.now) so expiry can be tested without waiting a week.
 */
export type UploadRow = {
  id: string;
  hash: string;
  tripId: string;
  userId: string;
  size: number;
  type: BlobType;
  chunkSize: number;
  updatedMs: number;
};

const UPLOAD_COLUMNS = `id, hash, trip_id as "tripId", user_id as "userId", size, type,
  chunk_size as "chunkSize", (extract(epoch from updated_at) * 1000)::float8 as "updatedMs"`;

const at = (ms: number) => ms / 1000;

/** The blob if this user may read it: an admin, or a member of a trip it was uploaded for. */
export async function findReadableBlob(
  db: Queryable,
  user: AuthUser,
  hash: string,
): Promise<BlobInfo | undefined> {
  const rows = await db.query<BlobInfo>(
    `select b.hash, b.size, b.type from blobs b
     where b.hash = $1 and exists (
       select 1 from blob_refs r
       where r.hash = b.hash
         and ($3 or exists (select 1 from trip_access a where a.trip_id = r.trip_id and a.user_id = $2)))`,
    [hash, user.id, user.role === 'admin'],
  );
  return rows[0];
}

/** The blob if it was uploaded for this trip. */
export async function findTripBlob(
  db: Queryable,
  tripId: string,
  hash: string,
): Promise<BlobInfo | undefined> {
  const rows = await db.query<BlobInfo>(
    `select b.hash, b.size, b.type from blobs b join blob_refs r on r.hash = b.hash
     where b.hash = $1 and r.trip_id = $2`,
    [hash, tripId],
  );
  return rows[0];
}

/** Which of these hashes the trip has (for a device deciding what still needs sending). */
export async function presentInTrip(
  db: Queryable,
  tripId: string,
  hashes: readonly string[],
): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await db.query<{ hash: string }>(
    `select r.hash from blob_refs r
     where r.trip_id = $1 and r.hash in (select jsonb_array_elements_text($2::text::jsonb))
     order by r.hash`,
    [tripId, JSON.stringify(hashes)],
  );
  return rows.map((r) => r.hash);
}

/**
 * Records a published blob and its reference from the trip, in one transaction; both inserts tolerate
 * a concurrent twin. Returns whether the trip's reference is new.
 */
export async function recordBlob(
  tx: Queryable,
  blob: BlobInfo,
  tripId: string,
  userId: string,
  nowMs: number,
): Promise<boolean> {
  await tx.query(
    `insert into blobs (hash, size, type, created_by, created_at) values ($1, $2, $3, $4, to_timestamp($5))
     on conflict (hash) do nothing`,
    [blob.hash, blob.size, blob.type, userId, at(nowMs)],
  );
  const rows = await tx.query(
    `insert into blob_refs (hash, trip_id, user_id, created_at) values ($1, $2, $3, to_timestamp($4))
     on conflict (hash, trip_id) do nothing returning hash`,
    [blob.hash, tripId, userId, at(nowMs)],
  );
  return rows.length > 0;
}

// ---- uploads --------------------------------------------------------------------------------------

export async function getUpload(db: Queryable, id: string): Promise<UploadRow | undefined> {
  const rows = await db.query<UploadRow>(`select ${UPLOAD_COLUMNS} from blob_uploads where id = $1`, [id]);
  return rows[0];
}

export async function findOpenUpload(
  db: Queryable,
  hash: string,
  tripId: string,
  userId: string,
): Promise<UploadRow | undefined> {
  const rows = await db.query<UploadRow>(
    `select ${UPLOAD_COLUMNS} from blob_uploads where hash = $1 and trip_id = $2 and user_id = $3`,
    [hash, tripId, userId],
  );
  return rows[0];
}

export async function countOpenUploads(db: Queryable, userId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'select count(*)::int as n from blob_uploads where user_id = $1',
    [userId],
  );
  return rows[0]?.n ?? 0;
}

/** Inserts the upload unless a concurrent request made the same one first; returns the stored row. */
export async function insertUpload(
  db: Queryable,
  row: Omit<UploadRow, 'updatedMs'>,
  nowMs: number,
): Promise<UploadRow> {
  await db.query(
    `insert into blob_uploads (id, hash, trip_id, user_id, size, type, chunk_size, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8), to_timestamp($8))
     on conflict (hash, trip_id, user_id) do nothing`,
    [row.id, row.hash, row.tripId, row.userId, row.size, row.type, row.chunkSize, at(nowMs)],
  );
  const stored = await findOpenUpload(db, row.hash, row.tripId, row.userId);
  if (!stored) throw new Error('blob upload vanished right after it was created');
  return stored;
}

export async function updateUploadType(
  db: Queryable,
  id: string,
  type: BlobType,
  nowMs: number,
): Promise<void> {
  await db.query('update blob_uploads set type = $2, updated_at = to_timestamp($3) where id = $1', [
    id,
    type,
    at(nowMs),
  ]);
}

export async function deleteUpload(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('delete from blob_uploads where id = $1 returning id', [id]);
  return rows.length > 0;
}

export async function uploadChunks(db: Queryable, id: string): Promise<Map<number, string>> {
  const rows = await db.query<{ idx: number; sha256: string }>(
    'select idx, sha256 from blob_upload_chunks where upload_id = $1 order by idx',
    [id],
  );
  return new Map(rows.map((r) => [r.idx, r.sha256]));
}

/** Records a chunk that is durably in the store, and keeps the upload from expiring. */
export async function recordChunk(
  db: Db,
  id: string,
  index: number,
  sha256: string,
  nowMs: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into blob_upload_chunks (upload_id, idx, sha256) values ($1, $2, $3)
       on conflict (upload_id, idx) do update set sha256 = excluded.sha256`,
      [id, index, sha256],
    );
    await tx.query('update blob_uploads set updated_at = to_timestamp($2) where id = $1', [id, at(nowMs)]);
  });
}

export async function forgetChunk(db: Queryable, id: string, index: number): Promise<void> {
  await db.query('delete from blob_upload_chunks where upload_id = $1 and idx = $2', [id, index]);
}

export async function expiredUploads(db: Queryable, cutoffMs: number): Promise<UploadRow[]> {
  return db.query<UploadRow>(
    `select ${UPLOAD_COLUMNS} from blob_uploads where updated_at < to_timestamp($1) order by updated_at limit 500`,
    [at(cutoffMs)],
  );
}
