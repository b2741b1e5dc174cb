import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { reviewStates } from '../../../shared/enums';
import type { MessageKey } from '../../../shared/i18n';
import { FilterBar } from '../../components/layout';
import { SegmentButton, Segmented } from '../../components/Segmented';
import { useLabel, useT } from '../../i18n/useT';
import {
  countByState,
  filterQueue,
  isQueueState,
  type QueueKind,
  type QueueRow,
  type QueueStateFilter,
} from '../../review/queue';
import { REVIEW_ORDER } from '../../review/transitions';
import { useQueueKeys } from '../../review/useQueueKeys';
import { QueueList } from './QueueList';
import { ReviewSide } from './ReviewSide';

const KINDS = [
  { id: 'all', label: 'filter.all' },
  { id: 'visits', label: 'review.kind.visits' },
  { id: 'agreements', label: 'review.kind.agreements' },
] as const satisfies readonly { id: QueueKind; label: MessageKey }[];

/** The queue's filters and selection live in the URL: links can open a record, Back undoes a step. */
function useQueueParams() {
  const [params, setParams] = useSearchParams();
  const rawState = params.get('state');
  const state: QueueStateFilter = isQueueState(rawState) ? rawState : 'submitted';
  const rawKind = params.get('kind');
  const kind: QueueKind = rawKind === 'visits' || rawKind === 'agreements' ? rawKind : 'all';
  const open = params.get('open');
  const set = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { state, kind, open, set };
}

/** The review tab: filters, the queue, and the selected record's side panel. */
export function ReviewQueue({ tripId, rows }: { tripId: string; rows: readonly QueueRow[] }) {
  const t = useT();
  const label = useLabel();
  const { state, kind, open, set } = useQueueParams();
  const ofKind = filterQueue(rows, { state: 'all', kind });
  const counts = countByState(ofKind);
  const shown = filterQueue(ofKind, { state, kind: 'all' });
  const ids = shown.map((r) => r.id);
  const select = useCallback((id: string) => set({ open: id }), [set]);
  const index = useQueueKeys({ ids, selectedId: open, select, listKey: `${state}:${kind}` });
  const selected = rows.find((r) => r.id === open);

  return (
    <div className="review-queue">
      <FilterBar>
        <Segmented label={t('review.queue.stateFilter')}>
          {REVIEW_ORDER.map((s) => (
            <SegmentButton
              key={s}
              on={state === s}
              testId={`queue-state-${s}`}
              onClick={() => set({ state: s })}
            >
              {label(reviewStates, s)} <span className="num">{counts[s]}</span>
            </SegmentButton>
          ))}
          <SegmentButton on={state === 'all'} testId="queue-state-all" onClick={() => set({ state: 'all' })}>
            {t('filter.all')} <span className="num">{ofKind.length}</span>
          </SegmentButton>
        </Segmented>
        <Segmented label={t('review.queue.kindFilter')}>
          {KINDS.map((k) => (
            <SegmentButton
              key={k.id}
              on={kind === k.id}
              onClick={() => set({ kind: k.id === 'all' ? null : k.id })}
            >
              {t(k.label)}
            </SegmentButton>
          ))}
        </Segmented>
      </FilterBar>
      <div className="review-queue__split">
        <div className="review-queue__column">
          <div className="list-note">{t('review.queue.shown', { shown: shown.length })}</div>
          <QueueList
            rows={shown}
            selectedIndex={index}
            onSelect={(row) => select(row.id)}
            emptyText={state === 'submitted' ? t('review.queue.noneSubmitted') : t('review.queue.noMatch')}
          />
        </div>
        {selected ? (
          <ReviewSide tripId={tripId} table={selected.table} id={selected.id} title={selected.title} />
        ) : (
          <div className="review-side review-side--empty muted">{t('review.side.choose')}</div>
        )}
      </div>
    </div>
  );
}
