import type { Lang } from '../enums';
import { interpolate, type MessagePair, type Params, pick } from './core';
import { commonMessages } from './messages/common';
import { featureMessages } from './messages/features';
import { validationMessages } from './messages/validation';

export * from './core';

/** All messages of the app. Feature modules add their own file under messages/ and list it in features.ts. */
export const messages = { ...commonMessages, ...validationMessages, ...featureMessages };
export type MessageKey = keyof typeof messages;

export function isMessageKey(key: string): key is MessageKey {
  return key in messages;
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const pair: MessagePair | undefined = messages[key];
  return pair ? interpolate(pick(pair, lang), params) : key;
}

/** A zod issue (as the record schemas raise them) in words a person can act on. */
export function formatIssue(
  issue: { message: string; code?: string; maximum?: unknown; params?: Record<string, unknown> },
  lang: Lang,
): string {
  const params: Params = {};
  for (const [k, v] of Object.entries(issue.params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  }
  if (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')
    params.max = Number(issue.maximum);
  if (isMessageKey(issue.message)) return translate(lang, issue.message, params);
  if (issue.code === 'invalid_type') return translate(lang, 'v.required', params);
  return translate(lang, 'v.invalid', params);
}
