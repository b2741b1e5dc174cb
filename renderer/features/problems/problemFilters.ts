import type { problemCategories, problemStatuses } from '../../../shared/enums';
import { matchesQuery } from '../../../shared/search/tokenize';
import type { Stored } from '../../db/types';

type Problem = Stored<'problems'>;
type Visit = Stored<'visits'>;

export type ProblemFilters = {
  category: keyof typeof problemCategories | '';
  status: keyof typeof problemStatuses | '';
  hostId: string;
  text: string;
};

export const noProblemFilters: ProblemFilters = { category: '', status: '', hostId: '', text: '' };

/** A problem's host: its own when set, otherwise the host of the visit where it was found. */
export function problemHostId(problem: Problem, visits: Map<string, Visit>): string {
  return problem.hostId || visits.get(problem.visitId)?.hostId || '';
}

export function filterProblems(
  problems: readonly Problem[],
  filters: ProblemFilters,
  visits: Map<string, Visit>,
  hostName: (id: string) => string,
): Problem[] {
  const text = filters.text.trim();
  return problems.filter((p) => {
    const hostId = problemHostId(p, visits);
    return (
      (!filters.category || p.category === filters.category) &&
      (!filters.status || p.status === filters.status) &&
      (!filters.hostId || hostId === filters.hostId) &&
      (text === '' || matchesQuery([p.title, p.description, p.field, hostName(hostId)].join(' '), text))
    );
  });
}

/** The figures the province asks for: hard problems, other problems, and how many are solved. */
export function summariseProblems(problems: readonly Problem[]) {
  return {
    total: problems.length,
    hard: problems.filter((p) => p.category === 'hard').length,
    other: problems.filter((p) => p.category === 'other').length,
    solved: problems.filter((p) => p.status === 'solved').length,
  };
}
