import type { ReactNode } from 'react';

/** A row of toggle buttons of which one is on (a filter by role, the language of a sentence). */
export function Segmented({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={className ? `segmented ${className}` : 'segmented'} aria-label={label}>
      {children}
    </fieldset>
  );
}

export function SegmentButton({
  on,
  onClick,
  testId,
  children,
}: {
  on: boolean;
  onClick: () => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`btn btn--small ${on ? 'segmented__on' : ''}`}
      aria-pressed={on}
      data-testid={testId}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
