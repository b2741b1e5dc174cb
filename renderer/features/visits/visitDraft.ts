import type { ActivityTypeKey, ProblemCategoryKey, ProblemStatusKey } from './types';

/**
 * The visit form's state: the visit plus the problems and recommendations recorded on it. It is what
 * the draft autosave stores, so it holds plain values only (numbers may be strings while typed).
 */
export type ActivityRow = { key: string; type: ActivityTypeKey | ''; count: number | string; topic: string };
export type ProblemRow = {
  id: string;
  title: string;
  description: string;
  category: ProblemCategoryKey;
  status: ProblemStatusKey;
  field: string;
};
export type RecommendationRow = { id: string; text: string; adopted: boolean; problemId: string };

export type VisitDraft = {
  hostId: string;
  date: string;
  expertIds: string[];
  needIds: string[];
  activities: ActivityRow[];
  peopleTrained: number | string;
  beneficiaries: number | string;
  location: string;
  notes: string;
  problems: ProblemRow[];
  recommendations: RecommendationRow[];
};

let counter = 0;
export const rowKey = (): string => `row-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function emptyActivity(type: ActivityTypeKey | '' = ''): ActivityRow {
  return { key: rowKey(), type, count: 1, topic: '' };
}

export function emptyVisitDraft(date: string): VisitDraft {
  return {
    hostId: '',
    date,
    expertIds: [],
    needIds: [],
    activities: [emptyActivity('site_research')],
    peopleTrained: 0,
    beneficiaries: 0,
    location: '',
    notes: '',
    problems: [],
    recommendations: [],
  };
}

/** Today in the trip's range if the trip is on now, otherwise the trip's first day. */
export function defaultVisitDate(
  trip: { startDate: string; endDate: string } | undefined,
  today: string,
): string {
  if (!trip) return today;
  if (today >= trip.startDate && today <= trip.endDate) return today;
  return trip.startDate;
}
