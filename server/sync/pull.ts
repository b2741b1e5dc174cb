import type { PullResponse } from '../../shared/sync/protocol';
import type { AuthUser } from '../auth/users';
import type { Queryable } from '../db/index';
import { readableScopes } from './access';

/**
 * Pull: the changes of the scopes a user may read, after that scope's cursor, in sequence order.
 *
 * Invariants:
 *  - push makes sequence order equal commit order (see push.ts), so once a reader has seen seq S no row
 *    with seq <= S can appear later;
 *  - the page and the highest sequence number are read in ONE statement, i.e. from one snapshot;
 *  - cursor rule: if the page is full (hasMore), every readable scope's cursor moves to
 *    max(old, S) with S the last returned seq: rows of every scope with seq <= S were all candidates of
 *    this ordered page, so none is skipped. If the page is not full, nothing newer than the snapshot's
 *    highest seq M exists in any readable scope, so every cursor moves to max(old, M) — this keeps
 *    cursors of quiet scopes moving, and the next pull starts right at the end;
 *  - a scope the user may no longer read is neither queried nor returned: the device drops its data.
 */
type Row = {
  max_seq: number;
  seq: number | null;
  tbl: string | null;
  id: string | null;
  scope: string | null;
  data: Record<string, unknown> | null;
  stamps: Record<string, string> | null;
};

export async function pull(
  db: Queryable,
  user: AuthUser,
  request: { cursors: Record<string, number>; limit: number },
  now: number,
): Promise<PullResponse> {
  const scopes = await readableScopes(db, user);
  const from = scopes.map((scope) => ({ scope, cursor: request.cursors[scope] ?? 0 }));
  // Per scope an index range scan (records_scope_seq) with its own limit, then the merged page.
  const rows = await db.query<Row>(
    `with c as (select * from jsonb_to_recordset($1::text::jsonb) as x(scope text, cursor bigint)),
     page as (
       select p.* from c cross join lateral (
         select r.seq, r.tbl, r.id, r.scope, r.data, r.stamps from records r
          where r.scope = c.scope and r.seq > c.cursor
          order by r.seq limit $2
       ) p
       order by p.seq limit $2
     )
     select (select coalesce(max(seq), 0) from records) as max_seq, page.*
       from (select 1) as one left join page on true
      order by page.seq`,
    [JSON.stringify(from), request.limit + 1],
  );
  const maxSeq = Number(rows[0]?.max_seq ?? 0);
  const found = rows.filter((r) => r.seq !== null);
  const hasMore = found.length > request.limit;
  const page = hasMore ? found.slice(0, request.limit) : found;
  const reach = hasMore ? Number(page[page.length - 1]?.seq ?? 0) : maxSeq;
  const cursors: Record<string, number> = {};
  for (const { scope, cursor } of from) cursors[scope] = Math.max(cursor, reach);
  return {
    changes: page.map((r) => ({
      seq: Number(r.seq),
      table: r.tbl as string,
      recordId: r.id as string,
      scope: r.scope as string,
      data: r.data ?? {},
      stamps: r.stamps ?? {},
    })),
    cursors,
    scopes,
    hasMore,
    serverTime: now,
  };
}

export async function currentSeq(db: Queryable): Promise<number> {
  const rows = await db.query<{ seq: number }>('select coalesce(max(seq), 0) as seq from records');
  return Number(rows[0]?.seq ?? 0);
}
