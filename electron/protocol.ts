/**
 * Serving the renderer from `app://bundle/...` instead of file://.
 *
 * Why: a file:// page can read any other file:// URL and has an opaque origin, which breaks IndexedDB
 * persistence guarantees, CSP 'self' and the IPC sender check. A privileged standard scheme gives the page a
 * real origin (`app://bundle`) and lets us decide, file by file, what it may load.
 *
 * Invariants of `resolveAppRequest`:
 * - only the `app:` scheme and the `bundle` host are served;
 * - the result is always a file inside `rootDir`: any `.`/`..` segment (literal or percent-encoded), any
 *   encoded separator, backslash, NUL, drive letter or empty (absolute-looking) segment is refused;
 * - a path whose last segment has no extension is a client-side route and gets index.html (SPA fallback).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';

/** Must be registered before the app is ready (protocol.registerSchemesAsPrivileged, once). */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: {
      // Relative URLs, localStorage and IndexedDB work only for standard schemes.
      standard: true,
      // A secure context: crypto.subtle, service workers and the like behave as on https.
      secure: true,
      supportFetchAPI: true,
      corsEnabled: true,
      // Deliberately NOT bypassCSP: our own policy must apply to our own pages.
    },
  },
];

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppRequestResolution =
  | { readonly ok: true; readonly filePath: string; readonly mimeType: string; readonly spaFallback: boolean }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

// A `.` or `..` segment, literal or percent-encoded in any mix, delimited by a separator or the path ends.
const DOT_SEGMENT = /(?:^|[/\\])(?:\.|%2e){1,2}(?=[/\\]|$)/i;

function refuse(status: 400 | 403 | 404, reason: string): AppRequestResolution {
  return { ok: false, status, reason };
}

export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'malformed URL');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return refuse(400, `not an ${APP_SCHEME}: URL`);
  if (url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return refuse(404, `unknown host "${url.host}"`);
  }

  // WHATWG parsing silently resolves `..`, so a traversal attempt would look like an ordinary path by the
  // time we see `pathname`; check the URL as it was written as well.
  const afterHost = requestUrl.slice(requestUrl.indexOf(APP_HOST) + APP_HOST.length);
  const writtenPath = afterHost.split(/[?#]/, 1)[0] ?? '';
  if (DOT_SEGMENT.test(writtenPath) || DOT_SEGMENT.test(url.pathname)) {
    return refuse(403, 'path traversal refused');
  }

  const rawPath = url.pathname.startsWith('/') ? url.pathname.slice(1) : url.pathname;
  const rawSegments = rawPath === '' ? [] : rawPath.split('/');
  // A trailing slash is a directory-style route (`/trips/`), served by the SPA fallback.
  if (rawSegments.at(-1) === '') rawSegments.pop();

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (segment === '') return refuse(403, 'empty path segment (absolute path) refused');
    if (segment === '.' || segment === '..') return refuse(403, 'path traversal refused');
    // Encoded separators, NUL and drive letters (C:) could escape the root once joined on some platform.
    if (/[/\\\0:]/.test(segment)) return refuse(403, 'unsafe character in path refused');
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const last = segments.at(-1);
  const spaFallback = last === undefined || path.extname(last) === '';
  const filePath = spaFallback ? path.join(root, 'index.html') : path.resolve(root, ...segments);

  // Belt and braces: whatever the checks above missed, never serve a file outside the root.
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return refuse(403, 'path outside the app bundle refused');
  }
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath), spaFallback };
}

export interface AppProtocolHandlerOptions {
  /** dist/renderer, the Vite output. */
  readonly rootDir: string;
  /** The Content-Security-Policy sent with every response (see csp.ts). */
  readonly csp: string;
  /** Injected for tests; defaults to fs.readFile (which also reads inside app.asar under Electron). */
  readonly readFile?: (filePath: string) => Promise<Uint8Array>;
}

/** The function given to `protocol.handle('app', ...)`. Uses only the web-standard Request/Response. */
export function createAppProtocolHandler(
  options: AppProtocolHandlerOptions,
): (request: Request) => Promise<Response> {
  const read = options.readFile ?? ((filePath: string) => readFile(filePath));
  const baseHeaders = {
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const textResponse = (status: number, body: string): Response =>
    new Response(body, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolution = resolveAppRequest(request.url, options.rootDir);
    if (!resolution.ok) return textResponse(resolution.status, resolution.reason);
    let body: Uint8Array;
    try {
      body = await read(resolution.filePath);
    } catch (error) {
      if (isNotFound(error)) return textResponse(404, 'Not found');
      throw error;
    }
    const headers = { ...baseHeaders, 'Content-Type': resolution.mimeType };
    // Copy into a fresh ArrayBuffer-backed view: Response wants a BodyInit, not a Buffer slice of a pool.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.code === 'EISDIR';
}
