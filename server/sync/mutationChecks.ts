import { DEFAULT_MAX_DRIFT_MS, parseHlc } from '../../shared/hlc';
import { isDirectoryTable, type RecordTable, recordSchemas } from '../../shared/schemas';
import type { Mutation, Refusal } from '../../shared/sync/protocol';
import { DIRECTORY_SCOPE } from '../../shared/sync/scope';
import { isTripScope } from './access';

/**
 * Checks of one mutation that need no database: they run before anything is read or written, and each
 * returns what a person needs to know to fix the problem (undefined / empty when all is well).
 */

// Unpaired UTF-16 surrogates cannot be stored in jsonb (and are not valid Unicode text anyway).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The mutation's own claims must agree with each other; a disagreement is a client bug. */
export function envelopeProblem(table: RecordTable, m: Mutation): string | undefined {
  const directory = isDirectoryTable(table);
  if (m.scope !== DIRECTORY_SCOPE && !isTripScope(m.scope)) {
    return `The scope "${m.scope}" is neither "${DIRECTORY_SCOPE}" nor a trip id.`;
  }
  if (directory && m.scope !== DIRECTORY_SCOPE) {
    return `${table} records belong to the shared directory; their scope must be "${DIRECTORY_SCOPE}".`;
  }
  // Conflict records live where the conflicted record lives: a trip, or the directory (tripId '').
  const anywhere = table === 'conflicts';
  if (!directory && !anywhere && m.scope === DIRECTORY_SCOPE) {
    return `${table} records belong to a trip; their scope must be the trip id.`;
  }
  if (table === 'trips' && m.scope !== m.recordId)
    return 'A trip record is its own scope: scope must equal recordId.';
  if ('id' in m.changes && m.changes.id !== m.recordId) return 'The id field does not match recordId.';
  const tripId = anywhere && m.scope === DIRECTORY_SCOPE ? '' : m.scope;
  if (!directory && table !== 'trips' && 'tripId' in m.changes && m.changes.tripId !== tripId) {
    return 'The tripId field does not match the scope; a record cannot move to another trip.';
  }
  return undefined;
}

function badTextPath(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string')
    return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextPath(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = badTextPath(k, [...path, k]) ?? badTextPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Only the record type's own fields (and the tombstone flag) sync; text must be storable. */
export function fieldProblems(table: RecordTable, m: Mutation): NonNullable<Refusal['issues']> {
  const shape = (recordSchemas[table] as unknown as { shape: Record<string, unknown> }).shape;
  const issues: NonNullable<Refusal['issues']> = [];
  for (const [field, value] of Object.entries(m.changes)) {
    if (field === '_deleted') {
      if (typeof value !== 'boolean') issues.push({ path: [field], message: 'must be true or false' });
    } else if (!(field in shape)) {
      issues.push({ path: [field], message: 'unknown field' });
    }
  }
  const bad = badTextPath(m.changes, []);
  if (bad)
    issues.push({
      path: bad,
      message: 'contains characters that cannot be stored (U+0000 or a broken surrogate)',
    });
  return issues;
}

export function driftProblem(m: Mutation, now: number): string | undefined {
  let ahead = 0;
  for (const stamp of Object.values(m.stamps)) ahead = Math.max(ahead, parseHlc(stamp).wall - now);
  if (ahead <= DEFAULT_MAX_DRIFT_MS) return undefined;
  const minutes = Math.round(ahead / 60000);
  const amount =
    minutes >= 2 * 24 * 60
      ? `${Math.round(minutes / 1440)} days`
      : minutes >= 120
        ? `${Math.round(minutes / 60)} hours`
        : `${minutes} minutes`;
  return `This device's clock is about ${amount} ahead of the server's clock. Set the correct date, time and time zone on this device; changes made with a wrong clock are not accepted.`;
}
