/**
 * The backup's checksum: SHA-256 over a canonical serialisation of its `tables`.
 *
 * Canonical = JSON with every object's keys sorted (JavaScript's default sort, i.e. by UTF-16 code
 * units), no whitespace, array order kept, `undefined` members left out as JSON.stringify does. So the
 * checksum depends on the data only, not on indentation or key order: a person may re-indent a file
 * without breaking it, but any change of a value (one character) is detected.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const object = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined || typeof member === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(',')}}`;
}

export const CHECKSUM_PREFIX = 'sha256:';

/** `sha256:<64 hex digits>` of the canonical JSON of `tables` (crypto.subtle: browsers, workers, Node 20). */
export async function checksumOf(tables: unknown): Promise<string> {
  return `${CHECKSUM_PREFIX}${await sha256Hex(new TextEncoder().encode(canonicalJson(tables)))}`;
}

/** SHA-256 of raw bytes as 64 lowercase hex digits: the name of an attachment's file (its blob hash). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  // Only missing on a plain-http page that is not localhost (not a "secure context"); the app runs at
  // app:// (Electron) or localhost, so this is a setup mistake worth a clear message.
  if (!subtle)
    throw new Error('SHA-256 (crypto.subtle) is not available: open the app over https or localhost');
  const digest = await subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
