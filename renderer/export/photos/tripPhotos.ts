import type { AppDatabase } from '../../db/database';
import type { Stored } from '../../db/types';

/**
 * The photos of a trip that a report can show: live photo attachments of live visits, with the host
 * and date of their visit, in the order the picker and the report list them (date, host, time taken).
 * Scans and signatures belong to agreements and are not "site photos".
 */
export type TripPhoto = {
  id: string;
  hash: string;
  type: string;
  caption: string;
  width: number;
  height: number;
  takenAt: string;
  visitId: string;
  hostId: string;
  hostName: string;
  date: string;
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function listTripPhotos(db: AppDatabase, tripId: string): Promise<TripPhoto[]> {
  return db.transaction('r', [db.attachments, db.visits, db.hosts], async () => {
    const attachments = (await db.attachments.where('tripId').equals(tripId).toArray()).filter(
      (a) => a._deleted === 0 && a.kind === 'photo' && a.recordTable === 'visits',
    );
    const visitIds = [...new Set(attachments.map((a) => a.recordId))];
    const visits = new Map<string, Stored<'visits'>>();
    for (const visit of await db.visits.bulkGet(visitIds)) {
      if (visit && visit._deleted === 0) visits.set(visit.id, visit);
    }
    const hostIds = [...new Set([...visits.values()].map((v) => v.hostId))];
    const hosts = new Map<string, string>();
    for (const host of await db.hosts.bulkGet(hostIds)) if (host) hosts.set(host.id, host.name);
    const photos: TripPhoto[] = [];
    for (const a of attachments) {
      const visit = visits.get(a.recordId);
      if (!visit) continue;
      photos.push({
        id: a.id,
        hash: a.hash,
        type: a.type,
        caption: a.caption,
        width: a.width,
        height: a.height,
        takenAt: a.takenAt,
        visitId: visit.id,
        hostId: visit.hostId,
        hostName: hosts.get(visit.hostId) ?? '',
        date: visit.date,
      });
    }
    return photos.sort(
      (a, b) =>
        compare(a.date, b.date) ||
        a.hostName.localeCompare(b.hostName, 'zh-Hans-CN') ||
        compare(a.visitId, b.visitId) ||
        compare(a.takenAt, b.takenAt) ||
        compare(a.id, b.id),
    );
  });
}
