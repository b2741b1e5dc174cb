/**
 * Sync tokens, kept by the main process and encrypted with the OS keychain through Electron's safeStorage,
 * never in IndexedDB where any script in the page could read them.
 *
 * Invariants:
 * - nothing is written unless it can be encrypted by a real OS secret store; otherwise `set` fails with a
 *   TokenStoreError the UI can explain (the user then simply signs in again next launch);
 * - the file is replaced atomically (atomicWrite.ts) and only ever holds ciphertext;
 * - operations are serialised, so two concurrent `set`s cannot lose one another's read-modify-write;
 * - a token that no longer decrypts (keychain reset, file copied from another machine) reads as absent.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { serverKey } from '../shared/ipc/channels';
import { writeFileAtomic } from './atomicWrite';

/** The part of Electron's safeStorage used here; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; 'basic_text' means "encrypted" with a hard-coded key, i.e. not protected. */
  getSelectedStorageBackend?(): string;
}

export type TokenStoreErrorCode = 'encryption-unavailable' | 'insecure-backend';

export class TokenStoreError extends Error {
  override readonly name = 'TokenStoreError';
  constructor(
    readonly code: TokenStoreErrorCode,
    message: string,
  ) {
    super(`[${code}] ${message}`);
  }
}

export interface TokenStore {
  get(serverUrl: string): Promise<string | null>;
  set(serverUrl: string, token: string): Promise<void>;
  clear(serverUrl: string): Promise<void>;
}

export interface TokenStoreOptions {
  readonly safeStorage: SafeStorageLike;
  /** Usually join(app.getPath('userData'), 'sync-tokens.json'). */
  readonly filePath: string;
  /**
   * Accept Linux's 'basic_text' backend (no keyring). Off by default: that "encryption" uses a key
   * compiled into Chromium, so storing there would only pretend to protect the token.
   */
  readonly allowPlainTextBackend?: boolean;
}

const tokenFileSchema = z.object({
  version: z.literal(1),
  /** serverKey → base64 ciphertext from safeStorage.encryptString */
  tokens: z.record(z.string(), z.string()),
});
type TokenFile = z.infer<typeof tokenFileSchema>;

const emptyFile = (): TokenFile => ({ version: 1, tokens: {} });

export function createTokenStore(options: TokenStoreOptions): TokenStore {
  const { safeStorage, filePath } = options;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs operations one after another, whatever the outcome of the previous one. */
  const serialised = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = queue.then(operation, operation);
    queue = run.catch(() => undefined);
    return run;
  };

  const assertCanEncrypt = (): void => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new TokenStoreError(
        'encryption-unavailable',
        'the system keychain is not available, so the sync token cannot be stored securely; you will need to sign in again next time',
      );
    }
    if (!options.allowPlainTextBackend && backendOf(safeStorage) === 'basic_text') {
      throw new TokenStoreError(
        'insecure-backend',
        'no system keyring (e.g. GNOME Keyring or KWallet) was found, so the sync token is not stored; you will need to sign in again next time',
      );
    }
  };

  const read = async (): Promise<TokenFile> => {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch (error) {
      if (isMissing(error)) return emptyFile();
      throw error;
    }
    try {
      const parsed = tokenFileSchema.safeParse(JSON.parse(text));
      // Unreadable content cannot be a token we could decrypt anyway; start afresh rather than fail forever.
      return parsed.success ? parsed.data : emptyFile();
    } catch {
      return emptyFile();
    }
  };

  const write = async (file: TokenFile): Promise<void> => {
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFileAtomic(filePath, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  };

  return {
    get: (serverUrl) =>
      serialised(async () => {
        const key = serverKey(serverUrl);
        const stored = (await read()).tokens[key];
        if (stored === undefined) return null;
        if (!safeStorage.isEncryptionAvailable()) {
          throw new TokenStoreError(
            'encryption-unavailable',
            'the system keychain is not available to read the sync token',
          );
        }
        try {
          return safeStorage.decryptString(Buffer.from(stored, 'base64'));
        } catch {
          return null;
        }
      }),

    set: (serverUrl, token) =>
      serialised(async () => {
        const key = serverKey(serverUrl);
        assertCanEncrypt();
        const encrypted = safeStorage.encryptString(token).toString('base64');
        const file = await read();
        await write({ ...file, tokens: { ...file.tokens, [key]: encrypted } });
      }),

    clear: (serverUrl) =>
      serialised(async () => {
        const key = serverKey(serverUrl);
        const file = await read();
        if (!Object.hasOwn(file.tokens, key)) return;
        const { [key]: _removed, ...rest } = file.tokens;
        await write({ ...file, tokens: rest });
      }),
  };
}

function backendOf(safeStorage: SafeStorageLike): string | undefined {
  try {
    return safeStorage.getSelectedStorageBackend?.();
  } catch {
    return undefined;
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
