import type { FastifyRequest } from 'fastify';
import type { LoginLimit } from './auth/rateLimit';
import { bearerFrom } from './auth/tokens';
import { type AuthUser, userForToken } from './auth/users';
import type { Db } from './db/index';
import { unauthorized } from './http/errors';
import type { EventHub } from './sync/events';
import type { PushOptions } from './sync/push';

/** What the route modules share: the database, the clock, settings and the sign-in check. */
export type AppContext = {
  db: Db;
  now: () => number;
  tokenTtlMs: number;
  loginLimit: LoginLimit;
  hub: EventHub;
  push: PushOptions;
  authenticate(request: FastifyRequest, options?: { allowQueryToken?: boolean }): Promise<Authenticated>;
};

export type Authenticated = { user: AuthUser; token: string };

export function makeAuthenticate(db: Db): AppContext['authenticate'] {
  return async (request, options = {}) => {
    let token = bearerFrom(request.headers.authorization);
    if (!token && options.allowQueryToken) {
      // EventSource in browsers cannot set headers, so the event stream also takes ?token=.
      const q = (request.query as { token?: unknown } | undefined)?.token;
      if (typeof q === 'string' && /^[A-Za-z0-9_-]{20,200}$/.test(q)) token = q;
    }
    if (!token) throw unauthorized();
    const user = await userForToken(db, token);
    if (!user) throw unauthorized();
    return { user, token };
  };
}
