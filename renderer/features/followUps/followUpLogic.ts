import type { followUpStatuses } from '../../../shared/enums';
import type { MessageKey } from '../../../shared/i18n';
import { daysBetween } from '../../../shared/report';
import { matchesQuery } from '../../../shared/search/tokenize';
import type { Stored } from '../../db/types';

type FollowUp = Stored<'followUps'>;

const DAY_MS = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. The report's count. */
export { daysBetween };

const OPEN = new Set<string>(['planned', 'in_progress']);

/** Days past the due date of an unfinished follow-up; 0 when it is not overdue. */
export function overdueDays(f: Pick<FollowUp, 'dueDate' | 'status'>, today: string): number {
  if (!OPEN.has(f.status)) return 0;
  return Math.max(0, daysBetween(f.dueDate, today));
}

export function addDays(iso: string, days: number): string {
  return new Date(utc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar months later; the 31st becomes the last day of a shorter month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * The "1346" follow-up cadence used after a trip: a weekly salon, a monthly group visit, a quarterly
 * consultation, a half-yearly joint research effort and a yearly transfer of results. Each preset makes
 * one follow-up, due one period from today.
 */
export const CADENCE = [
  { key: 'salon', action: 'followUps.cadence.salon', due: (today: string) => addDays(today, 7) },
  { key: 'groupVisit', action: 'followUps.cadence.groupVisit', due: (today: string) => addMonths(today, 1) },
  {
    key: 'consultation',
    action: 'followUps.cadence.consultation',
    due: (today: string) => addMonths(today, 3),
  },
  {
    key: 'jointResearch',
    action: 'followUps.cadence.jointResearch',
    due: (today: string) => addMonths(today, 6),
  },
  { key: 'transfer', action: 'followUps.cadence.transfer', due: (today: string) => addMonths(today, 12) },
] as const satisfies readonly { key: string; action: MessageKey; due: (today: string) => string }[];

export type CadenceKey = (typeof CADENCE)[number]['key'];

export type FollowUpFilters = {
  status: keyof typeof followUpStatuses | '';
  overdueOnly: boolean;
  text: string;
  overdueFirst: boolean;
};

export const noFollowUpFilters: FollowUpFilters = {
  status: '',
  overdueOnly: false,
  text: '',
  overdueFirst: true,
};

/** Filters, then sorts: overdue first (most overdue on top) when asked, otherwise by due date. */
export function filterFollowUps(
  followUps: readonly FollowUp[],
  filters: FollowUpFilters,
  today: string,
  relatedText: (f: FollowUp) => string,
): FollowUp[] {
  const text = filters.text.trim();
  const rows = followUps.filter(
    (f) =>
      (!filters.status || f.status === filters.status) &&
      (!filters.overdueOnly || overdueDays(f, today) > 0) &&
      (text === '' || matchesQuery([f.action, f.owner, f.notes, relatedText(f)].join(' '), text)),
  );
  return rows.sort((a, b) => {
    if (filters.overdueFirst) {
      const diff = overdueDays(b, today) - overdueDays(a, today);
      if (diff !== 0) return diff;
      // Finished or cancelled items go after the open ones.
      const openDiff = Number(OPEN.has(b.status)) - Number(OPEN.has(a.status));
      if (openDiff !== 0) return openDiff;
    }
    return a.dueDate.localeCompare(b.dueDate) || a.action.localeCompare(b.action);
  });
}
