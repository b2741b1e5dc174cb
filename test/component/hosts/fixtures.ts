import { createRecord } from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { useSettings } from '../../../renderer/state/settings';
import { completeCreditCode } from '../../../shared/creditCode';
import { newId } from '../../../shared/ids';

/** A fresh database per test, in Chinese (the app's first language). */
export function freshDb(): AppDatabase {
  const db = new AppDatabase(`test-${newId()}`);
  setDb(db);
  useSettings.setState({ lang: 'zh-CN' });
  return db;
}

export async function seedTrip() {
  const trip = await createRecord('trips', {
    title: '2025年成渝地区双城经济圈专家团走进璧山',
    region: '重庆市璧山区',
    startDate: '2025-06-23',
    endDate: '2025-06-25',
  });
  const expert = await createRecord('experts', {
    name: '李工',
    title: '正高级工程师',
    affiliation: '四川大学',
  });
  await createRecord('tripMembers', { tripId: trip.id, expertId: expert.id, role: 'group_leader' });
  return { trip, expert };
}

/** Valid credit codes built from a 17-character body (the 18th is the check character). */
export const code = (body17: string) => completeCreditCode(body17);

export async function seedHost(name: string, creditCode = '') {
  return createRecord('hosts', { name, creditCode, district: '璧山区', industry: '制造业' });
}

export async function seedVisit(tripId: string, hostId: string, expertId: string, date: string) {
  return createRecord('visits', {
    tripId,
    hostId,
    date,
    expertIds: [expertId],
    activities: [{ type: 'site_research', count: 1 }],
  });
}
