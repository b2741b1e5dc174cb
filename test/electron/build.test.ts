/**
 * Builds the real bundles with scripts/build-electron.mjs and runs them against a fake `electron` module:
 * the preload as a sandboxed preload would run it, the main process far enough to check its wiring.
 * No Electron binary is involved, so this runs on machines that cannot download Electron.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_METHODS, INVOKE_CHANNELS, MENU_COMMAND_CHANNEL } from '../../shared/ipc/channels';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const nodeRequire = createRequire(import.meta.url);

let outDir: string;
let mainCode: string;
let preloadCode: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'expert-trips-build-'));
  const { stdout } = await run(process.execPath, ['scripts/build-electron.mjs', '--outdir', outDir], {
    cwd: repoRoot,
  });
  expect(stdout).toMatch(/built/);
  mainCode = await readFile(path.join(outDir, 'main.cjs'), 'utf8');
  preloadCode = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Evaluates a CommonJS bundle with `electron` (and optionally `process`) replaced. */
function evaluate(code: string, electron: unknown, options: { allowNode: boolean; process?: unknown }): void {
  const fakeRequire = (id: string): unknown => {
    if (id === 'electron') return electron;
    if (options.allowNode && id.startsWith('node:')) return nodeRequire(id);
    throw new Error(`module not found in sandbox: ${id}`);
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', 'process', code)(
    fakeRequire,
    module,
    module.exports,
    options.process ?? process,
  );
}

