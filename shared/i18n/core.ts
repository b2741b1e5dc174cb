import type { Lang } from '../enums';

/** A message in both languages side by side, so a missing translation is a type error, not a blank. */
export type MessagePair = { readonly zh: string; readonly en: string };
export type Params = Record<string, string | number>;

export const defineMessages = <T extends Record<string, MessagePair>>(messages: T): T => messages;

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/**
 * `{name}` is replaced by the parameter; `{name:one|many}` by the number and the word that fits it
 * ("{count:record|records}" → "1 record", "3 records"), for English, where the noun changes with the
 * number. Chinese needs no such form.
 */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(
    /\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one?: string, many?: string) => {
      if (!(name in params)) return whole;
      const value = params[name];
      if (one === undefined || many === undefined) return String(value);
      return `${value} ${Number(value) === 1 ? one : many}`;
    },
  );
}

export function pick(pair: MessagePair, lang: Lang): string {
  return lang === 'zh-CN' ? pair.zh : pair.en;
}
