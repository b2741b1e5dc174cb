-- Attachments: content-addressed blobs (photos, scans, signatures), which trips reference them, and
-- resumable uploads in progress. The bytes live in the blob store (a folder or S3-compatible object
-- storage), never in the database; see docs/attachments-server.md.

-- One row per stored blob, written after its bytes were verified and published in the store. `type` is
-- what the server found in the bytes (magic numbers), not what the device declared.
create table blobs (
  hash text primary key check (hash ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size > 0),
  type text not null,
  created_by text references users (id) on delete set null,
  created_at timestamptz not null default now()
);

-- Which trips a blob was uploaded for. Reading a blob needs read access to one of these trips, so the
-- same photo in two trips is stored once but each trip's members only reach it through their own trip.
create table blob_refs (
  hash text not null references blobs (hash) on delete cascade,
  trip_id text not null,
  user_id text references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (hash, trip_id)
);
create index blob_refs_trip on blob_refs (trip_id);

-- A resumable upload: one per (blob, trip, person), so a device that crashed finds its upload again.
-- Discarded when untouched for a while (server/blobs/sweep.ts).
create table blob_uploads (
  id text primary key,
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  trip_id text not null,
  user_id text not null references users (id) on delete cascade,
  size bigint not null check (size > 0),
  type text not null,
  chunk_size integer not null check (chunk_size > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index blob_uploads_open on blob_uploads (hash, trip_id, user_id);
create index blob_uploads_user on blob_uploads (user_id);
create index blob_uploads_updated on blob_uploads (updated_at);

-- The chunks the store holds for an upload, each with the SHA-256 it was verified against. A row is
-- written only after its bytes are durably in the store.
create table blob_upload_chunks (
  upload_id text not null references blob_uploads (id) on delete cascade,
  idx integer not null check (idx >= 0),
  sha256 text not null,
  primary key (upload_id, idx)
);
