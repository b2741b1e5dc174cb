import { describe, expect, it } from 'vitest';
import type { Stored } from '../../../renderer/db/types';
import {
  addDays,
  addMonths,
  CADENCE,
  daysBetween,
  filterFollowUps,
  noFollowUpFilters,
  overdueDays,
} from '../../../renderer/features/followUps/followUpLogic';

const f = (id: string, dueDate: string, status: Stored<'followUps'>['status']) =>
  ({ id, dueDate, status, action: id, owner: '', notes: '' }) as Stored<'followUps'>;

describe('follow-up dates', () => {
  it('counts whole days and only for unfinished items', () => {
    expect(daysBetween('2025-06-25', '2025-07-02')).toBe(7);
    expect(overdueDays({ dueDate: '2025-06-20', status: 'planned' }, '2025-06-25')).toBe(5);
    expect(overdueDays({ dueDate: '2025-06-20', status: 'in_progress' }, '2025-06-25')).toBe(5);
    expect(overdueDays({ dueDate: '2025-06-20', status: 'done' }, '2025-06-25')).toBe(0);
    expect(overdueDays({ dueDate: '2025-06-25', status: 'planned' }, '2025-06-25')).toBe(0);
  });

  it('adds calendar months, keeping to the end of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addDays('2025-12-29', 7)).toBe('2026-01-05');
  });

  it('schedules the 1346 cadence a week, a month, a quarter, half a year and a year ahead', () => {
    expect(CADENCE.map((c) => c.due('2025-06-25'))).toEqual([
      '2025-07-02',
      '2025-07-25',
      '2025-09-25',
      '2025-12-25',
      '2026-06-25',
    ]);
  });

  it('sorts the most overdue first, then open items by due date, finished ones last', () => {
    const rows = [
      f('later', '2025-08-01', 'planned'),
      f('done-late', '2025-06-01', 'done'),
      f('late-2', '2025-06-23', 'planned'),
      f('late-10', '2025-06-15', 'in_progress'),
      f('soon', '2025-06-26', 'planned'),
    ];
    const today = '2025-06-25';
    expect(filterFollowUps(rows, noFollowUpFilters, today, () => '').map((r) => r.id)).toEqual([
      'late-10',
      'late-2',
      'soon',
      'later',
      'done-late',
    ]);
    const onlyOverdue = { ...noFollowUpFilters, overdueOnly: true };
    expect(filterFollowUps(rows, onlyOverdue, today, () => '').map((r) => r.id)).toEqual([
      'late-10',
      'late-2',
    ]);
    const byDate = { ...noFollowUpFilters, overdueFirst: false };
    expect(filterFollowUps(rows, byDate, today, () => '')[0]?.id).toBe('done-late');
  });
});
