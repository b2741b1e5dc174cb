/** renderer/platform lives with the Electron work; its tests sit here with the other bridge tests. */
import { describe, expect, it, vi } from 'vitest';
import { createElectronPlatform, toPlatformError } from '../../renderer/platform/electronPlatform';
import { detectPlatform } from '../../renderer/platform/index';
import { PlatformError } from '../../renderer/platform/platform';
import {
  createWebPlatform,
  saveFileBlob,
  TOKEN_KEY_PREFIX,
  type TokenStorage,
} from '../../renderer/platform/webPlatform';
import type { ExpertTripsBridge } from '../../shared/ipc/bridge';
import type { MenuCommand } from '../../shared/ipc/channels';

function fakeBridge() {
  let menuListener: ((command: MenuCommand) => void) | undefined;
  const bridge = {
    getInfo: vi.fn(async () => ({ version: '1.2.3', platform: 'linux', locale: 'zh-CN' })),
    saveFile: vi.fn(async () => ({ saved: true, path: '/tmp/a.csv' })),
    setLanguage: vi.fn(async () => undefined),
    getToken: vi.fn(async () => 'tok'),
    setToken: vi.fn(async () => {
      throw new Error(
        "Error invoking remote method 'token:set': TokenStoreError: [encryption-unavailable] the system keychain is not available",
      );
    }),
    clearToken: vi.fn(async () => undefined),
    openExternal: vi.fn(async () => undefined),
    saveReportPdf: vi.fn(async () => ({ saved: true, path: '/home/u/Documents/report.pdf' })),
    onMenuCommand: vi.fn((listener: (command: MenuCommand) => void) => {
      menuListener = listener;
      return () => {
        menuListener = undefined;
      };
    }),
  } satisfies ExpertTripsBridge;
  return { bridge, emitMenu: (command: MenuCommand) => menuListener?.(command) };
}

class MemoryStorage implements TokenStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('electron platform', () => {
  it('calls the bridge with contract payloads', async () => {
    const { bridge } = fakeBridge();
    const platform = createElectronPlatform(bridge);
    expect(platform.kind).toBe('electron');
    await expect(platform.getInfo()).resolves.toEqual({
      version: '1.2.3',
      platform: 'linux',
      locale: 'zh-CN',
    });
    await platform.setLanguage('en');
    expect(bridge.setLanguage).toHaveBeenCalledWith({ lang: 'en' });
    await expect(platform.getToken('https://s.cn')).resolves.toBe('tok');
    expect(bridge.getToken).toHaveBeenCalledWith({ serverUrl: 'https://s.cn' });
    await platform.clearToken('https://s.cn');
    expect(bridge.clearToken).toHaveBeenCalledWith({ serverUrl: 'https://s.cn' });
    await platform.openExternal('https://example.com');
    expect(bridge.openExternal).toHaveBeenCalledWith({ url: 'https://example.com' });
  });

  it('turns main-process rejections into readable errors with their code', async () => {
    const { bridge } = fakeBridge();
    const error = await createElectronPlatform(bridge)
      .setToken('https://s.cn', 't')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({
      code: 'encryption-unavailable',
      message: '[encryption-unavailable] the system keychain is not available',
    });
    expect(toPlatformError(new Error('plain failure'))).toMatchObject({
      message: 'plain failure',
      code: undefined,
    });
  });

  it('refuses non-web links before crossing IPC', async () => {
    const { bridge } = fakeBridge();
    await expect(createElectronPlatform(bridge).openExternal('file:///etc/passwd')).rejects.toThrow(
      PlatformError,
    );
    expect(bridge.openExternal).not.toHaveBeenCalled();
  });

  it('relays menu commands and unsubscribes', () => {
    const { bridge, emitMenu } = fakeBridge();
    const received: MenuCommand[] = [];
    const unsubscribe = createElectronPlatform(bridge).onMenuCommand((command) => received.push(command));
    emitMenu('search');
    unsubscribe();
    emitMenu('about');
    expect(received).toEqual(['search']);
  });
});

describe('web platform', () => {
  it('keeps tokens per server in the given storage', async () => {
    const storage = new MemoryStorage();
    const platform = createWebPlatform({ storage });
    expect(platform.kind).toBe('web');
    expect(await platform.getToken('https://s.cn')).toBeNull();
    await platform.setToken('https://s.cn/', 'tok');
    expect(await platform.getToken('https://s.cn')).toBe('tok');
    expect([...storage.items.keys()]).toEqual([`${TOKEN_KEY_PREFIX}https://s.cn`]);
    await platform.clearToken('https://s.cn');
    expect(storage.items.size).toBe(0);
    await expect(platform.setToken('javascript:alert(1)', 'x')).rejects.toThrow(PlatformError);
  });

  it('downloads exports as a blob with the suggested name', async () => {
    const download = vi.fn<(blob: Blob, fileName: string) => void>();
    const platform = createWebPlatform({ download });
    const result = await platform.saveFile({ suggestedName: 'a.csv', filters: [], data: '专家,单位\n' });
    expect(result).toEqual({ saved: true });
    const [blob, name] = download.mock.calls[0] ?? [];
    expect(name).toBe('a.csv');
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    expect(await blob?.text()).toBe('专家,单位\n');
  });

  it('decodes base64 and bytes exactly', async () => {
    const bytes = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];
    expect(
      await bytes(saveFileBlob({ suggestedName: 'x.bin', filters: [], data: 'AP8C', encoding: 'base64' })),
    ).toEqual([0, 255, 2]);
    expect(
      await bytes(saveFileBlob({ suggestedName: 'x.bin', filters: [], data: new Uint8Array([9, 8]) })),
    ).toEqual([9, 8]);
    expect(() =>
      saveFileBlob({ suggestedName: 'x.bin', filters: [], data: '***', encoding: 'base64' }),
    ).toThrow(/base64/);
  });

  it('opens only web links, in a new tab without opener', async () => {
    const openWindow = vi.fn();
    const platform = createWebPlatform({ openWindow });
    await platform.openExternal('https://example.com');
    expect(openWindow).toHaveBeenCalledWith('https://example.com');
    await expect(platform.openExternal('javascript:alert(1)')).rejects.toThrow(PlatformError);
    expect(openWindow).toHaveBeenCalledTimes(1);
  });

  it('has no menu and a harmless language switch', async () => {
    const platform = createWebPlatform({ locale: () => 'en-GB', version: '9.9.9' });
    const unsubscribe = platform.onMenuCommand(() => {
      throw new Error('never called');
    });
    expect(unsubscribe).toBeTypeOf('function');
    unsubscribe();
    await expect(platform.setLanguage('en')).resolves.toBeUndefined();
    await expect(platform.getInfo()).resolves.toEqual({ version: '9.9.9', platform: 'web', locale: 'en-GB' });
  });
});

describe('detectPlatform', () => {
  it('picks Electron when the preload bridge exists, the web stand-in otherwise', () => {
    expect(detectPlatform({ expertTrips: fakeBridge().bridge }).kind).toBe('electron');
    expect(detectPlatform({ expertTrips: undefined }).kind).toBe('web');
    expect(detectPlatform(undefined).kind).toBe('web');
  });
});
