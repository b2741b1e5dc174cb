import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { computeRollup, computeTripReport, matchesRollupFilter } from '../../shared/report';
import { DIRECTORY_SCOPE } from '../../shared/sync/scope';
import type { AuthUser } from '../auth/users';
import type { AppContext } from '../context';
import type { Queryable } from '../db/index';
import { HttpError } from '../http/errors';
import { isTripScope, readableScopes, tripRole } from '../sync/access';
import { loadLiveTrips, loadReportInputs } from './loadInputs';

/**
 * The trip report and the roll-up, computed by the same shared functions the app uses (shared/report),
 * so the province gets the same numbers from the server as the organiser sees offline.
 *
 * Anyone who may read a trip (trip_access, or an administrator) may read its report. A trip that does
 * not exist and a trip the user may not read get the same 404, so the endpoint does not reveal which
 * trips exist. `today` (overdue follow-ups) is the organiser's date: the client sends it, since the
 * server's time zone is not the organiser's; without it the server's UTC date is used.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day written YYYY-MM-DD; 2025-02-30 is refused (Date would roll it over to March). */
function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const time = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
}
const dateText = (name: string) =>
  z
    .string()
    .trim()
    .refine(isRealDate, {
      message: `${name} must be a real date written YYYY-MM-DD, for example 2025-06-30`,
    });
const optionalDateText = (name: string) => z.union([z.literal(''), dateText(name)]).default('');

const reportParams = z.object({
  tripId: z.string().refine(isTripScope, { message: 'tripId must be a trip id (a UUID)' }),
});
const reportQuery = z.strictObject({ today: dateText('today').optional() });
const rollupQuery = z
  .strictObject({
    from: optionalDateText('from'),
    to: optionalDateText('to'),
    region: z.string().trim().max(60, { message: 'region must be at most 60 characters' }).default(''),
    today: dateText('today').optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

/** One snapshot for every read of a report (a push landing meanwhile cannot be half in it). */
function inSnapshot<T>(ctx: AppContext, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    return fn(tx);
  });
}

const serverToday = (ctx: AppContext) => new Date(ctx.now()).toISOString().slice(0, 10);

async function mayRead(db: Queryable, user: AuthUser, tripId: string): Promise<boolean> {
  return user.role === 'admin' || (await tripRole(db, user.id, tripId)) !== undefined;
}

function warnUnreadable(request: FastifyRequest, unreadableRows: number): void {
  if (unreadableRows > 0) {
    request.log.warn({ unreadableRows }, 'report: rows that no longer parse were left out');
  }
}

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/trips/:tripId/report', async (request) => {
    const { user } = await ctx.authenticate(request);
    const { tripId } = reportParams.parse(request.params);
    const query = reportQuery.parse(request.query ?? {});
    const today = query.today ?? serverToday(ctx);
    const loaded = await inSnapshot(ctx, async (tx) =>
      (await mayRead(tx, user, tripId)) ? loadReportInputs(tx, [tripId], today) : undefined,
    );
    const input = loaded?.inputs[0];
    if (!loaded || !input) {
      throw new HttpError(
        404,
        'trip_not_found',
        `There is no trip ${tripId} that you can read: it does not exist, was deleted, or you are not on it. Ask the trip's organiser to add you.`,
      );
    }
    warnUnreadable(request, loaded.unreadableRows);
    return computeTripReport(input);
  });

  app.get('/reports/rollup', async (request) => {
    const { user } = await ctx.authenticate(request);
    const { today, ...filter } = rollupQuery.parse(request.query ?? {});
    const loaded = await inSnapshot(ctx, async (tx) => {
      const scopes = (await readableScopes(tx, user)).filter((s) => s !== DIRECTORY_SCOPE);
      // Choose the trips first: years of trips may be readable, and only the matching ones are loaded.
      const trips = (await loadLiveTrips(tx, scopes)).filter((trip) => matchesRollupFilter(trip, filter));
      return loadReportInputs(
        tx,
        trips.map((trip) => trip.id),
        today ?? serverToday(ctx),
      );
    });
    warnUnreadable(request, loaded.unreadableRows);
    return computeRollup(
      loaded.inputs.map((input) => computeTripReport(input)),
      filter,
    );
  });
}
