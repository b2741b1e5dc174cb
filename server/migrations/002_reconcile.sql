-- Reconciling a trip: who wrote each field, the merge map the server follows, and the link from a
-- conflict row to the conflict *record* that organisers see and resolve on their devices.

-- Per field, the id of the account whose write the stored value is (field → user id). Conflict records
-- name both writers. Server re-points keep the writer of the value they translated.
alter table records add column writers jsonb not null default '{}';

-- Per field, for a value the server re-pointed after a merge (field → stamp): the stamp of the write
-- the re-pointed value stands for. A device write is judged against that stamp, not against the
-- server's own (newer) one, so a mechanical re-point never beats a person's later choice.
alter table records add column repointed jsonb not null default '{}';

-- Merged-away ids: from_id was merged into into_id by the merges record merge_id. One row per
-- merged-away id: a record can only be merged away once (later merges follow the chain).
create table merged_ids (
  tbl text not null,
  from_id text not null,
  into_id text not null,
  merge_id text not null,
  created_at timestamptz not null default now(),
  primary key (tbl, from_id)
);

alter table conflicts add column conflict_record_id text;
create index conflicts_by_record on conflicts (conflict_record_id) where conflict_record_id is not null;
