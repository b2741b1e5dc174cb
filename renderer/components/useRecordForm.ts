import { useCallback, useMemo, useState } from 'react';
import { useDraftState } from '../data/drafts';
import { useFormErrors } from './form';

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
    async <R>(save: () => Promise<R>): Promise<R | undefined> => {
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

/**
 * Value, change handler and message of each field of a form, to spread on the field:
 * `<TextField label={…} {...bind('title')} />`.
 */
export function fieldBinder<V extends object>(
  values: V,
  errors: Readonly<Record<string, string | undefined>>,
  set: <K extends keyof V & string>(field: K, value: V[K]) => void,
) {
  return <K extends keyof V & string>(field: K) => ({
    value: values[field],
    onChange: (value: V[K]) => set(field, value),
    error: errors[field],
  });
}

type Run = <R>(save: () => Promise<R>) => Promise<R | undefined>;

/**
 * The save step of a form whose input is kept as a draft: one save at a time, problems shown through
 * `run` (field messages, input kept), and the draft dropped only once the record is written.
 */
export function useDraftSave<R>(
  draft: { discard: () => Promise<void> },
  run: Run,
  write: () => Promise<R>,
  onSaved: (saved: R) => void,
) {
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (saving) return;
    setSaving(true);
    const saved = await run(write);
    setSaving(false);
    if (!saved) return;
    await draft.discard();
    onSaved(saved);
  };
  return { saving, save };
}

/**
 * State of a record form in a drawer (or inline in another form): values autosaved as a draft, save-time
 * messages per field, save, cancel and "discard draft". Render it with RecordFormFrame.
 */
export function useRecordForm<V extends object, R>({
  draftKey,
  start,
  write,
  onSaved,
  onCancel,
}: {
  draftKey: string;
  /** The values a form without a draft starts from, and what "discard draft" goes back to. */
  start: () => V;
  /** Creates or updates the record from `values` through the repository. */
  write: (values: V) => Promise<R>;
  onSaved: (saved: R) => void;
  onCancel: () => void;
}) {
  const draft = useDraftState<V>(draftKey, start());
  const { errors, formError, run, touch } = useRecordFormErrors();
  const values = draft.value;
  const { saving, save } = useDraftSave(draft, run, () => write(values), onSaved);

  /** Sets one field; its save-time message goes away until the next save. */
  const set = <K extends keyof V & string>(field: K, value: V[K]) => {
    draft.setValue((prev) => ({ ...prev, [field]: value }));
    touch(field);
  };

  return {
    values,
    set,
    bind: fieldBinder(values, errors, set),
    /** Changes several fields at once (call `touch` for the ones whose messages should go). */
    update: draft.setValue,
    touch,
    errors,
    formError,
    saving,
    save,
    restored: draft.restored,
    hadDraft: draft.hadDraft,
    discardDraft: () => {
      // Reset first, then discard: discard() clears the dirty flag, so the reset is not saved as a new draft.
      draft.setValue(start());
      void draft.discard();
    },
    cancel: () => {
      void draft.discard();
      onCancel();
    },
  };
}

export type RecordFormState = ReturnType<typeof useRecordForm>;
