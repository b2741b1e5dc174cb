import { type ReactNode, useEffect, useRef } from 'react';
import type { Labelled } from '../../shared/enums';
import { useLabel } from '../i18n/useT';

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </header>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-state__title">{title}</div>
      {children}
    </div>
  );
}

export type BadgeTone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** An enum value (a status, a role) as a badge in the tone the screen gives each value. */
export function EnumBadge<K extends string>({
  table,
  value,
  tones,
}: {
  table: Record<K, Labelled>;
  value: K;
  tones: Record<K, BadgeTone>;
}) {
  const labelOf = useLabel();
  return <Badge tone={tones[value]}>{labelOf(table, value)}</Badge>;
}

export function Panel({
  title,
  actions,
  children,
  className,
}: {
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`}>
      {title || actions ? (
        <div className="panel__head">
          {title ? <h2>{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function FilterBar({ children }: { children: ReactNode }) {
  return <div className="filter-bar">{children}</div>;
}

/**
 * A side sheet for editing a record without leaving the list. Escape closes it wherever the focus is,
 * and focus moves into it on open so keyboard users land in the form.
 */
export function Drawer({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close.current();
    };
    window.addEventListener('keydown', onKey);
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea');
    (first ?? ref.current)?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="drawer-backdrop">
      <aside className="drawer" role="dialog" aria-modal="true" aria-label={title} ref={ref} tabIndex={-1}>
        <div className="drawer__head">
          <h2>{title}</h2>
          <button type="button" className="btn btn--ghost" onClick={onClose} aria-label="×">
            ×
          </button>
        </div>
        <div className="drawer__body">{children}</div>
      </aside>
    </div>
  );
}

/** One figure card: a number (or "3 / 5") over what it counts. */
export function Figure({ value, label }: { value: ReactNode; label: string }) {
  return (
    <div className="figure">
      <div className="figure__value">{value}</div>
      <div className="figure__label">{label}</div>
    </div>
  );
}
