import { useCallback } from 'react';
import type { Labelled, Lang } from '../../shared/enums';
import { labelOf } from '../../shared/enums';
import { formatIssue, type MessageKey, type Params, translate } from '../../shared/i18n';
import { useSettings } from '../state/settings';

export type T = ((key: MessageKey, params?: Params) => string) & { lang: Lang };

/** The translate function for the current language; re-renders the component when it changes. */
export function useT(): T {
  const lang = useSettings((s) => s.lang);
  const t = useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
  return Object.assign(t, { lang });
}

export function useLabel() {
  const lang = useSettings((s) => s.lang);
  return useCallback(
    <K extends string>(table: Record<K, Labelled>, key: K) => labelOf(table, key, lang),
    [lang],
  );
}

export function useIssueText() {
  const lang = useSettings((s) => s.lang);
  return useCallback((issue: Parameters<typeof formatIssue>[0]) => formatIssue(issue, lang), [lang]);
}
