import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { SYNC_META } from '../../../renderer/sync/syncMeta';
import { newId } from '../../../shared/ids';

/** A trip with one expert on the team and a host, as the review screens need. */
export async function seedReviewTrip() {
  const trip = await createRecord('trips', {
    title: '2025年成渝地区双城经济圈专家团走进璧山',
    region: '重庆市璧山区',
    startDate: '2025-06-23',
    endDate: '2025-06-25',
  });
  const expert = await createRecord('experts', { name: '陈绍成', title: '二级教授' });
  await createRecord('tripMembers', { tripId: trip.id, expertId: expert.id, role: 'expert' });
  const host = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
  return { trip, expert, host };
}

export async function seedReviewVisit(
  tripId: string,
  hostId: string,
  expertId: string,
  date: string,
  reviewState: 'draft' | 'submitted' | 'has_issues' | 'approved' | 'rejected' = 'draft',
) {
  return createRecord('visits', {
    tripId,
    hostId,
    date,
    expertIds: [expertId],
    activities: [{ type: 'technical_guidance', count: 1, topic: '饮片炮制' }],
    notes: '现场查看饮片炮制车间',
    reviewState,
  });
}

/** Signs this device in as an account of `role` (what session.ts stores), or out with null. */
export async function signInAs(db: AppDatabase, role: 'organiser' | 'expert' | null, displayName = '') {
  if (role === null) {
    await db.meta.delete(SYNC_META.user);
    return;
  }
  await db.meta.put({
    key: SYNC_META.user,
    value: { id: newId(), username: `${role}1`, displayName, role },
  });
}
