import type { needKinds, needStatuses } from '../../../shared/enums';
import { matchesFilters } from '../../data/listFilters';
import type { Stored } from '../../db/types';

export type NeedFilters = {
  kind: keyof typeof needKinds | '';
  status: keyof typeof needStatuses | '';
  hostId: string;
  text: string;
};

export const noNeedFilters: NeedFilters = { kind: '', status: '', hostId: '', text: '' };

/** Needs matching the filters; `text` looks at the title, field, description and host name. */
export function filterNeeds(
  needs: readonly Stored<'needs'>[],
  filters: NeedFilters,
  hostName: (id: string) => string,
): Stored<'needs'>[] {
  return needs.filter((n) =>
    matchesFilters(filters, { kind: n.kind, status: n.status, hostId: n.hostId }, () =>
      [n.title, n.field, n.description, hostName(n.hostId)].join(' '),
    ),
  );
}

/** Ids of the needs some visit of the trip says it addressed. */
export function visitedNeedIds(visits: readonly Stored<'visits'>[]): Set<string> {
  return new Set(visits.flatMap((v) => v.needIds));
}
