import { normaliseCreditCode } from '../../../shared/creditCode';
import { matchesQuery } from '../../../shared/search/tokenize';
import { searchRecords } from '../../data/searchIndex';
import type { AppDatabase } from '../../db/database';
import type { Stored } from '../../db/types';

type Host = Stored<'hosts'>;

/** A query that is a complete credit code (people paste them with spaces or in full-width). */
export function asCreditCode(query: string): string | null {
  const code = normaliseCreditCode(query.trim());
  return /^[0-9A-Z]{18}$/.test(code) ? code : null;
}

const collator = new Intl.Collator('zh-CN');

/** Exact code matches first, then names starting with the query, then the rest by name. */
function rank(hosts: Host[], query: string, exactIds: Set<string>): Host[] {
  const q = query.trim().toLowerCase();
  const score = (h: Host) => (exactIds.has(h.id) ? 0 : h.name.toLowerCase().startsWith(q) ? 1 : 2);
  return [...hosts].sort((a, b) => score(a) - score(b) || collator.compare(a.name, b.name));
}

/**
 * Hosts of the directory matching a query, at most `limit`.
 *  - empty query: the first hosts by name (an index walk, cheap even with 200,000 hosts);
 *  - a full credit code: the `creditCode` index finds it exactly;
 *  - any text: the search index, which matches Chinese without spaces ("热处理" in "金属材料热处理有限公司").
 */
export async function searchHosts(db: AppDatabase, query: string, limit: number): Promise<Host[]> {
  const text = query.trim();
  if (text === '') {
    return db.hosts
      .orderBy('name')
      .filter((h) => h._deleted === 0)
      .limit(limit)
      .toArray();
  }
  const code = asCreditCode(text);
  const exact = code
    ? (await db.hosts.where('creditCode').equals(code).toArray()).filter((h) => h._deleted === 0)
    : [];
  const exactIds = new Set(exact.map((h) => h.id));
  const hits = await searchRecords(db, text, { types: ['hosts'], limit });
  const found = await db.hosts.bulkGet(hits.map((h) => h.id).filter((id) => !exactIds.has(id)));
  const rest = found.filter((h): h is Host => h !== undefined && h._deleted === 0);
  return rank([...exact, ...rest], text, exactIds).slice(0, limit);
}

/** The same match as the search index, for a list already in memory (the hosts of one trip). */
export function hostMatches(host: Host, query: string): boolean {
  const text = query.trim();
  if (text === '') return true;
  const code = asCreditCode(text);
  if (code && host.creditCode === code) return true;
  return matchesQuery(
    [host.name, host.creditCode, host.district, host.industry, host.address].join(' '),
    text,
  );
}
