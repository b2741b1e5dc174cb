import { useEffect, useRef } from 'react';

/**
 * Ctrl+V of an image "anywhere on the page" goes to one attachment section: the most recently shown
 * one. A visit form can open an agreement drawer with its own scans section; a paste in the drawer
 * must go to the agreement, not also to the visit behind it. So sections register on a stack and a
 * single window listener gives the files to the top one.
 */
type Handler = (files: File[]) => void;
const stack: { current: Handler }[] = [];

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return (
    target.tagName === 'INPUT' &&
    !['checkbox', 'radio', 'button', 'file'].includes((target as HTMLInputElement).type)
  );
}

/** The files of a paste that should become attachments: pasted files, unless text is pasted into a field. */
export function pastedFiles(e: Pick<ClipboardEvent, 'clipboardData' | 'target'>): File[] {
  const data = e.clipboardData;
  if (!data) return [];
  const files = Array.from(data.files ?? []);
  if (files.length === 0) return [];
  // Copying from Word or a web page puts both text and a picture of it on the clipboard; in a text
  // field the person means the text.
  if (isTextEntry(e.target) && data.getData('text/plain') !== '') return [];
  return files;
}

function onPaste(e: ClipboardEvent) {
  const top = stack[stack.length - 1];
  if (!top) return;
  const files = pastedFiles(e);
  if (files.length === 0) return;
  e.preventDefault();
  top.current(files);
}

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;

/**
 * A file dropped beside the drop zone would make the browser open it in place of the app; while a
 * section is shown, a drop anywhere on the page goes to it instead (like a paste).
 */
function onDragOver(e: DragEvent) {
  if (carriesFiles(e)) e.preventDefault();
}
function onDrop(e: DragEvent) {
  const top = stack[stack.length - 1];
  if (!top || e.defaultPrevented || !carriesFiles(e)) return;
  e.preventDefault();
  top.current(Array.from(e.dataTransfer?.files ?? []));
}

const listeners = [
  ['paste', onPaste],
  ['dragover', onDragOver],
  ['drop', onDrop],
] as const;

/** Registers `handler` for pasted or dropped files while `enabled`; the latest registered section wins. */
export function usePasteTarget(handler: Handler, enabled: boolean): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const entry = { current: (files: File[]) => ref.current(files) };
    stack.push(entry);
    if (stack.length === 1)
      for (const [type, fn] of listeners) window.addEventListener(type, fn as EventListener);
    return () => {
      stack.splice(stack.indexOf(entry), 1);
      if (stack.length === 0)
        for (const [type, fn] of listeners) window.removeEventListener(type, fn as EventListener);
    };
  }, [enabled]);
}
