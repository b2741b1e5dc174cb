/**
 * Where the app lives. The renderer is served from `app://bundle/...` (see protocol.ts), or, in development
 * only, from the Vite dev server. Every trust decision in the main process (IPC senders, navigation, CSP)
 * asks `isAppUrl`, so there is exactly one definition of "our own page".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface AppOriginOptions {
  /** The Vite dev server, trusted like the bundle only while developing (see resolveDevServerUrl). */
  readonly devServerUrl?: string | undefined;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string, options: AppOriginOptions = {}): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  // Credentials in the URL are never ours and are a classic way to make a foreign URL look local.
  if (parsed.username !== '' || parsed.password !== '') return false;
  // `app:` is not a special scheme for WHATWG URL, so `origin` is "null"; compare scheme and host instead.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (options.devServerUrl) {
    const dev = parse(options.devServerUrl);
    return dev !== null && parsed.origin !== 'null' && parsed.origin === dev.origin;
  }
  return false;
}

/**
 * The dev server URL is honoured only for an unpackaged app: a packaged build must never be talked into
 * loading (and trusting) some other origin through an environment variable.
 */
export function resolveDevServerUrl(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | undefined {
  const raw = env.VITE_DEV_SERVER_URL;
  if (isPackaged || !raw) return undefined;
  const parsed = parse(raw);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  return parsed.href;
}
