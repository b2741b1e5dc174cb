import type { Lang } from '../../../shared/enums';
import type { T } from '../../i18n/useT';

/** "刚刚", "5 分钟前", or a date and time for anything older than an hour. */
export function formatSince(t: T, at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return t('sync.justNow');
  if (minutes < 60) return t('sync.minutesAgo', { count: minutes });
  return formatDateTime(t.lang, at);
}

export function formatDateTime(
  lang: Lang,
  at: number | string,
  dateStyle: 'medium' | 'short' = 'medium',
): string {
  return new Intl.DateTimeFormat(lang, { dateStyle, timeStyle: 'short' }).format(new Date(at));
}

export function formatTime(lang: Lang, at: number): string {
  return new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(at));
}
