import type { KeyboardEvent, ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n/useT';

export type TabSpec<Id extends string> = { readonly id: Id; readonly label: MessageKey };

/**
 * A tab strip with its one visible panel, as the WAI-ARIA tabs pattern wants it: arrow keys move between
 * tabs (and focus follows), only the selected tab is in the Tab order, and the panel is labelled by its
 * tab. `name` makes the element ids unique on the page.
 */
export function Tabs<Id extends string>({
  name,
  label,
  tabs,
  selected,
  onSelect,
  panelClassName = 'tab-panel',
  children,
}: {
  name: string;
  label: string;
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  panelClassName?: string;
  children: ReactNode;
}) {
  const t = useT();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = tabs.findIndex((x) => x.id === selected);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next) {
      onSelect(next.id);
      document.getElementById(`${name}-tab-${next.id}`)?.focus();
    }
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((x) => (
          <button
            key={x.id}
            id={`${name}-tab-${x.id}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={selected === x.id}
            aria-controls={`${name}-panel-${x.id}`}
            tabIndex={selected === x.id ? 0 : -1}
            onClick={() => onSelect(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div
        id={`${name}-panel-${selected}`}
        role="tabpanel"
        aria-labelledby={`${name}-tab-${selected}`}
        className={panelClassName}
      >
        {children}
      </div>
    </>
  );
}
