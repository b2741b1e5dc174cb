import { newId } from '../ids';
import { addDays } from './dates';
import type { ExpertKey } from './experts';
import { demoFollowUps, type FollowUpRelation } from './followUps';
import type { DemoRecord } from './types';

type Context = {
  tripId: string;
  /** Last day of the trip; due dates count from it. */
  end: string;
  today: string;
  owner: (key: ExpertKey) => string;
  resolve: (related: FollowUpRelation) => string | undefined;
};

/**
 * Follow-ups as they stand on `today`: steps already due are done, except the most recent step of the
 * cadence, which is still in progress past its due date — so the demo always shows one overdue item
 * once any step has come due. Steps not yet due are planned.
 */
export function buildFollowUps(context: Context): DemoRecord<'followUps'>[] {
  const rows = demoFollowUps.map((seed) => ({ seed, dueDate: addDays(context.end, seed.daysAfterTrip) }));
  let late: (typeof rows)[number] | undefined;
  for (const row of rows) {
    if (row.seed.cadence && row.dueDate < context.today && (!late || row.dueDate > late.dueDate)) late = row;
  }
  return rows.map((row) => {
    const { seed, dueDate } = row;
    const relatedId = context.resolve(seed.related);
    if (!relatedId) throw new Error(`Demo follow-up “${seed.action}” points at nothing`);
    const status = row === late ? 'in_progress' : dueDate < context.today ? 'done' : 'planned';
    const notes =
      status === 'in_progress'
        ? (seed.notes.late ?? '')
        : status === 'done'
          ? seed.notes.done
          : (seed.notes.planned ?? '');
    return {
      id: newId(),
      tripId: context.tripId,
      relatedType: seed.related.type,
      relatedId,
      action: seed.action,
      owner: context.owner(seed.owner),
      dueDate,
      status,
      notes,
    };
  });
}
