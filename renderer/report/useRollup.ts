import { useLiveQuery } from 'dexie-react-hooks';
import type { Rollup, RollupFilter } from '../../shared/report';
import { todayIso } from '../data/today';
import { getDb } from '../db/database';
import { loadRollup } from './loadRollup';

/** The roll-up, live; undefined while loading. */
export function useRollup(filter: RollupFilter): Rollup | undefined {
  const today = todayIso();
  const { from, to, region } = filter;
  return useLiveQuery(() => loadRollup(getDb(), { from, to, region }, today), [from, to, region, today]);
}
