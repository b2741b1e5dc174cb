import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

export type Column<R> = {
  key: string;
  header: string;
  /** CSS grid track, e.g. "2fr" or "120px". */
  width?: string;
  render: (row: R) => ReactNode;
};

/**
 * A list that stays smooth with tens of thousands of rows: only the visible rows are in the DOM.
 * Arrow keys move the selection and Enter opens it, so the lists work without a mouse.
 */
export function VirtualTable<R>({
  rows,
  columns,
  rowKey,
  onOpen,
  rowHeight = 44,
  height = 'calc(100vh - 250px)',
  emptyText,
  label,
  rowClassName,
}: {
  rows: readonly R[];
  columns: Column<R>[];
  rowKey: (row: R) => string;
  onOpen?: (row: R) => void;
  rowHeight?: number;
  height?: string;
  emptyText: string;
  label: string;
  rowClassName?: (row: R) => string;
}) {
  const parentRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const template = columns.map((c) => c.width ?? '1fr').join(' ');

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      setActive(next);
      virtualizer.scrollToIndex(next);
    } else if (e.key === 'Enter' && onOpen) {
      const row = rows[active];
      if (row) onOpen(row);
    }
  };

  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rows.length}>
      <div className="vtable__head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className="vtable__cell">
            {c.header}
          </div>
        ))}
      </div>
      {rows.length === 0 ? (
        <div className="vtable__empty">{emptyText}</div>
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: the scroll area takes focus for arrow-key navigation
        <div ref={parentRef} className="vtable__body" style={{ maxHeight: height }} onKeyDown={onKeyDown}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index] as R;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled on the scroll container
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={item.index + 1}
                  data-testid="vtable-row"
                  className={`vtable__row ${item.index === active ? 'vtable__row--active' : ''} ${
                    onOpen ? 'vtable__row--link' : ''
                  } ${rowClassName?.(row) ?? ''}`}
                  style={{
                    gridTemplateColumns: template,
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                  }}
                  onClick={() => {
                    setActive(item.index);
                    onOpen?.(row);
                  }}
                >
                  {columns.map((c) => (
                    <div key={c.key} role="cell" className="vtable__cell">
                      {c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
