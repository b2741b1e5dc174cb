import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, createSenderCheck, IpcRejection, type SenderEvent } from '../../electron/ipc';
import { isAppUrl } from '../../electron/origin';
import { INVOKE_CHANNELS, ipcContract } from '../../shared/ipc/contract';

const fromApp: SenderEvent = { senderFrame: { url: 'app://bundle/index.html' } };
const fromElsewhere: SenderEvent = { senderFrame: { url: 'https://evil.example/' } };

function setup(devServerUrl?: string) {
  const handlers = {
    'app:getInfo': vi.fn(() => ({ version: '1.0.0', platform: 'linux', locale: 'zh-CN' })),
    'dialog:saveFile': vi.fn(async () => ({ saved: true, path: '/tmp/x.csv' })),
    'app:setLanguage': vi.fn(() => undefined),
    'token:get': vi.fn(async () => 'secret-token'),
    'token:set': vi.fn(async () => undefined),
    'token:clear': vi.fn(async () => undefined),
    'shell:openExternal': vi.fn(async () => undefined),
    'report:savePdf': vi.fn(async () => ({ saved: true, path: '/tmp/report.pdf' })),
  };
  const route = createIpcRouter(ipcContract, handlers, {
    isTrustedSender: createSenderCheck((url) => isAppUrl(url, { devServerUrl })),
  });
  return { handlers, route };
}

async function rejection(promise: Promise<unknown>): Promise<IpcRejection> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  if (!(error instanceof IpcRejection)) throw new Error(`expected an IpcRejection, got ${String(error)}`);
  return error;
}

describe('createIpcRouter', () => {
  it('runs the handler for a good payload from the app and returns its result', async () => {
    const { handlers, route } = setup();
    await expect(route('token:get', fromApp, { serverUrl: 'https://sync.example.cn' })).resolves.toBe(
      'secret-token',
    );
    expect(handlers['token:get']).toHaveBeenCalledWith({ serverUrl: 'https://sync.example.cn' }, fromApp);
    await expect(route('app:getInfo', fromApp, undefined)).resolves.toEqual({
      version: '1.0.0',
      platform: 'linux',
      locale: 'zh-CN',
    });
    await expect(route('app:setLanguage', fromApp, { lang: 'en' })).resolves.toBeUndefined();
    expect(handlers['app:setLanguage']).toHaveBeenCalledWith({ lang: 'en' }, fromApp);
  });

  it('rejects a bad payload with a clear message and never runs the handler', async () => {
    const { handlers, route } = setup();
    const cases: Array<[string, unknown, RegExp]> = [
      ['app:setLanguage', { lang: 'fr' }, /lang/],
      ['app:setLanguage', { lang: 'en', extra: true }, /extra/],
      ['app:setLanguage', undefined, /\(payload\)/],
      ['token:set', { serverUrl: 'ftp://x', token: 't' }, /serverUrl/],
      ['token:set', { serverUrl: 'https://x.cn', token: '' }, /token/],
      ['shell:openExternal', { url: 'javascript:alert(1)' }, /url: must be an http/],
      ['shell:openExternal', { url: 'file:///etc/passwd' }, /url/],
      ['dialog:saveFile', { suggestedName: '../../.bashrc', filters: [], data: 'x' }, /suggestedName/],
      [
        'dialog:saveFile',
        { suggestedName: 'a.csv', filters: [{ name: 'CSV', extensions: ['.csv'] }], data: 'x' },
        /extensions/,
      ],
      ['dialog:saveFile', { suggestedName: 'a.bin', filters: [], data: 42 }, /data/],
      [
        'dialog:saveFile',
        { suggestedName: 'a.bin', filters: [], data: new Uint8Array(1), encoding: 'base64' },
        /encoding/,
      ],
      ['app:getInfo', { sneaky: true }, /\(payload\)/],
    ];
    for (const [channel, payload, message] of cases) {
      const error = await rejection(route(channel, fromApp, payload));
      expect(error.code, `${channel} ${JSON.stringify(payload)}`).toBe('invalid-payload');
      expect(error.message).toMatch(new RegExp(`^\\[invalid-payload\\] ${channel}: `));
      expect(error.message).toMatch(message);
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('rejects a foreign or missing sender before looking at the payload', async () => {
    const { handlers, route } = setup();
    const senders: SenderEvent[] = [
      fromElsewhere,
      { senderFrame: null },
      { senderFrame: { url: '' } },
      { senderFrame: { url: 'file:///home/user/evil.html' } },
      { senderFrame: { url: 'app://other/index.html' } },
      { senderFrame: { url: 'http://localhost:5173/' } }, // dev server, but not in dev mode
    ];
    for (const sender of senders) {
      const error = await rejection(route('token:get', sender, { serverUrl: 'https://sync.example.cn' }));
      expect(error.code).toBe('untrusted-sender');
      expect(error.message).toMatch(/^\[untrusted-sender\] token:get: refused a call from /);
    }
    // Even a malformed payload from a foreign sender is reported as a sender problem.
    expect((await rejection(route('token:get', fromElsewhere, 'garbage'))).code).toBe('untrusted-sender');
    expect(handlers['token:get']).not.toHaveBeenCalled();
  });

  it('trusts the dev server origin only when running against it', async () => {
    const { route } = setup('http://localhost:5173/');
    const dev: SenderEvent = { senderFrame: { url: 'http://localhost:5173/trips' } };
    await expect(route('app:getInfo', dev, undefined)).resolves.toMatchObject({ version: '1.0.0' });
    const otherPort: SenderEvent = { senderFrame: { url: 'http://localhost:8080/' } };
    expect((await rejection(route('app:getInfo', otherPort, undefined))).code).toBe('untrusted-sender');
  });

  it('rejects channels outside the contract, including prototype names', async () => {
    const { route } = setup();
    for (const channel of ['fs:readFile', 'constructor', '__proto__', 'toString', 'menu:command']) {
      expect((await rejection(route(channel, fromApp, undefined))).code).toBe('unknown-channel');
    }
  });

  it('refuses to pass an off-contract response back to the page', async () => {
    const { handlers, route } = setup();
    // A buggy handler: the type system would stop this in real code, so smuggle it past for the test.
    handlers['token:get'].mockResolvedValueOnce(JSON.parse('42'));
    expect((await rejection(route('token:get', fromApp, { serverUrl: 'https://x.cn' }))).code).toBe(
      'invalid-response',
    );
  });

  it('propagates handler failures', async () => {
    const { handlers, route } = setup();
    handlers['token:set'].mockRejectedValueOnce(new Error('[encryption-unavailable] no keychain'));
    await expect(route('token:set', fromApp, { serverUrl: 'https://x.cn', token: 't' })).rejects.toThrow(
      /encryption-unavailable/,
    );
  });

  it('covers every declared channel', () => {
    expect(Object.keys(ipcContract).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});
