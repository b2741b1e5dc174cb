import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DIRECTORY_SCOPE } from '../../shared/sync/scope';
import type { AppContext } from '../context';
import { forbidden, HttpError } from '../http/errors';
import { canManageScope, isTripScope } from './access';
import { markRecordResolved } from './conflictRecords';
import { withPushLock } from './store';

export function registerConflictRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Conflicts: the losing values of concurrent writes, for an organiser to review. Resolving one only
  // marks it done; the chosen value is an ordinary write pushed by the organiser's device. The same
  // conflicts reach organisers' devices as records (conflictRecords.ts); a row is resolved exactly
  // when its record's resolution is not 'open', whichever side resolved it.
  app.get('/trips/:tripId/conflicts', async (request) => {
    const { user } = await ctx.authenticate(request);
    const { tripId } = z
      .object({
        tripId: z
          .string()
          .refine((s) => s === DIRECTORY_SCOPE || isTripScope(s), 'must be a trip id or "directory"'),
      })
      .parse(request.params);
    if (!(await canManageScope(ctx.db, user, tripId))) {
      throw forbidden("Only this trip's organisers (or an administrator) can review its conflicts.");
    }
    const rows = await ctx.db.query<ConflictRow>(
      `${CONFLICT_SELECT} where c.scope = $1 and c.resolved_at is null order by c.id`,
      [tripId],
    );
    return { conflicts: rows.map(toConflict) };
  });

  app.post('/conflicts/:id/resolve', async (request) => {
    const { user } = await ctx.authenticate(request);
    const { id } = z
      .object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
      .parse(request.params);
    const rows = await ctx.db.query<ConflictRow>(`${CONFLICT_SELECT} where c.id = $1`, [id]);
    const row = rows[0];
    if (!row || !(await canManageScope(ctx.db, user, row.scope))) {
      throw new HttpError(404, 'conflict_not_found', `There is no conflict ${id} that you can resolve.`);
    }
    // The conflict record follows (organisers' devices show it resolved): a record write, so under the
    // push lock like every write that draws a sequence number.
    const updated = await withPushLock(ctx.db, async (tx, log) => {
      const rows = await tx.query<ConflictRow>(
        `update conflicts c set resolved_at = coalesce(resolved_at, now()), resolved_by = coalesce(resolved_by, $2)
          where c.id = $1 returning ${CONFLICT_COLUMNS}`,
        [id, user.id],
      );
      const conflictRecordId = rows[0]?.conflict_record_id;
      if (conflictRecordId) await markRecordResolved(tx, log, conflictRecordId, user, ctx.now());
      return rows[0] as ConflictRow;
    });
    return { conflict: toConflict(updated) };
  });
}

const CONFLICT_COLUMNS = `c.id, c.tbl, c.record_id, c.scope, c.field, c.winner_value, c.winner_stamp, c.loser_value,
  c.loser_stamp, c.loser_side, c.user_id, c.device_id, c.mutation_id, c.created_at, c.resolved_at, c.resolved_by,
  c.conflict_record_id`;
const CONFLICT_SELECT = `select ${CONFLICT_COLUMNS} from conflicts c`;

type ConflictRow = {
  id: number;
  tbl: string;
  record_id: string;
  scope: string;
  field: string;
  winner_value: unknown;
  winner_stamp: string;
  loser_value: unknown;
  loser_stamp: string;
  loser_side: 'incoming' | 'current';
  user_id: string;
  device_id: string;
  mutation_id: string;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  conflict_record_id: string | null;
};

const toConflict = (r: ConflictRow) => ({
  id: Number(r.id),
  table: r.tbl,
  recordId: r.record_id,
  scope: r.scope,
  field: r.field,
  winner: { value: r.winner_value, stamp: r.winner_stamp },
  loser: { value: r.loser_value, stamp: r.loser_stamp },
  loserSide: r.loser_side,
  userId: r.user_id,
  deviceId: r.device_id,
  mutationId: r.mutation_id,
  createdAt: new Date(r.created_at).toISOString(),
  resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
  resolvedBy: r.resolved_by,
  /** The conflicts record organisers' devices hold for it (null for conflicts of conflict records). */
  conflictRecordId: r.conflict_record_id,
});
