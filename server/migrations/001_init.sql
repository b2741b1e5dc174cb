-- Accounts, access, the merged record store, idempotency, conflicts.
-- Ids made by devices and by the server are UUID strings; they are kept as text so the store does not
-- care which UUID version a client uses.

create table users (
  id text primary key,
  username text not null,
  display_name text not null default '',
  role text not null check (role in ('admin', 'organiser', 'expert')),
  expert_id text,
  password_hash text not null,
  created_at timestamptz not null default now()
);
create unique index users_username_key on users (lower(username));

-- Only the SHA-256 of a token is stored: a copy of this table does not let anyone sign in.
create table auth_tokens (
  token_hash text primary key,
  user_id text not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index auth_tokens_user on auth_tokens (user_id);

-- Failed sign-ins per (username, client address); kept in the database so every instance sees them.
create table login_failures (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null
);

-- Who may read and write which trip. Separate from the tripMembers *records*, which describe experts'
-- roles in a trip and sync like any record.
create table trip_access (
  trip_id text not null,
  user_id text not null references users (id) on delete cascade,
  role text not null check (role in ('organiser', 'member')),
  granted_by text references users (id) on delete set null,
  granted_at timestamptz not null default now(),
  primary key (trip_id, user_id)
);
create index trip_access_user on trip_access (user_id);

-- The change sequence. Only ever advanced while holding the push lock (see server/sync/push.ts), so
-- sequence order is commit order.
create sequence change_seq;

-- The current merged state of every record, with per-field stamps. Tombstones stay (data._deleted).
create table records (
  tbl text not null,
  id text not null,
  scope text not null,
  data jsonb not null,
  stamps jsonb not null,
  seq bigint not null,
  updated_at timestamptz not null default now(),
  primary key (tbl, id)
);
create unique index records_seq_key on records (seq);
create index records_scope_seq on records (scope, seq);

-- The verdict on every mutation id, written in the transaction that applied (or refused) it.
create table applied_mutations (
  mutation_id text primary key,
  user_id text not null references users (id),
  device_id text not null,
  result jsonb not null,
  applied_at timestamptz not null default now()
);

-- Field values that lost a concurrent write, kept for an organiser to review.
create table conflicts (
  id bigint generated always as identity primary key,
  tbl text not null,
  record_id text not null,
  scope text not null,
  field text not null,
  winner_value jsonb,
  winner_stamp text not null,
  loser_value jsonb,
  loser_stamp text not null,
  loser_side text not null check (loser_side in ('incoming', 'current')),
  user_id text not null,
  device_id text not null,
  mutation_id text not null,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by text
);
create index conflicts_open on conflicts (scope, id) where resolved_at is null;
