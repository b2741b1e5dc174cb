import { hostRegions, regionsCompatible, splitHostName } from './hostName';

/**
 * Possible duplicates, as groups of records to show an organiser side by side. Grouping only suggests:
 * the organiser decides which records are really the same and merges them (renderer/reconcile/merge.ts).
 *
 * Records are linked in pairs (same credit code, same name, same visit); a group is a connected set of
 * links, so A–B by credit code and B–C by name make one group of three. A pair the organiser has said is
 * "not a duplicate" never links, so a dismissed group stays away until a new record joins it.
 */

export type HostForDedupe = {
  id: string;
  name: string;
  creditCode: string;
  district?: string | undefined;
};

export type VisitForDedupe = { id: string; hostId: string; date: string; expertIds: readonly string[] };

export type HostDuplicateReason = 'creditCode' | 'name';

export type DuplicateGroup<R, Reason extends string> = {
  /** Sorted member ids joined: stable while the members stay the same. */
  key: string;
  reasons: Reason[];
  members: R[];
};

export type HostDuplicateGroup<H extends HostForDedupe = HostForDedupe> = DuplicateGroup<
  H,
  HostDuplicateReason
>;
export type VisitDuplicateGroup<V extends VisitForDedupe = VisitForDedupe> = DuplicateGroup<V, 'sameVisit'>;

/** The key of an unordered pair of ids, as kept in the list of pairs declared "not duplicates". */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export type GroupOptions = { notDuplicates?: ReadonlySet<string> };

/** Union-find over record ids, remembering why each link was made. */
class Links<Reason extends string> {
  private readonly parent = new Map<string, string>();
  private readonly reasons = new Map<string, Set<Reason>>();

  constructor(private readonly blocked: ReadonlySet<string>) {}

  private find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== undefined && this.parent.get(root) !== root) {
      root = this.parent.get(root) as string;
    }
    // Path compression keeps later finds flat.
    let current = id;
    while (current !== root) {
      const next = this.parent.get(current) as string;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }

  link(a: string, b: string, reason: Reason): void {
    if (a === b || this.blocked.has(pairKey(a, b))) return;
    const ra = this.find(a);
    const rb = this.find(b);
    const merged = new Set([...(this.reasons.get(ra) ?? []), ...(this.reasons.get(rb) ?? []), reason]);
    if (ra !== rb) this.parent.set(rb, ra);
    this.parent.set(ra, ra);
    this.reasons.set(ra, merged);
  }

  /** Every pair, not a chain: a pair declared "not duplicates" must not cut the others apart. */
  linkAll(records: readonly { id: string }[], reason: Reason): void {
    for (let i = 0; i < records.length; i++) {
      for (let j = i + 1; j < records.length; j++) {
        this.link((records[i] as { id: string }).id, (records[j] as { id: string }).id, reason);
      }
    }
  }

  groups<R extends { id: string }>(records: readonly R[]): DuplicateGroup<R, Reason>[] {
    const byRoot = new Map<string, R[]>();
    for (const r of records) {
      if (!this.parent.has(r.id)) continue;
      const root = this.find(r.id);
      byRoot.set(root, [...(byRoot.get(root) ?? []), r]);
    }
    const out: DuplicateGroup<R, Reason>[] = [];
    for (const [root, members] of byRoot) {
      if (members.length < 2) continue;
      out.push({
        key: members
          .map((m) => m.id)
          .sort()
          .join(','),
        reasons: [...(this.reasons.get(root) ?? [])].sort(),
        members,
      });
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

function bucket<R>(records: readonly R[], keyOf: (r: R) => string): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of records) {
    const key = keyOf(r);
    if (key === '') continue;
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

/**
 * Hosts that may be one unit: the same unified social credit code (the natural key), or the same
 * normalised name (shared/dedupe/hostName.ts) in places that do not contradict each other and without
 * two different credit codes (two valid codes are two legal entities, whatever their names).
 */
export function hostDuplicateGroups<H extends HostForDedupe>(
  hosts: readonly H[],
  options: GroupOptions = {},
): HostDuplicateGroup<H>[] {
  const links = new Links<HostDuplicateReason>(options.notDuplicates ?? new Set());
  for (const same of bucket(hosts, (h) => h.creditCode).values()) links.linkAll(same, 'creditCode');
  const parts = new Map(
    hosts.map((h) => [h.id, { core: splitHostName(h.name).core, regions: hostRegions(h) }]),
  );
  const compatible = (a: H, b: H) =>
    (a.creditCode === '' || b.creditCode === '' || a.creditCode === b.creditCode) &&
    regionsCompatible(parts.get(a.id)?.regions ?? [], parts.get(b.id)?.regions ?? []);
  for (const same of bucket(hosts, (h) => parts.get(h.id)?.core ?? '').values()) {
    if (same.length < 2) continue;
    // Clusters of mutually compatible hosts: the most specific places first, so a host without any
    // place joins one cluster instead of bridging "眉山市人民医院" and "成都市人民医院".
    const ordered = [...same].sort(
      (a, b) => (parts.get(b.id)?.regions.length ?? 0) - (parts.get(a.id)?.regions.length ?? 0),
    );
    const clusters: H[][] = [];
    for (const h of ordered) {
      const home = clusters.find((c) => c.every((m) => compatible(m, h)));
      if (home) home.push(h);
      else clusters.push([h]);
    }
    for (const c of clusters) links.linkAll(c, 'name');
  }
  return links.groups(hosts);
}

/** Visits of one host on one date with at least one expert in common: the same visit entered twice. */
export function visitDuplicateGroups<V extends VisitForDedupe>(
  visits: readonly V[],
  options: GroupOptions = {},
): VisitDuplicateGroup<V>[] {
  const links = new Links<'sameVisit'>(options.notDuplicates ?? new Set());
  for (const same of bucket(visits, (v) => (v.hostId && v.date ? `${v.hostId}|${v.date}` : '')).values()) {
    for (let i = 0; i < same.length; i++) {
      const a = same[i] as V;
      const experts = new Set(a.expertIds);
      for (const b of same.slice(i + 1)) {
        if (b.expertIds.some((e) => experts.has(e))) links.link(a.id, b.id, 'sameVisit');
      }
    }
  }
  return links.groups(visits);
}
