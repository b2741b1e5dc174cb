/**
 * The Content-Security-Policy of the renderer, sent as a response header (by the app:// protocol handler,
 * and by onHeadersReceived for the dev server) rather than a <meta> tag: a header also enforces
 * `frame-ancestors`, and cannot be removed by script running in the page.
 */
export interface CspOptions {
  /** Development only: the Vite dev server, whose HMR socket and inline React-refresh preamble need room. */
  readonly devServerUrl?: string | undefined;
}

export function buildCsp(options: CspOptions = {}): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    // React's `style={...}` props become inline styles.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // Attachment photos are shown from IndexedDB blobs; small icons may be data: URLs.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    // The sync server's address is chosen by the user at runtime, so any http(s) host may be contacted.
    ['connect-src', ["'self'", 'http:', 'https:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  if (options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    const socket = `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`;
    for (const [name, sources] of directives) {
      // @vitejs/plugin-react injects an inline module script in dev; the production bundle has none.
      if (name === 'script-src') sources.push("'unsafe-inline'");
      if (name === 'connect-src') sources.push(socket);
    }
  }
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Returns the headers with any CSP the server sent replaced by ours (header names are case-insensitive). */
export function withCspHeader(
  headers: Readonly<Record<string, string | string[]>>,
  csp: string,
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [csp];
  return result;
}
