import { type Labelled, type Lang, labelOf } from '../../shared/enums';
import { type MessageKey, type Params, translate } from '../../shared/i18n';

/**
 * Wording helpers shared by the file builders. They run in a Web Worker, where React hooks (useT) do
 * not exist, so the language is passed in explicitly.
 */
export type Tx = (key: MessageKey, params?: Params) => string;

export function textFor(lang: Lang): Tx {
  return (key, params) => translate(lang, key, params);
}

/** An enum label from a key stored as a plain string (the report keeps keys as strings); unknown keys show as is. */
export function labelFor<K extends string>(table: Record<K, Labelled>, key: string, lang: Lang): string {
  if (key === '') return '';
  return labelOf(table, key as K, lang);
}

/** "a、b、c" in Chinese, "a, b, c" in English. */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.filter((s) => s !== '').join(translate(lang, 'exports.doc.listSep'));
}

/** "2025年6月23日" / "23 June 2025"; the date is taken as a calendar date, not a moment. */
export function longDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  if (lang === 'zh-CN') return `${y}年${Number(m)}月${Number(d)}日`;
  const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${Number(d)} ${month} ${y}`;
}

/** "2025年6月23日至6月25日": the year is not repeated when both dates share it. */
export function dateRange(from: string, to: string, lang: Lang): string {
  if (from === to || to === '') return longDate(from, lang);
  const sep = translate(lang, 'exports.doc.rangeSep');
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  const end = longDate(to, lang);
  const trimmed = sameYear && lang === 'zh-CN' ? end.slice(5) : end;
  return `${longDate(from, lang)}${sep}${trimmed}`;
}
