import type { FastifyInstance } from 'fastify';
import {
  MAX_PUSH_MUTATIONS,
  PROTOCOL_HEADER,
  pullRequestSchema,
  pushRequestSchema,
} from '../../shared/sync/protocol';
import type { AppContext } from '../context';
import { HttpError } from '../http/errors';
import { hasControlCharacters } from '../http/text';
import { readableScopes } from './access';
import { currentSeq, pull } from './pull';
import { applyPush } from './push';
import { checkProtocol } from './version';

export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/sync/push', async (request) => {
    // The version first: an outdated app must hear "update" even if its body no longer fits.
    checkProtocol(request.headers[PROTOCOL_HEADER], request.body);
    const { user } = await ctx.authenticate(request);
    const body = request.body as { mutations?: unknown } | null;
    if (Array.isArray(body?.mutations) && body.mutations.length > MAX_PUSH_MUTATIONS) {
      throw new HttpError(
        413,
        'too_many_mutations',
        `A push may carry at most ${MAX_PUSH_MUTATIONS} changes (this one has ${body.mutations.length}); send the rest in further pushes.`,
      );
    }
    const push = pushRequestSchema.parse(request.body);
    if (hasControlCharacters(push.deviceId)) {
      throw new HttpError(400, 'invalid_request', 'The device id must not contain control characters.');
    }
    const response = await applyPush(ctx.db, user, push, ctx.push);
    request.log.info(
      { event: 'push', userId: user.id, applied: response.applied.length, refused: response.refused.length },
      'push handled',
    );
    return response;
  });

  app.post('/sync/pull', async (request) => {
    checkProtocol(request.headers[PROTOCOL_HEADER], request.body);
    const { user } = await ctx.authenticate(request);
    const req = pullRequestSchema.parse(request.body);
    return pull(ctx.db, user, req, ctx.now());
  });

  // Server-Sent Events. Browsers' EventSource cannot set headers, so the token may also come as
  // ?token= (and the protocol version as ?protocol=); the access log never shows the query's token.
  app.get('/sync/events', async (request, reply) => {
    const query = (request.query ?? {}) as { protocol?: unknown };
    checkProtocol(request.headers[PROTOCOL_HEADER] ?? query.protocol);
    const { user, token } = await ctx.authenticate(request, { allowQueryToken: true });
    const scopes = await readableScopes(ctx.db, user);
    const seq = await currentSeq(ctx.db);
    reply.hijack();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (typeof v === 'string') headers[k] = v;
    reply.raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // The stream ends only when the server ends it (shutdown, sign-out); the socket is never reused
      // afterwards, and closing it lets a shutting-down server finish at once.
      connection: 'close',
      // Tell nginx-like proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    ctx.hub.open(reply.raw, user, token, scopes, seq);
  });
}