describe('scripts/build-electron.mjs', () => {
  it('produces CommonJS main and preload bundles', async () => {
    expect((await stat(path.join(outDir, 'main.cjs'))).size).toBeGreaterThan(0);
    expect((await stat(path.join(outDir, 'preload.cjs'))).size).toBeGreaterThan(0);
    expect(mainCode).toContain('require("electron")');
    // No ES module syntax left at statement level (an ESM preload would not load in the sandbox).
    for (const code of [mainCode, preloadCode]) expect(code).not.toMatch(/^(?:import|export)\s/m);
  });

  it('leaves only electron and Node built-ins external in main, only electron in the preload', () => {
    const requires = (code: string) => [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(requires(preloadCode)).toEqual(['electron']);
    for (const id of requires(mainCode)) expect(id === 'electron' || id?.startsWith('node:'), id).toBe(true);
    // zod is validated in main only; the preload must not carry it.
    expect(preloadCode).not.toMatch(/zod/i);
  });
});

describe('preload bundle', () => {
  function loadPreload() {
    const exposed = new Map<string, Record<string, unknown>>();
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const ipcRenderer = {
      invoke: vi.fn(async (channel: string, payload?: unknown) => ({ channel, payload })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
    };
    const contextBridge = {
      exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api),
    };
    evaluate(preloadCode, { contextBridge, ipcRenderer }, { allowNode: false });
    const emit = (channel: string, ...args: unknown[]) => {
      for (const listener of listeners.get(channel) ?? []) listener(...args);
    };
    return { exposed, ipcRenderer, emit, listeners };
  }

  it('exposes exactly one function per contract channel plus the menu subscription', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['expertTrips']);
    const api = exposed.get('expertTrips') ?? {};
    expect(Object.keys(api).sort()).toEqual([...Object.keys(BRIDGE_METHODS), 'onMenuCommand'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('maps each function to its channel and forwards only the payload', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.get('expertTrips') ?? {};
    for (const [method, channel] of Object.entries(BRIDGE_METHODS)) {
      const fn = api[method];
      if (typeof fn !== 'function') throw new Error(`${method} missing`);
      await fn({ probe: method });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(
        channel,
        ...(method === 'getInfo' ? [] : [{ probe: method }]),
      );
    }
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(INVOKE_CHANNELS.length);
  });

  it('relays valid menu commands without the IPC event, and unsubscribes', () => {
    const { exposed, emit, listeners } = loadPreload();
    const subscribe = exposed.get('expertTrips')?.onMenuCommand;
    if (typeof subscribe !== 'function') throw new Error('onMenuCommand missing');
    const received: unknown[][] = [];
    const unsubscribe = subscribe((...args: unknown[]) => received.push(args));
    const fakeEvent = { sender: { send: () => {} } };
    emit(MENU_COMMAND_CHANNEL, fakeEvent, 'new-visit');
    emit(MENU_COMMAND_CHANNEL, fakeEvent, 'format-disk');
    emit(MENU_COMMAND_CHANNEL, fakeEvent, { command: 'new-visit' });
    expect(received).toEqual([['new-visit']]);
    unsubscribe();
    expect(listeners.get(MENU_COMMAND_CHANNEL)?.size).toBe(0);
    emit(MENU_COMMAND_CHANNEL, fakeEvent, 'search');
    expect(received).toHaveLength(1);
  });
});

describe('main bundle wiring', () => {
  async function startMain(env: Record<string, string>, isPackaged: boolean) {
    const order: string[] = [];
    const appListeners = new Map<string, (...args: unknown[]) => void>();
    const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    const windows: Array<{ options: Record<string, unknown>; url?: string }> = [];

    class FakeBrowserWindow {
      readonly options: Record<string, unknown>;
      url: string | undefined;
      readonly webContents = { send: vi.fn() };
      constructor(options: Record<string, unknown>) {
        this.options = options;
        windows.push(this);
        order.push('window');
      }
      once() {}
      on() {}
      show() {}
      isDestroyed() {
        return false;
      }
      async loadURL(url: string) {
        this.url = url;
      }
      static getAllWindows = () => windows;
      static getFocusedWindow = () => null;
      static fromWebContents = () => null;
    }

    const electron = {
      app: {
        isPackaged,
        on: (event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, listener),
        requestSingleInstanceLock: () => true,
        quit: vi.fn(),
        whenReady: async () => {
          order.push('ready');
        },
        setAppUserModelId: () => {},
        getAppPath: () => '/opt/expert-trips/resources/app.asar',
        getPath: (name: string) => `/home/user/.config/${name}`,
        getVersion: () => '0.1.0',
        getLocale: () => 'zh-CN',
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemes')),
        handle: vi.fn(() => order.push('protocol.handle')),
      },
      session: {
        defaultSession: {
          webRequest: { onHeadersReceived: vi.fn() },
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
        },
      },
      ipcMain: {
        handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) =>
          ipcHandlers.set(channel, handler),
      },
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
      BrowserWindow: FakeBrowserWindow,
      dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn() },
      safeStorage: { isEncryptionAvailable: () => false },
      shell: { openExternal: vi.fn(async () => {}) },
    };
    const fakeProcess = { ...process, env, platform: 'linux' };
    evaluate(mainCode, electron, { allowNode: true, process: fakeProcess });
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    return { electron, order, appListeners, ipcHandlers, windows };
  }

  it('registers the scheme before ready, then serves app:// and opens a locked-down window on it', async () => {
    const { electron, order, windows, appListeners } = await startMain({}, true);
    expect(order.indexOf('registerSchemes')).toBeLessThan(order.indexOf('ready'));
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(order.indexOf('protocol.handle')).toBeLessThan(order.indexOf('window'));
    const [window] = windows;
    expect(window?.url).toBe('app://bundle/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
      preload: path.join('/opt/expert-trips/resources/app.asar', 'dist-electron', 'preload.cjs'),
    });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(appListeners.has('web-contents-created')).toBe(true);
  });

  it('ignores VITE_DEV_SERVER_URL in a packaged app', async () => {
    const { windows } = await startMain({ VITE_DEV_SERVER_URL: 'http://attacker.example:5173/' }, true);
    expect(windows[0]?.url).toBe('app://bundle/index.html');
  });

  it('loads the dev server when developing', async () => {
    const { windows } = await startMain({ VITE_DEV_SERVER_URL: 'http://localhost:5173/' }, false);
    expect(windows[0]?.url).toBe('http://localhost:5173/');
    expect(windows[0]?.options.webPreferences).toMatchObject({ devTools: true, sandbox: true });
  });

  it('registers every contract channel behind the sender check and schema', async () => {
    const { ipcHandlers } = await startMain({}, true);
    expect([...ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const getInfo = ipcHandlers.get('app:getInfo');
    if (!getInfo) throw new Error('app:getInfo not registered');
    await expect(getInfo({ senderFrame: { url: 'app://bundle/index.html' } }, undefined)).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
      locale: 'zh-CN',
    });
    await expect(getInfo({ senderFrame: { url: 'https://evil.example/' } }, undefined)).rejects.toThrow(
      /untrusted-sender/,
    );
    const setToken = ipcHandlers.get('token:set');
    await expect(
      setToken?.(
        { senderFrame: { url: 'app://bundle/index.html' } },
        { serverUrl: 'https://s.cn', token: 't' },
      ),
    ).rejects.toThrow(/encryption-unavailable/);
  });
});
