import { useEffect, useRef } from 'react';

/**
 * Keyboard for going through a review queue quickly: j / ↓ next, k / ↑ previous, anywhere on the page
 * except while typing (a comment box, a filter). And when the selected record leaves the list (it was
 * just approved, so it no longer matches "submitted"), the record that took its place is selected:
 * deciding moves on to the next one by itself.
 */
export function useQueueKeys({
  ids,
  selectedId,
  select,
  listKey,
  enabled = true,
}: {
  ids: readonly string[];
  selectedId: string | null;
  select: (id: string) => void;
  /** Identifies the filter: a selection that leaves the list because the filter changed is not followed. */
  listKey: string;
  enabled?: boolean;
}) {
  const index = selectedId ? ids.indexOf(selectedId) : -1;
  const last = useRef<{ key: string; index: number }>({ key: listKey, index: -1 });

  useEffect(() => {
    if (index >= 0) {
      last.current = { key: listKey, index };
      return;
    }
    const { key, index: was } = last.current;
    if (key !== listKey) {
      last.current = { key: listKey, index: -1 };
      return;
    }
    if (selectedId && was >= 0 && ids.length > 0) {
      const next = ids[Math.min(was, ids.length - 1)];
      if (next) select(next);
    }
  }, [index, ids, listKey, selectedId, select]);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
      if (step === 0 || ids.length === 0) return;
      e.preventDefault();
      const from = index >= 0 ? index : step > 0 ? -1 : ids.length;
      const next = ids[Math.max(0, Math.min(ids.length - 1, from + step))];
      if (next) select(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, ids, index, select]);

  return index;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button';
}
