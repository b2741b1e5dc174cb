import { type KeyboardEvent, useCallback, useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../../shared/enums';
import type { RecordTable } from '../../../shared/schemas';
import { useFormErrors } from '../../components/form';
import { deleteRecord } from '../../data/repository';
import { useT } from '../../i18n/useT';
import './hosts.css';

/**
 * Small pieces shared by the record forms of hosts, needs, problems, agreements and follow-ups.
 *
 * The forms are not <form> elements on purpose: HostForm and AgreementForm are also embedded in the visit
 * log's own <form>, and nested forms are invalid HTML (the inner submit would submit the visit).
 * So Enter and Ctrl+Enter are handled here and stopped from reaching an outer form.
 */
export function submitKeys(save: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target;
    if (!(target instanceof HTMLElement)) return;
    const tag = target.tagName;
    const ctrl = e.ctrlKey || e.metaKey;
    // Enter in a one-line input saves; in a textarea it is a new line unless Ctrl/⌘ is held.
    // Inputs with suggestions (combobox, datalist) use Enter to pick one.
    const plainInput =
      tag === 'INPUT' &&
      target.getAttribute('role') !== 'combobox' &&
      !target.hasAttribute('list') &&
      target.getAttribute('type') !== 'checkbox';
    if (ctrl || plainInput) {
      e.preventDefault();
      e.stopPropagation();
      save();
    }
  };
}

/** The separator people expect between names in each language. */
export const listSeparator = (lang: Lang): string => (lang === 'zh-CN' ? '、' : ', ');

export function DraftNote({ show, onDiscard }: { show: boolean; onDiscard: () => void }) {
  const t = useT();
  if (!show) return null;
  return (
    <div className="form-note" role="status">
      <span>{t('hosts.draft.restored')}</span>
      <button type="button" className="btn btn--small" onClick={onDiscard}>
        {t('hosts.draft.discard')}
      </button>
    </div>
  );
}

/** Delete with a second, explicit confirmation; records are tombstoned so the deletion syncs. */
export function ConfirmDelete({
  table,
  id,
  onDeleted,
  what,
}: {
  table: RecordTable;
  id: string;
  onDeleted: () => void;
  what: string;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" className="btn btn--danger" onClick={() => setAsking(true)}>
        {t('action.delete')}
      </button>
    );
  }
  return (
    <span className="confirm-delete" role="alert">
      <span>{t('hosts.confirmDelete', { what })}</span>
      <button
        type="button"
        className="btn btn--danger"
        disabled={busy}
        autoFocus
        onClick={async () => {
          setBusy(true);
          try {
            await deleteRecord(table, id);
            onDeleted();
          } catch (err) {
            setError(t('error.unexpected', { message: err instanceof Error ? err.message : String(err) }));
            setBusy(false);
          }
        }}
      >
        {t('action.delete')}
      </button>
      <button type="button" className="btn" onClick={() => setAsking(false)}>
        {t('action.cancel')}
      </button>
      {error ? <span className="field__error">{error}</span> : null}
    </span>
  );
}

/** The value after it has stopped changing for `ms`; keeps a 200,000-row search off every keystroke. */
export function useDebounced<V>(value: V, ms = 180): V {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Today's date on this device as YYYY-MM-DD (local time, which is what "due today" means to people). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * useFormErrors plus one rule: a save-time message is about the value that was saved, so once the person
 * edits that field (`touch`) its message is hidden; the live checks and the next save speak again.
 */
export function useRecordFormErrors() {
  const { errors, formError, run: runSave } = useFormErrors();
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  const shown = useMemo(() => {
    if (edited.size === 0) return errors;
    const isEdited = (path: string) => edited.has(path) || edited.has(path.split('.')[0] ?? path);
    return Object.fromEntries(Object.entries(errors).filter(([path]) => !isEdited(path)));
  }, [errors, edited]);
  const run = useCallback(
    async <R,>(save: () => Promise<R>): Promise<R | undefined> => {
      const result = await runSave(save);
      setEdited(new Set());
      return result;
    },
    [runSave],
  );
  const touch = useCallback((...fields: string[]) => {
    setEdited((prev) => (fields.every((f) => prev.has(f)) ? prev : new Set([...prev, ...fields])));
  }, []);
  return { errors: shown, formError, run, touch };
}

/** Table cells cut long text with an ellipsis; the full text stays available on hover. */
export function Clip({ text }: { text: string }) {
  return <span title={text}>{text}</span>;
}
