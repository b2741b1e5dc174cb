import type { problemCategories, problemStatuses } from '../../../shared/enums';
import { matchesFilters } from '../../data/listFilters';
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
  return problems.filter((p) => {
    const hostId = problemHostId(p, visits);
    return matchesFilters(filters, { category: p.category, status: p.status, hostId }, () =>
      [p.title, p.description, p.field, hostName(hostId)].join(' '),
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
