import { afterEach, describe, expect, it } from 'vitest';
import { createTripBackup } from '../../renderer/backup/exportBackup';
import { importTripBackup } from '../../renderer/backup/importBackup';
import type { AppDatabase } from '../../renderer/db/database';
import { serializeBackup } from '../../shared/backup/format';
import { buildTrip, idsOf, rowsOf } from '../unit/backup/fixtures';
import { type Device, SyncWorld } from './syncWorld';

/**
 * A backup against the real server: restoring it on a new device uploads what the server lacks and
 * changes nothing the server already has (no refusals, no conflicts, the same records everywhere).
 */
let world: SyncWorld;
afterEach(async () => {
  await world?.dispose();
});

async function sync(device: Device) {
  await device.engine.syncNow();
  await device.engine.whenIdle();
}

async function conflictRows(username: string, tripId: string): Promise<unknown[]> {
  const answer = await world.api(username, 'GET', `/trips/${tripId}/conflicts`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { conflicts: unknown[] }).conflicts;
}

async function mustImport(db: AppDatabase, text: string) {
  const result = await importTripBackup(db, text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.summary;
}

describe('restoring a backup on a syncing device', () => {
  it('a replaced laptop restored from its backup: every replayed write is accepted, no conflicts, same records', async () => {
    world = new SyncWorld();
    await world.start([{ username: 'organiser', role: 'organiser' }]);
    const laptop = world.addDevice('laptop', 'organiser');
    const built = await buildTrip(laptop.db, undefined, { conflictRecord: false });
    await sync(laptop);
    expect(await laptop.db.outbox.count()).toBe(0);
    expect(await laptop.db.quarantine.count()).toBe(0);
    const backup = await createTripBackup(laptop.db, built.trip.id, new Date().toISOString());

    // The laptop is replaced: the new one is restored from the file, then signs in and syncs.
    const replacement = world.addDevice('replacement', 'organiser');
    const summary = await mustImport(replacement.db, serializeBackup(backup));
    expect(summary.total.updated + summary.total.unchanged).toBe(0);
    expect(await replacement.db.outbox.count()).toBeGreaterThan(0);
    await sync(replacement);
    expect(await replacement.db.quarantine.toArray()).toEqual([]);
    expect(await replacement.db.outbox.count()).toBe(0);
    expect(await conflictRows('organiser', built.trip.id)).toEqual([]);

    // Nothing changed on the server: the laptop pulls no different value.
    await sync(laptop);
    const ids = idsOf(backup.tables);
    expect(await rowsOf(replacement.db, ids)).toEqual(await rowsOf(laptop.db, ids));
  });

  it('uploads a trip the server never received, exactly as it was recorded', async () => {
    world = new SyncWorld();
    await world.start([{ username: 'organiser', role: 'organiser' }]);
    // Recorded offline and backed up, then the laptop was lost before it ever synced.
    const lost = world.addDevice('lost', 'organiser');
    const built = await buildTrip(lost.db, undefined, { conflictRecord: false });
    const backup = await createTripBackup(lost.db, built.trip.id, new Date().toISOString());

    const restored = world.addDevice('restored', 'organiser');
    await mustImport(restored.db, serializeBackup(backup));
    await sync(restored);
    expect(await restored.db.quarantine.toArray()).toEqual([]);
    expect(await restored.db.outbox.count()).toBe(0);

    // A third device pulls the trip from the server: field for field and stamp for stamp as recorded.
    const colleague = world.addDevice('colleague', 'organiser');
    await sync(colleague);
    const ids = idsOf(backup.tables);
    expect(await rowsOf(colleague.db, ids)).toEqual(await rowsOf(lost.db, ids));
    expect(await conflictRows('organiser', built.trip.id)).toEqual([]);
  });

  // The server acknowledges an exact replay (every stamp equal to the stored one) before the rules of
  // particular records, so an expert's restored device does not get the organiser's lock, merge trail or
  // directory removals refused.
  it('an expert restoring a trip uploads without refusals', async () => {
    world = new SyncWorld();
    await world.start([
      { username: 'organiser', role: 'organiser' },
      { username: 'expert', role: 'expert' },
    ]);
    const laptop = world.addDevice('laptop', 'organiser');
    const built = await buildTrip(laptop.db, undefined, { conflictRecord: false });
    await sync(laptop);
    const expertId = world.accounts.get('expert')?.id;
    const granted = await world.api('organiser', 'POST', `/trips/${built.trip.id}/members`, {
      userId: expertId,
      role: 'member',
    });
    expect(granted.status).toBe(200);
    const backup = await createTripBackup(laptop.db, built.trip.id, new Date().toISOString());

    const restored = world.addDevice('expert-laptop', 'expert');
    await mustImport(restored.db, serializeBackup(backup));
    await sync(restored);
    expect((await restored.db.quarantine.toArray()).map((q) => [q.table, q.reason])).toEqual([]);
  });
});
