import { type ReactNode, useState } from 'react';

/** Tells the person that the form shows their unsaved input from last time, and offers to drop it. */
export function DraftRestoredNote({
  text,
  discardLabel,
  onDiscard,
  announce,
  className,
}: {
  text: string;
  discardLabel: string;
  onDiscard: () => void;
  /** Read out by screen readers when it appears (role="status"). */
  announce?: boolean;
  className?: string;
}) {
  return (
    <div
      className={className ? `form-note ${className}` : 'form-note'}
      role={announce ? 'status' : undefined}
    >
      <span>{text}</span>
      <button type="button" className="btn btn--small" onClick={onDiscard}>
        {discardLabel}
      </button>
    </div>
  );
}

/**
 * Wraps a draft-backed form so that throwing its draft away remounts it: every field (list fields keep
 * their own text) starts again from the saved values, and nothing re-saves the discarded input as a new
 * draft. The form calls `onReset` once the draft is discarded.
 */
export function withDraftReset<P extends object>(Form: (props: P & { onReset: () => void }) => ReactNode) {
  return function DraftResettable(props: P) {
    const [generation, setGeneration] = useState(0);
    return <Form key={generation} {...props} onReset={() => setGeneration((g) => g + 1)} />;
  };
}
