import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenStore, type SafeStorageLike, TokenStoreError } from '../../electron/tokenStore';

/** Reversible but not identity, so a plaintext token in the file would be noticed. */
class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend = 'gnome_libsecret';
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('encryption not available');
    return Buffer.from(`enc:${[...plainText].reverse().join('')}`, 'utf8');
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8');
    if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
    return [...text.slice(4)].reverse().join('');
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

describe('tokenStore', () => {
  let dir: string;
  let filePath: string;
  let safeStorage: FakeSafeStorage;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'expert-trips-tokens-'));
    filePath = path.join(dir, 'nested', 'sync-tokens.json');
    safeStorage = new FakeSafeStorage();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a token per server and stores only ciphertext', async () => {
    const store = createTokenStore({ safeStorage, filePath });
    expect(await store.get('https://sync.example.cn')).toBeNull();
    await store.set('https://sync.example.cn/', 'tok-A');
    await store.set('https://other.example.cn', 'tok-B');
    expect(await store.get('https://sync.example.cn')).toBe('tok-A');
    expect(await store.get('https://other.example.cn/')).toBe('tok-B');

    const onDisk = await readFile(filePath, 'utf8');
    expect(onDisk).not.toContain('tok-A');
    expect(JSON.parse(onDisk)).toMatchObject({
      version: 1,
      tokens: { 'https://sync.example.cn': expect.any(String) },
    });

    // A new store over the same file (the next app start) reads the same tokens.
    const reopened = createTokenStore({ safeStorage, filePath });
    expect(await reopened.get('https://sync.example.cn')).toBe('tok-A');

    await reopened.clear('https://sync.example.cn');
    expect(await reopened.get('https://sync.example.cn')).toBeNull();
    expect(await reopened.get('https://other.example.cn')).toBe('tok-B');
  });

  it('keeps the file private and leaves no temporary files behind', async () => {
    const store = createTokenStore({ safeStorage, filePath });
    await store.set('https://sync.example.cn', 'tok');
    await store.set('https://sync.example.cn', 'tok2');
    expect(await readdir(path.dirname(filePath))).toEqual(['sync-tokens.json']);
    if (process.platform !== 'win32') expect((await stat(filePath)).mode & 0o777).toBe(0o600);
  });

  it('serialises concurrent writes so none is lost', async () => {
    const store = createTokenStore({ safeStorage, filePath });
    const servers = Array.from({ length: 20 }, (_, i) => `https://s${i}.example.cn`);
    await Promise.all(servers.map((server, i) => store.set(server, `tok-${i}`)));
    const values = await Promise.all(servers.map((server) => store.get(server)));
    expect(values).toEqual(servers.map((_, i) => `tok-${i}`));
  });

  it('refuses to store when encryption is unavailable, and writes nothing', async () => {
    safeStorage.available = false;
    const store = createTokenStore({ safeStorage, filePath });
    const error = await store.set('https://sync.example.cn', 'tok').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenStoreError);
    expect(error).toMatchObject({ code: 'encryption-unavailable' });
    expect(String(error)).toMatch(/keychain/);
    await expect(stat(filePath)).rejects.toThrow();
    // Reading with nothing stored is fine without a keychain.
    expect(await store.get('https://sync.example.cn')).toBeNull();
  });

  it("refuses Linux's plaintext fallback unless explicitly allowed", async () => {
    safeStorage.backend = 'basic_text';
    const store = createTokenStore({ safeStorage, filePath });
    await expect(store.set('https://sync.example.cn', 'tok')).rejects.toMatchObject({
      code: 'insecure-backend',
    });
    const lenient = createTokenStore({ safeStorage, filePath, allowPlainTextBackend: true });
    await lenient.set('https://sync.example.cn', 'tok');
    expect(await lenient.get('https://sync.example.cn')).toBe('tok');
  });

  it('reports a stored token it can no longer read as a clear error, or as absent if undecryptable', async () => {
    const store = createTokenStore({ safeStorage, filePath });
    await store.set('https://sync.example.cn', 'tok');
    safeStorage.available = false;
    await expect(store.get('https://sync.example.cn')).rejects.toMatchObject({
      code: 'encryption-unavailable',
    });
    safeStorage.available = true;
    await writeFile(
      filePath,
      JSON.stringify({
        version: 1,
        tokens: { 'https://sync.example.cn': Buffer.from('garbage').toString('base64') },
      }),
    );
    expect(await store.get('https://sync.example.cn')).toBeNull();
  });

  it('survives a corrupted file instead of failing forever', async () => {
    const store = createTokenStore({ safeStorage, filePath });
    await store.set('https://sync.example.cn', 'tok');
    await writeFile(filePath, '{"version":1,"tok');
    expect(await store.get('https://sync.example.cn')).toBeNull();
    await store.set('https://sync.example.cn', 'fresh');
    expect(await store.get('https://sync.example.cn')).toBe('fresh');
  });

  it('refuses non-http server URLs', async () => {
    const store = createTokenStore({ safeStorage, filePath });
    await expect(store.set('file:///etc', 'tok')).rejects.toThrow(/http/);
  });
});
