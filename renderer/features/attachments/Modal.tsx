import { type ReactNode, useEffect, useRef } from 'react';

/** Keeps Tab inside the dialog: from the last control back to the first and the other way round. */
function trapTab(e: KeyboardEvent, root: HTMLElement | null) {
  if (!root) return;
  const focusable = Array.from(
    root.querySelectorAll<HTMLElement>(
      'button:not([disabled]), a[href], input, object, [tabindex]:not([tabindex="-1"])',
    ),
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog over everything, also over a drawer. Its keys are caught on the window in the
 * capture phase, before the drawer's own Escape handler, and marked handled: one Escape closes only
 * the topmost layer. Focus moves in on open and returns to whatever opened it on close.
 */
export function Modal({
  label,
  className,
  onClose,
  onKey,
  initialFocus,
  children,
}: {
  label: string;
  className: string;
  onClose: () => void;
  /** Other keys the dialog handles (arrows…); returns true when it used the key. */
  onKey?: (e: KeyboardEvent) => boolean;
  /** Selector of the element to focus on open; the dialog itself otherwise. */
  initialFocus?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onClose, onKey });
  handlers.current = { onClose, onKey };
  const focusSelector = useRef(initialFocus);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = focusSelector.current
      ? ref.current?.querySelector<HTMLElement>(focusSelector.current)
      : null;
    (first ?? ref.current)?.focus();
    const listener = (e: KeyboardEvent) => {
      if (e.key === 'Tab') return trapTab(e, ref.current);
      if (e.key === 'Escape') handlers.current.onClose();
      else if (!handlers.current.onKey?.(e)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', listener, true);
    return () => {
      window.removeEventListener('keydown', listener, true);
      // The opener may be gone (a removed thumbnail); then focus stays where the browser puts it.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <div className="modal-backdrop">
      <div className={className} role="dialog" aria-modal="true" aria-label={label} ref={ref} tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}
