import { useEffect, useRef, useState } from 'react';
import { getDb } from '../db/database';

/**
 * Draft autosave: a half-filled form is written to IndexedDB (debounced) and restored on the next
 * mount, so a reload, a crash or a flat battery loses at most the last fraction of a second of typing.
 * Drafts are local only; the record itself is written through the repository on save.
 */
export async function saveDraft(key: string, value: unknown): Promise<void> {
  await getDb().drafts.put({ key, value, updatedAt: Date.now() });
}

export async function loadDraft<V>(key: string): Promise<V | undefined> {
  return (await getDb().drafts.get(key))?.value as V | undefined;
}

export async function clearDraft(key: string): Promise<void> {
  await getDb().drafts.delete(key);
}

/**
 * State that autosaves as a draft. `restored` is true once the stored draft (if any) has been loaded;
 * `hadDraft` tells the form to show "draft restored".
 */
export function useDraftState<V>(key: string, initial: V, delayMs = 300) {
  const [value, setValue] = useState<V>(initial);
  const [restored, setRestored] = useState(false);
  const [hadDraft, setHadDraft] = useState(false);
  const dirty = useRef(false);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    let cancelled = false;
    setRestored(false);
    loadDraft<V>(key).then((draft) => {
      if (cancelled) return;
      if (draft !== undefined) {
        setValue(draft);
        setHadDraft(true);
      }
      setRestored(true);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `value` is the trigger; each change restarts the debounce
  useEffect(() => {
    if (!restored || !dirty.current) return;
    const timer = setTimeout(() => {
      if (dirty.current) void saveDraft(key, latest.current);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, value, restored, delayMs]);

  // Flush on unmount so navigating away mid-typing keeps the last keystrokes.
  useEffect(
    () => () => {
      if (dirty.current) void saveDraft(key, latest.current);
    },
    [key],
  );

  const update = (next: V | ((prev: V) => V)) => {
    dirty.current = true;
    setValue(next);
  };
  /** Drops the stored draft; with `next`, also puts the form back to those values (not a draft). */
  const discard = async (next?: V) => {
    dirty.current = false;
    if (next !== undefined) setValue(next);
    await clearDraft(key);
    setHadDraft(false);
  };
  return { value, setValue: update, restored, hadDraft, discard };
}
