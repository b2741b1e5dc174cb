/**
 * The stand-in for the preload bridge when the renderer runs as a plain web page.
 *
 * Tokens go to sessionStorage, not localStorage: in a browser there is no OS keychain, and a token that
 * dies with the tab is the smaller risk on shared computers (and after an XSS, nothing lingers on disk).
 * It survives reloads, which is what the e2e tests and a working session need.
 */
import { isHttpUrl, serverKey } from '../../shared/ipc/channels';
import type { AppInfo, SaveFileRequest } from '../../shared/ipc/contract';
import { reportPrintRoute } from '../../shared/report/pdf';
import { type Platform, PlatformError } from './platform';
import { printRouteInFrame } from './printFrame';

/** The part of the Web Storage API used for tokens. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface WebPlatformDeps {
  /** Defaults to window.sessionStorage. */
  readonly storage?: TokenStorage;
  /** Starts a browser download; defaults to an <a download> click on an object URL. */
  readonly download?: (blob: Blob, fileName: string) => void;
  /** Defaults to window.open with noopener. */
  readonly openWindow?: (url: string) => void;
  /** Prints the page at a hash route; defaults to a hidden same-origin frame (printFrame.ts). */
  readonly printRoute?: (route: string) => Promise<void>;
  readonly locale?: () => string;
  readonly version?: string;
}

export const TOKEN_KEY_PREFIX = 'expertTrips.syncToken:';

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

export function mimeTypeForName(fileName: string): string {
  const extension = fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** The same bytes the desktop app would write for this request. */
export function saveFileBlob(request: SaveFileRequest): Blob {
  const type = mimeTypeForName(request.suggestedName);
  if (typeof request.data !== 'string') return new Blob([new Uint8Array(request.data)], { type });
  if (request.encoding !== 'base64') return new Blob([request.data], { type });
  let binary: string;
  try {
    binary = atob(request.data.replace(/\s+/g, ''));
  } catch {
    throw new PlatformError('data is not valid base64', 'invalid-payload');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

function browserDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function browserOpen(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

export function createWebPlatform(deps: WebPlatformDeps = {}): Platform {
  const storage = (): TokenStorage => deps.storage ?? window.sessionStorage;
  const tokenKey = (serverUrl: string): string => {
    try {
      return TOKEN_KEY_PREFIX + serverKey(serverUrl);
    } catch {
      throw new PlatformError(`Not an http(s) server URL: ${serverUrl}`, 'invalid-payload');
    }
  };

  return {
    kind: 'web',
    getInfo: async (): Promise<AppInfo> => ({
      version: deps.version ?? 'web',
      platform: 'web',
      locale: deps.locale?.() ?? (typeof navigator === 'undefined' ? 'zh-CN' : navigator.language),
    }),
    saveFile: async (request) => {
      (deps.download ?? browserDownload)(saveFileBlob(request), request.suggestedName);
      return { saved: true };
    },
    // No native menu to rebuild; the document language is the i18n layer's business.
    setLanguage: async () => undefined,
    getToken: async (serverUrl) => storage().getItem(tokenKey(serverUrl)),
    setToken: async (serverUrl, token) => storage().setItem(tokenKey(serverUrl), token),
    clearToken: async (serverUrl) => storage().removeItem(tokenKey(serverUrl)),
    openExternal: async (url) => {
      if (!isHttpUrl(url))
        throw new PlatformError(`Only http(s) links can be opened: ${url}`, 'invalid-payload');
      (deps.openWindow ?? browserOpen)(url);
    },
    printReportPdf: async (tripId) => {
      await (deps.printRoute ?? printRouteInFrame)(reportPrintRoute(tripId));
      return { saved: true };
    },
    // There is no native menu in a browser; keyboard shortcuts are handled by the app itself.
    onMenuCommand: () => () => undefined,
  };
}
