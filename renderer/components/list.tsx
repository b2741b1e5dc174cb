import type { ReactNode } from 'react';
import type { Lang } from '../../shared/enums';
import { UnsyncedMark } from './UnsyncedMark';

/** Table cells cut long text with an ellipsis; the full text stays available on hover. */
export function Clip({ text }: { text: string }) {
  return <span title={text}>{text}</span>;
}

/** The first cell of a record list: the record's name, cut to fit, and its "not yet synced" mark. */
export function TitleCell({ text, pending }: { text: string; pending: boolean }) {
  return (
    <>
      <Clip text={text} />
      <UnsyncedMark pending={pending} />
    </>
  );
}

/** The separator people expect between names in each language. */
export const listSeparator = (lang: Lang): string => (lang === 'zh-CN' ? '、' : ', ');

/**
 * The line under a list's filters saying how many rows it shows. `live` announces changes to screen
 * readers, for lists whose rows arrive after a search rather than at once.
 */
export function ListCount({ live, children }: { live?: boolean; children: ReactNode }) {
  return (
    <div className="list-note" aria-live={live ? 'polite' : undefined}>
      {children}
    </div>
  );
}
