import type { Lang } from '../enums';

/** A message in both languages side by side, so a missing translation is a type error, not a blank. */
export type MessagePair = { readonly zh: string; readonly en: string };
export type Params = Record<string, string | number>;

export const defineMessages = <T extends Record<string, MessagePair>>(messages: T): T => messages;

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function pick(pair: MessagePair, lang: Lang): string {
  return lang === 'zh-CN' ? pair.zh : pair.en;
}
