import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { ErrorBody } from '../../shared/sync/protocol';

/**
 * Every error answer is `{ code, message, details? }` (errorBodySchema): `code` is stable for programs,
 * `message` tells a person what to do. Client mistakes are 4xx, never 500; a 500 says only that the
 * server failed (the details go to the log, not to the client).
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = () =>
  new HttpError(
    401,
    'unauthorized',
    'Sign in first: this request has no valid access token (it is missing, expired or was revoked).',
  );

export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);

export function zodIssues(error: ZodError) {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
}

function describeZod(error: ZodError): string {
  const parts = error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `The request is not valid: ${parts.join('; ')}${more}.`;
}

/** Fastify's own client errors, in words a person can act on. */
const fastifyClientErrors: Record<string, { code: string; message: (e: FastifyError) => string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_json',
    message: () => 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_json',
    message: () => 'The request body is empty; send a JSON object.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: () => 'The request is too large for this server; send the changes in smaller batches.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: () => 'Send the request body as JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_content_length',
    message: () => 'The Content-Length header does not match the body.',
  },
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | ZodError | Error, request, reply) => {
    let status = 500;
    let body: ErrorBody;
    if (error instanceof HttpError) {
      status = error.statusCode;
      body = {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      };
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
    } else if (error instanceof ZodError) {
      status = 400;
      body = { code: 'invalid_request', message: describeZod(error), details: zodIssues(error) };
    } else {
      const fe = error as FastifyError & { code?: string };
      const known = fe.code ? fastifyClientErrors[fe.code] : undefined;
      const pgCode = typeof fe.code === 'string' && /^22[0-9A-Z]{3}$/.test(fe.code) ? fe.code : undefined;
      if (known) {
        status = fe.statusCode && fe.statusCode < 500 ? fe.statusCode : 400;
        body = { code: known.code, message: known.message(fe) };
      } else if (pgCode) {
        // PostgreSQL "data exception" (class 22): bad bytes such as U+0000 in a string reached the
        // database. The client's input is at fault, and nothing was written (the transaction rolled back).
        status = 400;
        body = {
          code: 'invalid_characters',
          message: 'The request contains characters the server cannot store (for example U+0000).',
        };
      } else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
        status = fe.statusCode;
        body = { code: fe.code?.toLowerCase() ?? 'bad_request', message: fe.message };
      } else {
        body = {
          code: 'internal',
          message: `The server failed to handle this request; try again later. If it keeps failing, report request id ${request.id}.`,
        };
      }
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, status }, 'request refused');
    return reply.code(status).send(body);
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      code: 'not_found',
      message: `There is no ${request.method} ${request.url.split('?')[0]} on this server.`,
    } satisfies ErrorBody),
  );
}
