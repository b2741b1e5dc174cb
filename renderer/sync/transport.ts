import { z } from 'zod';
import {
  errorBodySchema,
  type LoginResponse,
  loginResponseSchema,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  pullResponseSchema,
  pushResponseSchema,
} from '../../shared/sync/protocol';
import { SyncError } from './errors';
import { createSseParser } from './sse';

/**
 * The wire side of sync, kept apart from the engine so the engine's logic can be driven by an
 * in-process test double and the same engine can be pointed at a real server over HTTP.
 *
 * Every request carries the protocol header; every answer is checked with the shared zod schemas, so a
 * server speaking another dialect is reported as a server problem instead of corrupting local data.
 */
export type SyncUser = LoginResponse['user'];

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  /**
   * Listens for "new changes" notifications until the stream ends (resolves) or fails (rejects).
   * `onOpen` fires once connected, `onChange` for each notification. Optional: without it the engine
   * relies on its timer.
   */
  events?(handlers: { onOpen: () => void; onChange: () => void }, signal: AbortSignal): Promise<void>;
}

export interface AuthTransport {
  login(username: string, password: string): Promise<LoginResponse>;
  /** Revokes the current token on the server. */
  logout(): Promise<void>;
  me(): Promise<SyncUser>;
}

export type HttpTransport = SyncTransport & AuthTransport;

export type TokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

export type HttpTransportOptions = {
  /** The server's address, e.g. `https://sync.example.cn` or `http://127.0.0.1:8787/api`. */
  baseUrl: string;
  /** Asked before every authenticated request, so a new sign-in takes effect without a new transport. */
  getToken: TokenGetter;
  /** Defaults to the global fetch (browser, Electron renderer, Node 18+). */
  fetch?: typeof fetch;
  /** Per request, for push/pull/auth. */
  timeoutMs?: number;
  /** The event stream is reopened when nothing (not even a heartbeat) arrived for this long. */
  idleTimeoutMs?: number;
};

const userSchema = loginResponseSchema.shape.user;
/** Events that announce no new changes. */
const QUIET_EVENTS = new Set(['ready', 'ping', 'heartbeat']);

export function endpoint(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path, base).toString();
}

export async function errorFromResponse(response: Response): Promise<SyncError> {
  let code: string | undefined;
  let message = `${response.status} ${response.statusText}`.trim();
  let details: unknown;
  try {
    const body = errorBodySchema.safeParse(await response.json());
    if (body.success) {
      code = body.data.code;
      message = body.data.message;
      details = body.data.details;
    }
  } catch {
    // Not JSON (a proxy's error page, say): the status line is all there is.
  }
  if (response.status === 401) return new SyncError('unauthorized', message, 401, code, details);
  if (response.status === 426 || code === 'protocol_too_old')
    return new SyncError('outdated', message, response.status, code, details);
  if (response.status >= 500) return new SyncError('server', message, response.status, code, details);
  return new SyncError('request', message, response.status, code, details);
}

/** The headers of every request: the protocol version and, when `auth`, the session's bearer token. */
export async function requestHeaders(
  getToken: TokenGetter,
  auth: boolean,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const out: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...extra };
  if (auth) {
    const token = await getToken();
    if (!token) throw new SyncError('unauthorized', 'Not signed in', 401, 'no_token');
    out.authorization = `Bearer ${token}`;
  }
  return out;
}

/** Joins an outer abort signal and a timeout into one controller (AbortSignal.any is not everywhere yet). */
function linkedController(outer: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
  return controller;
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 90_000;

  const headers = (auth: boolean, extra: Record<string, string> = {}) =>
    requestHeaders(options.getToken, auth, extra);

  /** One request/answer; with `schema` null the answer's body is not read (e.g. 204 after logout). */
  async function call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: S | null,
    auth = true,
  ): Promise<z.infer<S>> {
    const init: RequestInit = {
      method,
      headers: await headers(auth, {
        accept: 'application/json',
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      }),
    };
    // Fastify (and most servers) refuse an empty JSON body, so a POST always sends an object.
    if (method === 'POST') init.body = JSON.stringify(body ?? {});
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
    let response: Response;
    try {
      response = await fetchFn(endpoint(options.baseUrl, path), { ...init, signal: controller.signal });
    } catch (error) {
      clearTimeout(timer);
      const why = controller.signal.aborted ? 'timed out' : error instanceof Error ? error.message : '';
      throw new SyncError('network', `Cannot reach ${options.baseUrl}: ${why}`);
    }
    try {
      if (!response.ok) throw await errorFromResponse(response);
      if (schema === null) return undefined as z.infer<S>;
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        if (controller.signal.aborted) throw new SyncError('network', `Timed out reading ${path}`);
        throw new SyncError('server', `The server's answer to ${path} is not JSON`, response.status);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new SyncError(
          'server',
          `Unexpected answer to ${path}: ${parsed.error.message}`,
          response.status,
        );
      return parsed.data;
    } finally {
      clearTimeout(timer);
    }
  }

  async function events(
    handlers: { onOpen: () => void; onChange: () => void },
    signal: AbortSignal,
  ): Promise<void> {
    const controller = linkedController(signal);
    let response: Response;
    try {
      response = await fetchFn(endpoint(options.baseUrl, 'sync/events'), {
        method: 'GET',
        headers: await headers(true, { accept: 'text/event-stream', 'cache-control': 'no-cache' }),
        signal: controller.signal,
      });
    } catch (error) {
      if (signal.aborted) return;
      throw new SyncError('network', error instanceof Error ? error.message : 'event stream failed');
    }
    if (!response.ok) throw await errorFromResponse(response);
    if (!response.body) throw new SyncError('server', 'The event stream has no body');
    handlers.onOpen();
    // `ready` (sent on connect) asks for a catch-up pull, which onOpen already requested.
    const parse = createSseParser((event) => {
      if (!QUIET_EVENTS.has(event.type)) handlers.onChange();
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let idle: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      clearTimeout(idle);
      // A silent connection may be dead without anyone noticing (sleep, NAT timeout): reopen it.
      idle = setTimeout(() => controller.abort(new Error('idle')), idleTimeoutMs);
    };
    touch();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        touch();
        parse(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      throw new SyncError('network', error instanceof Error ? error.message : 'event stream broke');
    } finally {
      clearTimeout(idle);
      controller.abort();
    }
  }

  return {
    push: (request) => call('POST', 'sync/push', request, pushResponseSchema),
    pull: (request) => call('POST', 'sync/pull', request, pullResponseSchema),
    login: (username, password) =>
      call('POST', 'auth/login', { username, password }, loginResponseSchema, false),
    logout: async () => {
      await call('POST', 'auth/logout', {}, null);
    },
    me: async () => {
      // Either the user itself or `{ user }`: both are reasonable, and accepting both costs nothing.
      const body = await call('GET', 'auth/me', undefined, userSchema.or(z.object({ user: userSchema })));
      return 'user' in body ? body.user : body;
    },
    events,
  };
}
