// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { useRollup } from '../../../renderer/report/useRollup';
import { useTripReport } from '../../../renderer/report/useTripReport';

beforeEach(() => {
  setDb(new AppDatabase(`test-${crypto.randomUUID()}`));
});

async function tripWithVisit() {
  const trip = await createRecord('trips', {
    title: '走进眉山',
    region: '四川省眉山市',
    startDate: '2023-05-10',
    endDate: '2023-05-11',
  });
  const host = await createRecord('hosts', { name: '眉山某企业' });
  const expert = await createRecord('experts', { name: '丁显平', affiliation: '四川大学' });
  await createRecord('tripMembers', { tripId: trip.id, expertId: expert.id });
  const visit = await createRecord('visits', {
    tripId: trip.id,
    hostId: host.id,
    date: '2023-05-10',
    expertIds: [expert.id],
    activities: [{ type: 'lecture', count: 3 }],
  });
  return { trip, host, expert, visit };
}

describe('useTripReport', () => {
  it('is undefined while loading, then the report, recomputed when a record changes', async () => {
    const { trip, host, expert, visit } = await tripWithVisit();
    const { result } = renderHook(() => useTripReport(trip.id));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.figures.activities.lecture).toBe(3));
    expect(result.current?.trip.days).toBe(2);

    await createRecord('visits', {
      tripId: trip.id,
      hostId: host.id,
      date: '2023-05-11',
      expertIds: [expert.id],
      activities: [{ type: 'seminar', count: 2 }],
    });
    await waitFor(() => expect(result.current?.figures.visits).toBe(2));
    expect(result.current?.figures.activities.seminar).toBe(2);

    // Rejecting a visit takes it out of the report at once.
    await updateRecord('visits', visit.id, { reviewState: 'rejected' });
    await waitFor(() => expect(result.current?.excluded.rejectedVisits).toBe(1));
    expect(result.current?.figures.activities.lecture).toBe(0);

    // A directory edit (the host's name) shows too.
    await updateRecord('hosts', host.id, { name: '眉山某某股份有限公司' });
    await waitFor(() => expect(result.current?.hosts[0]?.name).toBe('眉山某某股份有限公司'));
  });

  it('is null for a trip that is not on the device', async () => {
    const { result } = renderHook(() => useTripReport(crypto.randomUUID()));
    await waitFor(() => expect(result.current).toBeNull());
  });
});

describe('useRollup', () => {
  it('totals the matching trips on the device, live', async () => {
    await tripWithVisit();
    const { result, rerender } = renderHook(({ region }) => useRollup({ from: '', to: '', region }), {
      initialProps: { region: '' },
    });
    await waitFor(() => expect(result.current?.trips).toHaveLength(1));
    expect(result.current?.activities.lecture).toBe(3);
    expect(result.current?.institutions).toBe(1);

    await tripWithVisit();
    await waitFor(() => expect(result.current?.activities.lecture).toBe(6));
    expect(result.current?.trips).toHaveLength(2);
    // Two trips with two different 丁显平 records (two directory entries): counted by id.
    expect(result.current?.experts).toBe(2);
    expect(result.current?.institutions).toBe(1);

    rerender({ region: '重庆' });
    await waitFor(() => expect(result.current?.trips).toHaveLength(0));
    expect(result.current?.visits).toBe(0);
  });
});
