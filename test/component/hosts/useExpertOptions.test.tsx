// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord } from '../../../renderer/data/repository';
import { useExpertOptions } from '../../../renderer/features/hosts/useTripExperts';
import { freshDb, seedTrip } from './fixtures';

beforeEach(() => {
  freshDb();
});

describe('useExpertOptions', () => {
  it('offers the team plus chosen experts who left it, never anyone twice, not even for one render', async () => {
    const { trip, expert: li } = await seedTrip();
    const wang = await createRecord('experts', { name: '王教授', affiliation: '重庆大学' });
    const member = await createRecord('tripMembers', { tripId: trip.id, expertId: wang.id });
    const zhao = await createRecord('experts', { name: '赵医生', affiliation: '璧山区人民医院' });
    const renders: string[][] = [];
    const { result } = renderHook(() => {
      const options = useExpertOptions(trip.id, [li.id, wang.id, zhao.id]);
      renders.push(options.map((o) => o.id));
      return options;
    });
    await waitFor(() => expect(result.current.map((o) => o.label)).toEqual(['李工', '王教授', '赵医生']));
    // 王教授 leaves the team: still offered, as an outsider now chosen.
    await deleteRecord('tripMembers', member.id);
    await waitFor(() => expect(result.current.find((o) => o.id === wang.id)?.detail).toBe('重庆大学'));
    expect(result.current).toHaveLength(3);
    for (const ids of renders) expect(new Set(ids).size).toBe(ids.length);
  });
});
