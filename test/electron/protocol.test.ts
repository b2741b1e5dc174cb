import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/origin';
import {
  createAppProtocolHandler,
  mimeTypeFor,
  PRIVILEGED_SCHEMES,
  resolveAppRequest,
} from '../../electron/protocol';

const root = path.resolve('/srv/app/dist/renderer');

describe('PRIVILEGED_SCHEMES', () => {
  it('registers app: as a standard, secure, fetch- and CORS-capable scheme that does not bypass CSP', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
  });
});

describe('resolveAppRequest', () => {
  it('maps bundle URLs to files inside the root', () => {
    expect(resolveAppRequest('app://bundle/assets/index-abc.js', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
      spaFallback: false,
    });
    expect(resolveAppRequest(APP_ENTRY_URL, root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'index.html'),
    });
  });

  it('ignores the query and fragment', () => {
    expect(resolveAppRequest('app://bundle/assets/a.css?v=1#x', root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', 'a.css'),
      mimeType: 'text/css; charset=utf-8',
    });
  });

  it('decodes percent-encoded file names', () => {
    expect(resolveAppRequest('app://bundle/assets/%E4%B8%AD%E6%96%87.png', root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', '中文.png'),
    });
  });

  it('falls back to index.html for client-side routes', () => {
    for (const url of [
      'app://bundle/',
      'app://bundle',
      'app://bundle/trips/0190e5f0',
      'app://bundle/trips/',
    ]) {
      expect(resolveAppRequest(url, root), url).toMatchObject({
        ok: true,
        filePath: path.join(root, 'index.html'),
        mimeType: 'text/html; charset=utf-8',
        spaFallback: true,
      });
    }
  });

  it('refuses path traversal in every spelling', () => {
    for (const url of [
      'app://bundle/../../etc/passwd',
      'app://bundle/assets/../../../etc/passwd',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd',
      'app://bundle/%2E%2E/secret.txt',
      'app://bundle/.%2e/secret.txt',
      'app://bundle/..%2f..%2fetc%2fpasswd',
      'app://bundle/assets%2f..%2f..%2fsecret.txt',
      'app://bundle/..%5c..%5cwindows%5cwin.ini',
      'app://bundle/assets\\..\\..\\secret.txt',
      'app://bundle/%252e%252e/../secret.txt',
      'app://bundle/./index.html',
    ]) {
      const result = resolveAppRequest(url, root);
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.status, url).toBe(403);
    }
  });

  it('refuses absolute paths and drive letters', () => {
    for (const url of [
      'app://bundle//etc/passwd',
      'app://bundle/%2fetc%2fpasswd',
      'app://bundle/C:/Windows/win.ini',
      'app://bundle/C%3A%5CWindows%5Cwin.ini',
      'app://bundle/assets/a%00.js',
    ]) {
      expect(resolveAppRequest(url, root).ok, url).toBe(false);
    }
  });

  it('refuses unknown hosts, other schemes and malformed URLs', () => {
    expect(resolveAppRequest('app://evil/index.html', root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('app://user@bundle/index.html', root)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('https://bundle/index.html', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('not a url', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('app://bundle/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('mimeTypeFor', () => {
  it('knows the types a Vite build produces', () => {
    expect(mimeTypeFor('a.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'expert-trips-protocol-'));
    const rootDir = path.join(dir, 'renderer');
    await mkdir(path.join(rootDir, 'assets'), { recursive: true });
    await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(path.join(rootDir, 'assets', 'main.js'), 'console.log(1)');
    // A file next to the root that traversal would reach.
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    handler = createAppProtocolHandler({ rootDir, csp: "default-src 'self'" });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves files with their type and the CSP', async () => {
    const response = await handler(new Request('app://bundle/assets/main.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves index.html for routes', async () => {
    const response = await handler(new Request('app://bundle/trips/42'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('answers 404 for missing assets and 403 for traversal, never leaking the file', async () => {
    expect((await handler(new Request('app://bundle/assets/missing.js'))).status).toBe(404);
    const traversal = await handler(new Request('app://bundle/..%2fsecret.txt'));
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('secret\n');
  });

  it('refuses writes', async () => {
    const response = await handler(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
