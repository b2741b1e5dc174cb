import { describe, expect, it } from 'vitest';
import { SyncError } from '../../../../renderer/sync/errors';
import { createHttpTransport } from '../../../../renderer/sync/transport';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../../shared/sync/protocol';

type Call = { url: string; init: RequestInit };

function fakeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return answer(call);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const headersOf = (call: Call | undefined): Record<string, string> =>
  (call?.init.headers ?? {}) as Record<string, string>;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const pullAnswer = { changes: [], cursors: {}, scopes: [], hasMore: false, serverTime: 1 };

describe('HTTP transport', () => {
  it('sends the protocol header and the bearer token, under the server’s path prefix', async () => {
    const { calls, fetch } = fakeFetch(() => json(pullAnswer));
    const t = createHttpTransport({ baseUrl: 'https://sync.example.cn/api', getToken: () => 'tok', fetch });
    await t.pull({ protocolVersion: PROTOCOL_VERSION, cursors: { a: 3 }, limit: 10 });
    expect(calls[0]?.url).toBe('https://sync.example.cn/api/sync/pull');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers[PROTOCOL_HEADER]).toBe(String(PROTOCOL_VERSION));
    expect(headers.authorization).toBe('Bearer tok');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      protocolVersion: 1,
      cursors: { a: 3 },
      limit: 10,
    });
  });

  it('signs in without a token', async () => {
    const user = { id: 'u1', username: 'li', displayName: '李工', role: 'expert' };
    const { calls, fetch } = fakeFetch(() => json({ token: 'new', user }));
    const t = createHttpTransport({ baseUrl: 'http://127.0.0.1:8787/', getToken: () => null, fetch });
    expect(await t.login('li', 'pw')).toEqual({ token: 'new', user });
    expect(calls[0]?.url).toBe('http://127.0.0.1:8787/auth/login');
    expect(headersOf(calls[0]).authorization).toBeUndefined();
  });

  it('sorts failures by what the user can do about them', async () => {
    const cases: [Response | Error, string, string?][] = [
      [json({ code: 'unauthorized', message: 'expired' }, 401), 'unauthorized'],
      [json({ code: 'protocol_too_old', message: 'update' }, 426), 'outdated', 'protocol_too_old'],
      [json({ code: 'internal', message: 'oops' }, 500), 'server'],
      [new Response('<html>bad gateway</html>', { status: 502 }), 'server'],
      [json({ code: 'rate_limited', message: 'slow down' }, 429), 'request', 'rate_limited'],
      [new TypeError('fetch failed'), 'network'],
      [json({ unexpected: true }), 'server'],
    ];
    for (const [answer, kind, code] of cases) {
      const { fetch } = fakeFetch(() => {
        if (answer instanceof Error) throw answer;
        return answer.clone();
      });
      const t = createHttpTransport({ baseUrl: 'https://s.example', getToken: () => 't', fetch });
      const error = await t.pull({ protocolVersion: 1, cursors: {} }).catch((e: unknown) => e);
      expect(error, kind).toBeInstanceOf(SyncError);
      expect((error as SyncError).kind, `${kind}`).toBe(kind);
      if (code) expect((error as SyncError).code).toBe(code);
    }
  });

  it('does not call the server without a token', async () => {
    const { calls, fetch } = fakeFetch(() => json(pullAnswer));
    const t = createHttpTransport({ baseUrl: 'https://s.example', getToken: async () => null, fetch });
    await expect(t.push({ protocolVersion: 1, deviceId: 'd', mutations: [] })).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(calls).toHaveLength(0);
  });

  it('times out a request that never answers', async () => {
    const fetch = ((_input: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as typeof globalThis.fetch;
    const t = createHttpTransport({
      baseUrl: 'https://s.example',
      getToken: () => 't',
      fetch,
      timeoutMs: 20,
    });
    await expect(t.pull({ protocolVersion: 1, cursors: {} })).rejects.toMatchObject({ kind: 'network' });
  });

  it('reads the event stream and reports each notification', async () => {
    const encoder = new TextEncoder();
    let push: (text: string) => void = () => undefined;
    let end: () => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(encoder.encode(text));
        end = () => controller.close();
      },
    });
    const { calls, fetch } = fakeFetch(
      () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    );
    const t = createHttpTransport({ baseUrl: 'https://s.example', getToken: () => 'tok', fetch });
    let opened = 0;
    let changes = 0;
    const done = t.events?.(
      { onOpen: () => opened++, onChange: () => changes++ },
      new AbortController().signal,
    );
    await new Promise((r) => setTimeout(r, 5));
    push(': keep-alive\n\n');
    push('event: changes\ndata: {}\n\n');
    push('event: ping\ndata: 1\n\n');
    push('data: again\n\n');
    await new Promise((r) => setTimeout(r, 5));
    end();
    await done;
    expect(opened).toBe(1);
    expect(changes).toBe(2);
    expect(calls[0]?.url).toBe('https://s.example/sync/events');
    expect(headersOf(calls[0]).authorization).toBe('Bearer tok');
  });

  it('stops listening when asked', async () => {
    const fetch = ((_input: unknown, init?: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
        },
      });
      return Promise.resolve(new Response(body));
    }) as typeof globalThis.fetch;
    const t = createHttpTransport({ baseUrl: 'https://s.example', getToken: () => 'tok', fetch });
    const controller = new AbortController();
    const done = t.events?.({ onOpen: () => undefined, onChange: () => undefined }, controller.signal);
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(done).resolves.toBeUndefined();
  });
});
