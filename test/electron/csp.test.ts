import { describe, expect, it } from 'vitest';
import { buildCsp, withCspHeader } from '../../electron/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('buildCsp', () => {
  const csp = directives(buildCsp());

  it('contains every required directive', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http:', 'https:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval or inline scripts in production', () => {
    const all = buildCsp();
    expect(all).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('opens only what the Vite dev server needs while developing', () => {
    const dev = directives(buildCsp({ devServerUrl: 'http://localhost:5173/' }));
    expect(dev.get('script-src')).toContain("'unsafe-inline'");
    expect(dev.get('connect-src')).toContain('ws://localhost:5173');
    expect(dev.get('object-src')).toEqual(["'none'"]);
    expect(buildCsp({ devServerUrl: 'http://localhost:5173/' })).not.toContain('unsafe-eval');
  });
});

describe('withCspHeader', () => {
  it('replaces a CSP sent by the server, whatever its case', () => {
    const headers = withCspHeader(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      "default-src 'self'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });
});
