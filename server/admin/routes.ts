import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createUser, findUser, listUsers, newUserSchema, UsernameTakenError } from '../auth/users';
import type { AppContext } from '../context';
import { forbidden, HttpError } from '../http/errors';
import { canManageScope, grantTripAccess, isTripScope } from '../sync/access';
import { CHANGES_CHANNEL, notePayload } from '../sync/notes';

/**
 * Accounts (admin) and trip access (the trip's organisers, or admin). trip_access decides who may sync
 * a trip; the tripMembers records (experts' roles in the trip) are ordinary synced data.
 */
const tripParams = z.object({
  tripId: z.string().refine(isTripScope, { message: 'must be a trip id (a UUID)' }),
});
const memberBody = z.object({
  userId: z.string().uuid(),
  role: z.enum(['organiser', 'member']),
});

export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const requireAdmin = async (request: Parameters<AppContext['authenticate']>[0]) => {
    const auth = await ctx.authenticate(request);
    if (auth.user.role !== 'admin') throw forbidden('Only administrators can manage accounts.');
    return auth;
  };
  /** Signed in first (401 before 400), then a well-formed trip id, then the organiser check. */
  const requireTripManager = async (request: Parameters<AppContext['authenticate']>[0]) => {
    const auth = await ctx.authenticate(request);
    const { tripId } = tripParams.parse(request.params);
    if (!(await canManageScope(ctx.db, auth.user, tripId))) {
      throw forbidden("Only this trip's organisers (or an administrator) can manage its members.");
    }
    return { ...auth, tripId };
  };
  /** Tells the affected user's event streams to reload their scopes (and the client to pull). */
  const announceAccess = (tripId: string, userId: string) =>
    ctx.db.query('select pg_notify($1, $2)', [
      CHANGES_CHANNEL,
      notePayload({ scopes: [tripId], users: [userId] }),
    ]);

  app.post('/users', async (request, reply) => {
    await requireAdmin(request);
    const input = newUserSchema.parse(request.body);
    try {
      const user = await createUser(ctx.db, input);
      request.log.info({ event: 'user_created', userId: user.id, role: user.role }, 'account created');
      return reply.code(201).send({ user });
    } catch (error) {
      if (error instanceof UsernameTakenError) throw new HttpError(409, 'username_taken', error.message);
      throw error;
    }
  });

  app.get('/users', async (request) => {
    await requireAdmin(request);
    return { users: await listUsers(ctx.db) };
  });

  app.get('/trips/:tripId/members', async (request) => {
    const { tripId } = await requireTripManager(request);
    const rows = await ctx.db.query<{
      user_id: string;
      username: string;
      display_name: string;
      user_role: string;
      role: string;
      granted_at: Date;
    }>(
      `select a.user_id, u.username, u.display_name, u.role as user_role, a.role, a.granted_at
         from trip_access a join users u on u.id = a.user_id
        where a.trip_id = $1 order by lower(u.username)`,
      [tripId],
    );
    return {
      members: rows.map((r) => ({
        userId: r.user_id,
        username: r.username,
        displayName: r.display_name,
        userRole: r.user_role,
        role: r.role,
        grantedAt: new Date(r.granted_at).toISOString(),
      })),
    };
  });

  app.post('/trips/:tripId/members', async (request) => {
    const { tripId, user } = await requireTripManager(request);
    const body = memberBody.parse(request.body);
    const member = await findUser(ctx.db, body.userId);
    if (!member) throw new HttpError(404, 'user_not_found', `There is no account with id ${body.userId}.`);
    await grantTripAccess(ctx.db, tripId, member.id, body.role, user.id);
    await announceAccess(tripId, member.id);
    request.log.info(
      { event: 'access_granted', tripId, userId: member.id, role: body.role },
      'trip access granted',
    );
    return { member: { userId: member.id, username: member.username, role: body.role } };
  });

  app.delete('/trips/:tripId/members/:userId', async (request) => {
    await requireTripManager(request);
    const params = tripParams.extend({ userId: z.string().uuid() }).parse(request.params);
    const rows = await ctx.db.query(
      'delete from trip_access where trip_id = $1 and user_id = $2 returning user_id',
      [params.tripId, params.userId],
    );
    if (rows.length > 0) await announceAccess(params.tripId, params.userId);
    request.log.info(
      { event: 'access_revoked', tripId: params.tripId, userId: params.userId },
      'trip access revoked',
    );
    return { removed: rows.length > 0 };
  });
}
