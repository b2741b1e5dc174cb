/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD). Done in UTC so that adding days never trips over a
 * daylight-saving change or the device's time zone.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toUtc(date: string): Date {
  if (!ISO_DATE.test(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  const value = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(value.getTime()) || value.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return value;
}

export function assertIsoDate(date: string): string {
  toUtc(date);
  return date;
}

export function addDays(date: string, days: number): string {
  const value = toUtc(date);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** The day before the same date `years` later: the last day of a term of `years` years. */
export function termEnd(start: string, years: number): string {
  const value = toUtc(start);
  value.setUTCFullYear(value.getUTCFullYear() + years);
  return addDays(value.toISOString().slice(0, 10), -1);
}

/** Today on the device's calendar (what "overdue" means to the person looking at the screen). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
