import type { tripStatuses } from '../../../shared/enums';
import { daysBetween } from '../../../shared/report';
import type { BadgeTone } from '../../components/layout';
import type { T } from '../../i18n/useT';

type TripStatus = keyof typeof tripStatuses;

/** "2025-06-23 至 2025-06-25" or one date when the trip lasts a day. */
export function formatDateRange(t: T, start: string, end: string): string {
  if (!start) return '';
  if (!end || end === start) return start;
  return t('trips.dates.range', { start, end });
}

/** Length of the trip in days, both ends included; 0 when the dates are missing or reversed. */
export function tripDays(start: string, end: string): number {
  if (!start || !end) return 0;
  const days = daysBetween(start, end) + 1;
  return Number.isFinite(days) && days > 0 ? days : 0;
}

export function formatTripDays(t: T, start: string, end: string): string {
  const days = tripDays(start, end);
  if (days === 0) return '';
  return days === 1 ? t('trips.dates.oneDay') : t('trips.dates.days', { days });
}

/** Badge colour of a trip status: what is happening now stands out, what is over recedes. */
export const statusTone = {
  planning: 'info',
  active: 'warn',
  completed: 'good',
  archived: 'neutral',
} as const satisfies Record<TripStatus, BadgeTone>;
