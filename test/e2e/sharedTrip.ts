import { expect } from 'vitest';
import { createRecord, type RecordInput } from '../../renderer/data/repository';
import type { SyncWorld } from '../integration/syncWorld';

/**
 * The organiser's side of a shared-trip test: on their own device (the real engine over
 * fake-indexeddb) they create the 走进璧山 trip with one host, one expert on the team and one visit,
 * sync it, and give each named account access to the trip.
 */
export async function createSharedTrip(
  world: SyncWorld,
  members: readonly string[],
  visit: {
    hostName: string;
    expertName: string;
    activities: RecordInput<'visits'>['activities'];
    notes?: string;
  },
): Promise<{ tripId: string; visitId: string }> {
  const org = world.addDevice('organiser', 'organiser');
  const trip = await createRecord(
    'trips',
    { title: '走进璧山', region: '重庆市璧山区', startDate: '2025-06-23', endDate: '2025-06-25' },
    org.db,
  );
  const host = await createRecord('hosts', { name: visit.hostName }, org.db);
  const expert = await createRecord('experts', { name: visit.expertName }, org.db);
  await createRecord('tripMembers', { tripId: trip.id, expertId: expert.id, role: 'expert' }, org.db);
  const created = await createRecord(
    'visits',
    {
      tripId: trip.id,
      hostId: host.id,
      date: '2025-06-24',
      expertIds: [expert.id],
      activities: visit.activities,
      notes: visit.notes ?? '',
    },
    org.db,
  );
  await org.engine.syncNow();
  for (const name of members) {
    const res = await world.api('organiser', 'POST', `/trips/${trip.id}/members`, {
      userId: world.accounts.get(name)?.id,
      role: 'member',
    });
    expect(res.status).toBeLessThan(300);
  }
  return { tripId: trip.id, visitId: created.id };
}
