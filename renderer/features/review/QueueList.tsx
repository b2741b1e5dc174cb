import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT';
import type { QueueRow } from '../../review/queue';
import { ReviewBadge } from './ReviewBadge';

const ROW_HEIGHT = 62;

/**
 * The queue as a virtualised list box: only visible rows are in the DOM, the selected row is kept in
 * view as j/k move through it, and a click selects. The selection lives in the page (the URL), so the
 * side panel and the keys agree on it.
 */
export function QueueList({
  rows,
  selectedIndex,
  onSelect,
  emptyText,
}: {
  rows: readonly QueueRow[];
  selectedIndex: number;
  onSelect: (row: QueueRow) => void;
  emptyText: string;
}) {
  const t = useT();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (rows.length === 0) return <div className="review-queue__empty">{emptyText}</div>;
  const selected = rows[selectedIndex];
  return (
    <div
      ref={parentRef}
      className="review-queue__list"
      role="listbox"
      tabIndex={0}
      aria-label={t('review.queue.label')}
      aria-activedescendant={selected ? `queue-${selected.id}` : undefined}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as QueueRow;
          const on = item.index === selectedIndex;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: j/k and the arrow keys are handled for the whole page
            <div
              key={row.id}
              id={`queue-${row.id}`}
              role="option"
              aria-selected={on}
              data-testid="queue-row"
              className={`review-queue__row ${on ? 'review-queue__row--on' : ''}`}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              onClick={() => onSelect(row)}
            >
              <div className="review-queue__line">
                <span className="review-queue__kind">
                  {t(row.table === 'visits' ? 'review.kind.visit' : 'review.kind.agreement')}
                </span>
                <span className="review-queue__title" title={row.title}>
                  {row.title}
                </span>
                <ReviewBadge state={row.state} />
              </div>
              <div className="review-queue__line muted">
                <span>{row.date}</span>
                <span className="review-queue__detail" title={row.detail}>
                  {row.detail}
                </span>
                {row.comments > 0 ? (
                  <span className="review-queue__comments">
                    {t('review.queue.comments', { count: row.comments })}
                  </span>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
