import type { Table, Transaction } from 'dexie';
import { indexTokens, matchesQuery, queryTokens } from '../../shared/search/tokenize';
import type { AppDatabase } from '../db/database';
import type { SearchRow, SearchType, Stored } from '../db/types';

/**
 * The local search index. Rows are written in the same transaction as the record they describe
 * (see repository.ts), so the index can never disagree with the data after a crash.
 */

type Source = Pick<AppDatabase, 'hosts' | 'search'>;
type AnyStored = Record<string, unknown> & { id: string; _deleted: 0 | 1 };

export const SEARCH_TYPES: readonly SearchType[] = ['hosts', 'visits', 'problems', 'agreements'];

export function isSearchType(table: string): table is SearchType {
  return (SEARCH_TYPES as readonly string[]).includes(table);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

async function hostName(hosts: Table<Stored<'hosts'>, string>, id: unknown): Promise<string> {
  if (typeof id !== 'string' || id === '') return '';
  const host = await hosts.get(id);
  return host?.name ?? '';
}

export async function buildSearchRow(
  source: Source,
  type: SearchType,
  record: AnyStored,
): Promise<SearchRow | null> {
  if (record._deleted === 1) return null;
  const host = type === 'hosts' ? '' : await hostName(source.hosts, record.hostId);
  return makeSearchRow(type, record, host);
}

/**
 * The search row of a record whose host name is already known. Synchronous on purpose: bulk callers
 * (a pulled page) look the names up in one bulkGet, and a long run of awaits without an IndexedDB
 * request would let Dexie lose its transaction zone.
 */
export function makeSearchRow(type: SearchType, record: AnyStored, host: string): SearchRow | null {
  if (record._deleted === 1) return null;
  let title = '';
  let subtitle = '';
  let text = '';
  switch (type) {
    case 'hosts':
      title = str(record.name);
      subtitle = [str(record.creditCode), str(record.district)].filter(Boolean).join(' · ');
      text = [
        title,
        str(record.creditCode),
        str(record.district),
        str(record.industry),
        str(record.address),
      ].join(' ');
      break;
    case 'visits': {
      const activities = Array.isArray(record.activities) ? record.activities : [];
      const topics = activities.map((a) => str((a as Record<string, unknown>).topic));
      title = host;
      subtitle = str(record.date);
      text = [host, str(record.notes), str(record.location), ...topics].join(' ');
      break;
    }
    case 'problems':
      title = str(record.title);
      subtitle = host;
      text = [title, str(record.description), str(record.field), host].join(' ');
      break;
    case 'agreements':
      title = str(record.title);
      subtitle = [host, str(record.signedDate)].filter(Boolean).join(' · ');
      text = [title, ...strs(record.parties), str(record.notes), host].join(' ');
      break;
  }
  return {
    key: `${type}:${record.id}`,
    type,
    id: record.id,
    tripId: str(record.tripId),
    title,
    subtitle,
    text,
    tokens: indexTokens(text),
  };
}

/**
 * Writes (or removes) the search rows of many records of one type at once, looking their host names up
 * in one bulkGet. For bulk callers: a pulled page, the deferred-index queue. `records[i]` belongs to
 * `ids[i]`; a missing or deleted record loses its row. Runs inside a transaction over `search` and `hosts`.
 */
export async function writeSearchRows(
  db: Pick<AppDatabase, 'hosts' | 'search'>,
  type: SearchType,
  ids: readonly string[],
  records: readonly (Record<string, unknown> | undefined)[],
): Promise<void> {
  const hostIds = type === 'hosts' ? [] : [...new Set(records.map((r) => String(r?.hostId ?? '')))];
  const hosts = await db.hosts.bulkGet(hostIds);
  const names = new Map(hostIds.map((id, i) => [id, hosts[i]?.name ?? '']));
  const rows: SearchRow[] = [];
  const gone: string[] = [];
  ids.forEach((id, i) => {
    const record = records[i];
    const row = record
      ? makeSearchRow(type, record as AnyStored, names.get(String(record.hostId ?? '')) ?? '')
      : null;
    if (row) rows.push(row);
    else gone.push(`${type}:${id}`);
  });
  await db.search.bulkPut(rows);
  if (gone.length > 0) await db.search.bulkDelete(gone);
}

/** Must run inside a transaction that includes `search` and `hosts` (and `visits` for host renames). */
export async function indexRecord(
  db: Source & Pick<AppDatabase, 'visits' | 'problems' | 'agreements'>,
  type: SearchType,
  record: AnyStored,
): Promise<void> {
  const row = await buildSearchRow(db, type, record);
  if (row) await db.search.put(row);
  else await db.search.delete(`${type}:${record.id}`);
  if (type === 'hosts') {
    // Visit, problem and agreement rows carry the host's name; a rename must reach them too.
    for (const dependent of ['visits', 'problems', 'agreements'] as const) {
      const rows = await db[dependent].where('hostId').equals(record.id).toArray();
      for (const r of rows) {
        const dependentRow = await buildSearchRow(db, dependent, r as unknown as AnyStored);
        if (dependentRow) await db.search.put(dependentRow);
      }
    }
  }
}

/** Used by the schema upgrade that introduced the index, and by repair. */
export async function rebuildSearchIndex(tx: Transaction): Promise<void> {
  const search = tx.table<SearchRow, string>('search');
  const hosts = tx.table<Stored<'hosts'>, string>('hosts');
  await search.clear();
  for (const type of SEARCH_TYPES) {
    const records = (await tx.table(type).toArray()) as AnyStored[];
    await writeSearchRows(
      { hosts, search },
      type,
      records.map((r) => r.id),
      records,
    );
  }
}

export type SearchHit = Omit<SearchRow, 'tokens' | 'text'>;

/**
 * Finds records whose text contains every part of the query. Starts from the rarest token (counted on
 * the index) so a common gram such as "公司" does not load half the directory.
 */
export async function searchRecords(
  db: Pick<AppDatabase, 'search'>,
  query: string,
  options: {
    tripId?: string;
    types?: readonly SearchType[];
    limit?: number;
    /** Trips whose records are not to be found (deleted trips: their records outlive them on the device). */
    hiddenTripIds?: ReadonlySet<string>;
  } = {},
): Promise<SearchHit[]> {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  const counts = await Promise.all(tokens.map((t) => db.search.where('tokens').equals(t).count()));
  let best = 0;
  for (let i = 1; i < tokens.length; i++) if ((counts[i] ?? 0) < (counts[best] ?? 0)) best = i;
  if ((counts[best] ?? 0) === 0) return [];
  const limit = options.limit ?? 200;
  const hits: SearchHit[] = [];
  await db.search
    .where('tokens')
    .equals(tokens[best] ?? '')
    .until(() => hits.length >= limit)
    .each((row) => {
      if (options.types && !options.types.includes(row.type)) return;
      // Directory rows (hosts) have no trip; they match every trip.
      if (options.tripId && row.tripId !== '' && row.tripId !== options.tripId) return;
      if (options.hiddenTripIds?.has(row.tripId)) return;
      if (!matchesQuery(row.text, query)) return;
      const { tokens: _t, text: _x, ...hit } = row;
      hits.push(hit);
    });
  return hits;
}
