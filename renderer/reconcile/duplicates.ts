import {
  type HostDuplicateGroup,
  hostDuplicateGroups,
  normaliseHostName,
  pairKey,
  type VisitDuplicateGroup,
  visitDuplicateGroups,
} from '../../shared/dedupe';
import type { AppDatabase } from '../db/database';
import type { Stored } from '../db/types';
import { tripDirectoryIds } from './references';

/**
 * Possible duplicates of one trip, read from the device.
 *
 * Hosts: the trip's hosts are compared with the WHOLE directory (a duplicate may have been entered in
 * another trip), which can hold ~200,000 hosts. Same credit code: the `creditCode` index. Same
 * normalised name: a host with the same core contains every character of the core, and the local
 * search index holds each CJK character of every host's name as a token; so each core starts from its
 * rarest character (counted on the index, no rows read), narrows with the next rarest while more than
 * a few hundred names remain, and only those candidates are read and normalised. Hosts whose search
 * rows are still queued after a large pull (renderer/data/searchQueue.ts) are read directly.
 *
 * Measured in Chromium (2 busy cores), 200,000 hosts, 40 trip hosts: ~0.3 s, against ~2.6 s for one
 * pass normalising every name of the `name` index; both found the same groups. It also keeps the live
 * query cheap: it observes only the tokens and records it read, not the whole directory, so syncing
 * unrelated hosts does not re-run it.
 */

const NOT_DUPLICATES_KEY = 'reconcile.notDuplicates';

export async function readNotDuplicates(db: AppDatabase): Promise<Set<string>> {
  const value = (await db.meta.get(NOT_DUPLICATES_KEY))?.value;
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
}

/** Remembers (on this device only) that these records are not duplicates of each other. */
export async function markNotDuplicates(db: AppDatabase, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const pairs = await readNotDuplicates(db);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) pairs.add(pairKey(ids[i] as string, ids[j] as string));
    }
    await db.meta.put({ key: NOT_DUPLICATES_KEY, value: [...pairs].sort() });
  });
}

/** Normalised names by raw name, for the session: candidates come back on every live re-run. */
const cores = new Map<string, string>();
const MAX_CACHED = 200_000;

function coreOf(name: string): string {
  let core = cores.get(name);
  if (core === undefined) {
    core = normaliseHostName(name);
    if (cores.size >= MAX_CACHED) cores.clear();
    cores.set(name, core);
  }
  return core;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * Search tokens every host with this core is indexed under: its CJK characters (each is indexed
 * alone), or for a core without any, its first letter or digit (the prefix of a word there). Empty
 * for a core of neither (rare characters beyond the index): such a name is matched by credit code only.
 */
function probeTokens(core: string): string[] {
  const chars = [...new Set(Array.from(core))];
  const cjk = chars.filter((c) => CJK.test(c));
  if (cjk.length > 0) return cjk;
  const first = Array.from(core)[0];
  return first && /[\p{L}\p{N}]/u.test(first) ? [first] : [];
}

/** Candidates read per core at most before stopping to narrow them down with another character. */
const ENOUGH = 500;

/**
 * Keys of the search rows that hold every token read so far, starting from the rarest token and
 * narrowing with the next rarest until few are left ("人民医院": no character of it is rare alone).
 */
async function rarestKeys(db: AppDatabase, byRarity: readonly string[]): Promise<string[]> {
  let keys: Set<string> | undefined;
  for (const token of byRarity) {
    const next: string[] = await db.search.where('tokens').equals(token).primaryKeys();
    const narrowed = keys ? next.filter((k) => keys?.has(k)) : next;
    keys = new Set(narrowed);
    if (keys.size < ENOUGH) break;
  }
  return [...(keys ?? [])];
}

/**
 * Ids of the hosts that may have one of these cores: a superset, the caller confirms by normalising.
 * Tokens are counted on the index (no rows read) and each core starts from its rarest one.
 */
async function sameNameCandidates(db: AppDatabase, wanted: ReadonlySet<string>): Promise<Set<string>> {
  const counts = new Map<string, Promise<number>>();
  const countOf = (token: string) => {
    let count = counts.get(token);
    if (!count) {
      count = db.search.where('tokens').equals(token).count();
      counts.set(token, count);
    }
    return count;
  };
  const lists = await Promise.all(
    [...wanted].map(async (core) => {
      const tokens = probeTokens(core);
      const sizes = await Promise.all(tokens.map(countOf));
      const byRarity = tokens
        .map((token, i) => ({ token, size: sizes[i] ?? 0 }))
        .sort((a, b) => a.size - b.size)
        .map((x) => x.token);
      return rarestKeys(db, byRarity);
    }),
  );
  const ids = new Set<string>();
  for (const key of lists.flat()) if (key.startsWith('hosts:')) ids.add(key.slice('hosts:'.length));
  await db.searchQueue.each((row) => {
    if (row.type === 'hosts') for (const id of row.ids) ids.add(id);
  });
  return ids;
}

const live = <R extends { _deleted: 0 | 1 }>(rows: readonly (R | undefined)[]) =>
  rows.filter((r): r is R => r !== undefined && r._deleted === 0);

export type HostGroup = HostDuplicateGroup<Stored<'hosts'>>;
export type VisitGroup = VisitDuplicateGroup<Stored<'visits'>>;

/** Groups of possible duplicate hosts that include at least one host this trip's records name. */
export async function findHostDuplicates(
  db: AppDatabase,
  tripId: string,
  notDuplicates: ReadonlySet<string>,
): Promise<HostGroup[]> {
  const { hostIds } = await tripDirectoryIds(db, tripId);
  const tripHosts = live(await db.hosts.bulkGet([...hostIds]));
  if (tripHosts.length === 0) return [];

  const codes = [...new Set(tripHosts.map((h) => h.creditCode).filter(Boolean))];
  const sameCode = codes.length > 0 ? await db.hosts.where('creditCode').anyOf(codes).toArray() : [];

  const wanted = new Set(tripHosts.map((h) => coreOf(h.name)).filter(Boolean));
  const maybe = await db.hosts.bulkGet([...(await sameNameCandidates(db, wanted))]);
  const sameName = live(maybe).filter((h) => wanted.has(coreOf(h.name)));

  const candidates = new Map<string, Stored<'hosts'>>();
  for (const h of live([...tripHosts, ...sameCode, ...sameName])) candidates.set(h.id, h);
  return hostDuplicateGroups([...candidates.values()], { notDuplicates }).filter((g) =>
    g.members.some((m) => hostIds.has(m.id)),
  );
}

/** Visits of this trip to one host on one date with experts in common. */
export async function findVisitDuplicates(
  db: AppDatabase,
  tripId: string,
  notDuplicates: ReadonlySet<string>,
): Promise<VisitGroup[]> {
  const visits = live(await db.visits.where('tripId').equals(tripId).toArray());
  return visitDuplicateGroups(visits, { notDuplicates });
}
