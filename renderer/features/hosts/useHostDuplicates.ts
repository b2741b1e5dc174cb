import { useLiveQuery } from 'dexie-react-hooks';
import { normaliseCreditCode } from '../../../shared/creditCode';
import { useDebounced } from '../../components/useDebounced';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';

export type Duplicate = { host: Stored<'hosts'>; reason: 'code' | 'name' };

/**
 * Other hosts with the same credit code or the same name. This is a warning, not a block: two branches
 * may share a name, and the organisers' reconciliation screen merges real duplicates later.
 */
export function useHostDuplicates(name: string, creditCode: string, selfId: string | undefined): Duplicate[] {
  const trimmedName = useDebounced(name.trim(), 250);
  const code = useDebounced(normaliseCreditCode(creditCode), 250);
  return (
    useLiveQuery(async () => {
      const db = getDb();
      const out: Duplicate[] = [];
      const seen = new Set<string>(selfId ? [selfId] : []);
      if (code.length === 18) {
        for (const host of await db.hosts.where('creditCode').equals(code).toArray()) {
          if (host._deleted === 1 || seen.has(host.id)) continue;
          seen.add(host.id);
          out.push({ host, reason: 'code' });
        }
      }
      if (trimmedName !== '') {
        for (const host of await db.hosts.where('name').equals(trimmedName).toArray()) {
          if (host._deleted === 1 || seen.has(host.id)) continue;
          seen.add(host.id);
          out.push({ host, reason: 'name' });
        }
      }
      return out.slice(0, 5);
    }, [trimmedName, code, selfId]) ?? []
  );
}
