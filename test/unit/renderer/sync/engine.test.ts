import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, getRecord } from '../../../../renderer/data/repository';
import type { AppDatabase } from '../../../../renderer/db/database';
import { type EngineStatus, SyncEngine, type SyncEngineOptions } from '../../../../renderer/sync/engine';
import { SyncError } from '../../../../renderer/sync/errors';
import { FakeSyncServer } from './fakeServer';
import { freshDevice, ManualOnline, ManualTimers, settle, tripInput } from './helpers';

let server: FakeSyncServer;
let db: AppDatabase;
let timers: ManualTimers;
let online: ManualOnline;
let engines: SyncEngine[];
let base: number;
/** One time for the engine and the server, moved by the manual timers. */
const now = () => base + timers.now;
beforeEach(() => {
  base = Date.now();
  server = new FakeSyncServer();
  server.now = now;
  db = freshDevice();
  timers = new ManualTimers();
  online = new ManualOnline(true);
  engines = [];
});
afterEach(async () => {
  for (const e of engines) await e.stop();
});

function engine(options: Partial<SyncEngineOptions> = {}): SyncEngine {
  const e = new SyncEngine({
    db,
    transport: server.transport(),
    timers,
    online,
    random: () => 0.5,
    now,
    ...options,
  });
  engines.push(e);
  return e;
}

/** Fires the timers due within `ms`, then waits until the engine has nothing running. */
async function advance(e: SyncEngine, ms: number) {
  timers.advance(ms);
  await e.whenIdle();
}

describe('sync engine triggers', () => {
  it('syncs at start, then after local changes once they pause for the debounce time', async () => {
    const e = engine();
    e.start();
    await e.whenIdle();
    expect(server.calls.pull).toBe(1);
    await createRecord('trips', tripInput('一'), db);
    await createRecord('trips', tripInput('二'), db);
    await settle();
    expect(server.calls.pull).toBe(1);
    await advance(e, 399);
    expect(server.calls.pull).toBe(1);
    await advance(e, 1);
    expect(server.calls).toEqual({ push: 1, pull: 2 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('syncs on a timer when nothing happens', async () => {
    const e = engine({ intervalMs: 30_000 });
    e.start();
    await e.whenIdle();
    await advance(e, 29_999);
    expect(server.calls.pull).toBe(1);
    await advance(e, 1);
    expect(server.calls.pull).toBe(2);
  });

  it('waits while offline and syncs when the network comes back', async () => {
    online.set(false);
    await createRecord('trips', tripInput(), db);
    const e = engine();
    e.start();
    await e.whenIdle();
    await advance(e, 60_000);
    expect(server.calls.pull).toBe(0);
    expect(e.state.online).toBe(false);
    online.set(true);
    await e.whenIdle();
    expect(server.calls.pull).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(e.state.online).toBe(true);
  });

  it('syncs when the server announces new changes', async () => {
    const other = freshDevice('other');
    const e = engine({ transport: server.transport({ events: true }) });
    e.start();
    await e.whenIdle();
    expect(server.connections).toBe(1);
    const pullsBefore = server.calls.pull;
    const trip = await createRecord('trips', tripInput('另一台设备的活动'), other);
    const otherEngine = new SyncEngine({ db: other, transport: server.transport(), timers, online });
    await otherEngine.syncNow();
    await advance(e, 400);
    expect(server.calls.pull).toBeGreaterThan(pullsBefore + 1);
    expect((await getRecord('trips', trip.id, db))?.title).toBe('另一台设备的活动');
    await e.stop();
    expect(server.connections).toBe(0);
  });
});

describe('single flight', () => {
  it('two triggers during a cycle cause exactly one follow-up', async () => {
    const e = engine();
    const release = server.hold();
    e.start();
    await settle();
    expect(e.state.syncing).toBe(true);
    e.request('change');
    e.request('timer');
    e.request('event');
    release();
    await e.whenIdle();
    expect(server.calls.pull).toBe(2);
  });

  it('syncNow during a cycle resolves with the follow-up, which sees later changes', async () => {
    const e = engine();
    const release = server.hold();
    e.start();
    await settle();
    await createRecord('trips', tripInput(), db);
    const later = e.syncNow();
    release();
    const result = await later;
    expect(result.pushed).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('can be stopped mid-cycle and started again', async () => {
    const e = engine();
    const release = server.hold();
    e.start();
    await settle();
    const stopped = e.stop();
    release();
    await stopped;
    expect(e.state.started).toBe(false);
    await createRecord('trips', tripInput(), db);
    await advance(e, 1_000);
    expect(await db.outbox.count()).toBe(1);
    e.start();
    await e.whenIdle();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('backoff', () => {
  it('grows after each failure, ignores local changes meanwhile, and resets after a success', async () => {
    const statuses: EngineStatus[] = [];
    const e = engine({ onStatus: (s) => statuses.push(s) });
    for (let i = 0; i < 3; i++) server.failNext('pull');
    e.start();
    await e.whenIdle();
    expect(timers.pendingDelays()).toEqual([750]);
    expect(e.state).toMatchObject({ lastError: 'network', online: false, nextRetryAt: base + 750 });
    await advance(e, 750);
    expect(timers.pendingDelays()).toEqual([1_500]);
    // A local change does not jump the queue of an unreachable server.
    await createRecord('trips', tripInput(), db);
    await advance(e, 400);
    expect(server.calls.pull).toBe(2);
    await advance(e, 1_100);
    expect(server.calls.pull).toBe(3);
    expect(timers.pendingDelays()).toEqual([3_000]);
    await advance(e, 3_000);
    expect(e.failureCount).toBe(0);
    expect(e.state).toMatchObject({ lastError: null, online: true, nextRetryAt: null });
    expect(await db.outbox.count()).toBe(0);
    expect(timers.pendingDelays()).toEqual([30_000]);
    server.failNext('pull');
    await advance(e, 30_000);
    expect(timers.pendingDelays()).toEqual([750]);
    expect(statuses.some((s) => s.syncing)).toBe(true);
  });

  it('is capped, and a returning network skips the wait', async () => {
    const e = engine({ backoffCapMs: 60_000 });
    for (let i = 0; i < 12; i++) server.failNext('pull', new SyncError('server', 'boom', 503));
    e.start();
    await e.whenIdle();
    for (let i = 0; i < 9; i++) await advance(e, 60_000);
    expect(timers.pendingDelays()).toEqual([45_000]);
    server.calls.pull = 0;
    online.set(true);
    await e.whenIdle();
    expect(server.calls.pull).toBe(1);
  });

  it('stops automatic attempts when the server wants a new sign-in', async () => {
    const onUnauthorized = vi.fn();
    const e = engine({ onUnauthorized });
    server.failNext('pull', new SyncError('unauthorized', 'token expired', 401));
    e.start();
    await e.whenIdle();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(e.state.lastError).toBe('unauthorized');
    expect(timers.pendingDelays()).toEqual([]);
    await createRecord('trips', tripInput(), db);
    await advance(e, 60_000);
    expect(server.calls.pull).toBe(1);
  });

  it('stops automatic attempts when the app is too old for the server', async () => {
    const e = engine();
    server.failNext('pull', new SyncError('outdated', 'update', 426, 'protocol_too_old'));
    e.start();
    await e.whenIdle();
    expect(e.state.lastError).toBe('outdated');
    await advance(e, 120_000);
    expect(server.calls.pull).toBe(1);
  });
});
