import type { needKinds, needStatuses } from '../../../shared/enums';
import { matchesQuery } from '../../../shared/search/tokenize';
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
  const text = filters.text.trim();
  return needs.filter(
    (n) =>
      (!filters.kind || n.kind === filters.kind) &&
      (!filters.status || n.status === filters.status) &&
      (!filters.hostId || n.hostId === filters.hostId) &&
      (text === '' || matchesQuery([n.title, n.field, n.description, hostName(n.hostId)].join(' '), text)),
  );
}

/** Ids of the needs some visit of the trip says it addressed. */
export function visitedNeedIds(visits: readonly Stored<'visits'>[]): Set<string> {
  return new Set(visits.flatMap((v) => v.needIds));
}
