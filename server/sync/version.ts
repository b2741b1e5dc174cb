import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { HttpError } from '../http/errors';

/**
 * Protocol versioning: a client names its protocol version in the `x-expert-trips-protocol` header
 * and/or the body's `protocolVersion`. Older than MIN_PROTOCOL_VERSION → 426 (update the app); newer
 * than this server → 400 (update the server); not a number → 400.
 */
function check(value: unknown, where: string): void {
  if (value === undefined) return;
  const text = Array.isArray(value) ? value[0] : value;
  const n =
    typeof text === 'number'
      ? text
      : typeof text === 'string' && /^\d{1,6}$/.test(text.trim())
        ? Number(text)
        : NaN;
  if (!Number.isInteger(n)) {
    throw new HttpError(
      400,
      'invalid_protocol_version',
      `The sync protocol version in the ${where} is not a whole number.`,
    );
  }
  if (n < MIN_PROTOCOL_VERSION) {
    throw new HttpError(
      426,
      'protocol_too_old',
      `This version of the app is too old for the sync server (it speaks sync protocol ${n}; the server needs ${MIN_PROTOCOL_VERSION} or newer). Update the app, then sync again.`,
      { clientVersion: n, minVersion: MIN_PROTOCOL_VERSION, serverVersion: PROTOCOL_VERSION },
    );
  }
  if (n > PROTOCOL_VERSION) {
    throw new HttpError(
      400,
      'protocol_unsupported',
      `The app speaks sync protocol ${n}, newer than this server's ${PROTOCOL_VERSION}. Ask your administrator to update the sync server.`,
      { clientVersion: n, serverVersion: PROTOCOL_VERSION },
    );
  }
}

export function checkProtocol(header: unknown, body?: unknown): void {
  check(header, 'request header');
  if (body && typeof body === 'object' && 'protocolVersion' in body) {
    const v = (body as { protocolVersion: unknown }).protocolVersion;
    if (typeof v === 'number') check(v, 'request body');
  }
}
