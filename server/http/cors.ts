import type { FastifyInstance, FastifyReply } from 'fastify';
import { CHUNK_SHA256_HEADER } from '../../shared/blobs/protocol';
import { PROTOCOL_HEADER } from '../../shared/sync/protocol';
import { HttpError } from './errors';

/**
 * CORS for the renderer: it runs at app://bundle in Electron and at http://localhost:<port> in web
 * mode, and calls the server with an Authorization header and the protocol header, which makes every
 * call "non-simple" (preflighted). Patterns: an exact origin, `scheme://host:*` for any port, or `*`.
 * Tokens travel in a header, never in cookies, so credentials mode is not needed.
 */
// Attachments are uploaded with PUT and carry each chunk's own SHA-256 (shared/blobs/protocol.ts).
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  PROTOCOL_HEADER,
  'last-event-id',
  'cache-control',
  'if-none-match',
  CHUNK_SHA256_HEADER,
];
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function originMatcher(patterns: readonly string[]): (origin: string) => boolean {
  if (patterns.includes('*')) return () => true;
  const regexes = patterns.map((p) => {
    const anyPort = p.endsWith(':*');
    const base = anyPort ? p.slice(0, -2) : p;
    return new RegExp(`^${escapeRegExp(base.replace(/\/$/, ''))}${anyPort ? '(:\\d{1,5})?' : ''}$`, 'i');
  });
  return (origin) => regexes.some((r) => r.test(origin));
}

export function registerCors(app: FastifyInstance, patterns: readonly string[]): void {
  const allowed = originMatcher(patterns);

  const decorate = (origin: string | undefined, reply: FastifyReply) => {
    if (!origin || !allowed(origin)) return false;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
    reply.header('access-control-expose-headers', 'retry-after');
    return true;
  };

  app.addHook('onRequest', async (request, reply) => {
    decorate(request.headers.origin, reply);
  });

  // Preflight for every path (also paths that do not exist: the browser asks before it knows).
  app.options('/*', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin) return reply.code(204).send();
    if (!decorate(origin, reply)) {
      throw new HttpError(
        403,
        'origin_not_allowed',
        `Requests from ${origin} are not allowed; add it to the server's CORS_ORIGINS setting.`,
      );
    }
    reply.header('access-control-allow-methods', ALLOWED_METHODS.join(', '));
    reply.header('access-control-allow-headers', ALLOWED_HEADERS.join(', '));
    reply.header('access-control-max-age', '600');
    return reply.code(204).send();
  });
}
