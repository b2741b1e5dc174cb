import type { FastifyInstance } from 'fastify';
import { type LoginResponse, loginRequestSchema } from '../../shared/sync/protocol';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { hasControlCharacters } from '../http/text';
import { dummyHash, verifyPassword } from './passwords';
import { clearFailures, limitKey, lockedFor, recordFailure } from './rateLimit';
import { issueToken, revokeToken } from './tokens';
import { findUserForLogin } from './users';

export function registerAuthRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  ipLimit: { max: number; timeWindow: number } | false,
): void {
  app.post(
    '/auth/login',
    // A coarse per-address limit on top of the per-username one below (which lives in the database and
    // holds across instances): it slows down guessing many usernames from one address.
    { config: ipLimit ? { rateLimit: ipLimit } : {} },
    async (request) => {
      const { username, password } = loginRequestSchema.parse(request.body);
      const wrong = new HttpError(401, 'invalid_credentials', 'Wrong username or password.');
      if (hasControlCharacters(username)) throw wrong;
      const key = limitKey(username, request.ip);
      const wait = await lockedFor(ctx.db, key, ctx.loginLimit);
      if (wait > 0) {
        const minutes = Math.max(1, Math.ceil(wait / 60000));
        throw new HttpError(
          429,
          'too_many_attempts',
          `Too many failed sign-in attempts for ${username}. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or ask an administrator to reset the password.`,
          { retryAfterSeconds: Math.ceil(wait / 1000) },
          { 'retry-after': String(Math.ceil(wait / 1000)) },
        );
      }
      const user = await findUserForLogin(ctx.db, username);
      // Verify against a dummy hash for unknown users, so timing does not tell which usernames exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok) {
        await recordFailure(ctx.db, key, ctx.loginLimit);
        request.log.info({ event: 'login_failed' }, 'sign-in failed');
        throw wrong;
      }
      await clearFailures(ctx.db, key);
      const token = await issueToken(ctx.db, user.id, ctx.tokenTtlMs);
      request.log.info({ event: 'login', userId: user.id }, 'signed in');
      return {
        token,
        user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
      } satisfies LoginResponse;
    },
  );

  app.post('/auth/logout', async (request) => {
    const { token, user } = await ctx.authenticate(request);
    await revokeToken(ctx.db, token);
    request.log.info({ event: 'logout', userId: user.id }, 'signed out');
    return { ok: true };
  });

  app.get('/auth/me', async (request) => {
    const { user } = await ctx.authenticate(request);
    return { user };
  });
}
