import { afterEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../renderer/data/repository';
import { groupQuarantine, retryQuarantined } from '../../renderer/sync/quarantine';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, pullResponseSchema } from '../../shared/sync/protocol';
import { SyncWorld } from './syncWorld';

/**
 * The trip lock end to end: real sync engines (each device its own IndexedDB) against the real
 * server. A change refused because the trip is locked waits in the expert's quarantine with reason
 * 'locked'; after the organiser unlocks, the expert's retry from the sync page is applied everywhere.
 */
let world: SyncWorld | null = null;
afterEach(async () => {
  await world?.dispose();
  world = null;
});

/** The server's stored state of one record, read through pull as the given account. */
async function onServer(w: SyncWorld, username: string, recordId: string) {
  const token = w.accounts.get(username)?.token;
  const res = await fetch(`${w.server?.url}/sync/pull`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    },
    body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, cursors: {}, limit: 2000 }),
  });
  const page = pullResponseSchema.parse(await res.json());
  return page.changes.find((c) => c.recordId === recordId)?.data;
}

describe('trip lock with the real engine and server', () => {
  it("keeps an expert's change to a locked trip in quarantine, and applies its retry after unlocking", async () => {
    const w = new SyncWorld();
    world = w;
    await w.start([
      { username: 'org', role: 'organiser' },
      { username: 'exp', role: 'expert' },
    ]);
    const org = w.addDevice('organiser', 'org');
    const exp = w.addDevice('expert', 'exp');

    const trip = await createRecord(
      'trips',
      { title: '专家行走进眉山', region: '眉山', startDate: '2025-05-10', endDate: '2025-05-12' },
      org.db,
    );
    const host = await createRecord('hosts', { name: '眉山某农业公司' }, org.db);
    const visit = await createRecord(
      'visits',
      {
        tripId: trip.id,
        hostId: host.id,
        date: '2025-05-11',
        expertIds: [host.id],
        activities: [{ type: 'technical_guidance', count: 1, topic: '' }],
        notes: '现场指导',
      },
      org.db,
    );
    await org.engine.syncNow();
    const grant = await w.api('org', 'POST', `/trips/${trip.id}/members`, {
      userId: w.accounts.get('exp')?.id,
      role: 'member',
    });
    expect(grant.status).toBeLessThan(300);
    await exp.engine.syncNow();
    expect((await exp.db.visits.get(visit.id))?.notes).toBe('现场指导');

    // The organiser finalises the trip.
    await updateRecord('trips', trip.id, { locked: true }, org.db);
    await org.engine.syncNow();
    await exp.engine.syncNow();
    expect((await exp.db.trips.get(trip.id))?.locked).toBe(true);

    // The expert edits a visit anyway: refused, kept in the quarantine, the server unchanged.
    await updateRecord('visits', visit.id, { notes: '补充：培训 30 人' }, exp.db);
    const refused = await exp.engine.syncNow();
    expect(refused.refused).toBe(1);
    const quarantined = await exp.db.quarantine.toArray();
    expect(quarantined).toEqual([
      expect.objectContaining({
        table: 'visits',
        recordId: visit.id,
        reason: 'locked',
        message: expect.stringMatching(/unlock the trip, then retry/),
      }),
    ]);
    expect(groupQuarantine(quarantined)[0]?.reasons).toEqual(['locked']);
    expect(await exp.db.outbox.count()).toBe(0);
    expect((await onServer(w, 'org', visit.id))?.notes).toBe('现场指导');
    await org.engine.syncNow();
    expect((await org.db.visits.get(visit.id))?.notes).toBe('现场指导');

    // The organiser unlocks; the expert retries from the sync page.
    await updateRecord('trips', trip.id, { locked: false }, org.db);
    await org.engine.syncNow();
    await exp.engine.syncNow();
    expect(await retryQuarantined(exp.db, 'visits', visit.id)).toBe('queued');
    const retried = await exp.engine.syncNow();
    expect(retried).toMatchObject({ pushed: 1, refused: 0 });
    expect(await exp.db.quarantine.count()).toBe(0);

    await org.engine.syncNow();
    expect((await onServer(w, 'org', visit.id))?.notes).toBe('补充：培训 30 人');
    expect((await org.db.visits.get(visit.id))?.notes).toBe('补充：培训 30 人');
    expect((await exp.db.visits.get(visit.id))?.notes).toBe('补充：培训 30 人');
  });
});
