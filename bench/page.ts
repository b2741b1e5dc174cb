import { getClock } from '../renderer/data/clock';
import { createRecord } from '../renderer/data/repository';
import { drainSearchQueue } from '../renderer/data/searchQueue';
import { AppDatabase } from '../renderer/db/database';
import { runSyncCycle } from '../renderer/sync/cycle';
import { SyncEngine } from '../renderer/sync/engine';
import { stateToRow } from '../renderer/sync/localRows';
import { pushOutbox } from '../renderer/sync/push';
import { createHttpTransport } from '../renderer/sync/transport';
import { newId } from '../shared/ids';
import { PROTOCOL_VERSION } from '../shared/sync/protocol';

/**
 * Runs inside Chromium: every figure is measured on the device's real IndexedDB with the real engine.
 * The Node driver (scripts/bench-sync.ts) calls these through page.evaluate and prints the results.
 */
const PULL_LIMIT = 2000;

function transport(url: string, token: string) {
  return createHttpTransport({ baseUrl: url, getToken: () => token, timeoutMs: 120_000 });
}

/** The device's ceiling: Dexie bulkPut of exactly the rows a full pull produces, in pages of the same size. */
async function ceiling(
  url: string,
  token: string,
): Promise<{ ms: number; records: number; fetchMs: number }> {
  const t = transport(url, token);
  const fetchStart = performance.now();
  const pages: Record<string, unknown>[][] = [];
  let cursors: Record<string, number> = {};
  for (;;) {
    const page = await t.pull({ protocolVersion: PROTOCOL_VERSION, cursors, limit: PULL_LIMIT });
    pages.push(page.changes.map((c) => stateToRow(c.recordId, { data: c.data, stamps: c.stamps })));
    cursors = page.cursors;
    if (!page.hasMore) break;
  }
  const fetchMs = performance.now() - fetchStart;
  const db = new AppDatabase(`bench-ceiling-${newId()}`);
  await db.open();
  const start = performance.now();
  for (const rows of pages) await db.hosts.bulkPut(rows as never);
  const ms = performance.now() - start;
  const records = await db.hosts.count();
  await db.delete();
  return { ms, records, fetchMs };
}

/** A fresh device pulling everything through the real sync cycle (network and server included). */
async function freshPull(
  url: string,
  token: string,
): Promise<{ ms: number; records: number; pages: number }> {
  const db = new AppDatabase(`bench-pull-${newId()}`);
  await db.open();
  const start = performance.now();
  const result = await runSyncCycle({
    db,
    transport: transport(url, token),
    pullLimit: PULL_LIMIT,
    maxPullPages: 10_000,
  });
  const ms = performance.now() - start;
  const records = await db.hosts.count();
  await db.delete();
  return { ms, records, pages: result.pages };
}

/** Records made offline, then one sync pushing them all. */
async function offlinePush(url: string, token: string, n: number) {
  const db = new AppDatabase(`bench-push-${newId()}`);
  await db.open();
  const makeStart = performance.now();
  await db.transaction(
    'rw',
    [db.hosts, db.outbox, db.meta, db.search, db.visits, db.problems, db.agreements],
    async () => {
      for (let i = 0; i < n; i++)
        await createRecord('hosts', { name: `离线新增单位${i}号有限公司`, district: '璧山区' }, db);
    },
  );
  const makeMs = performance.now() - makeStart;
  // Push only: this device's pull of everything else is measured above.
  const clock = await getClock(db);
  const start = performance.now();
  const result = await pushOutbox(db, transport(url, token), clock.node);
  const ms = performance.now() - start;
  const left = await db.outbox.count();
  await db.delete();
  return { ms, makeMs, pushed: result.applied, left };
}

/** One change on device A until it is in device B's database, B listening to the server's events. */
async function roundTrip(url: string, tokenA: string, tokenB: string, n: number): Promise<number[]> {
  const a = new AppDatabase(`bench-rt-a-${newId()}`);
  const b = new AppDatabase(`bench-rt-b-${newId()}`);
  const engineA = new SyncEngine({
    db: a,
    transport: transport(url, tokenA),
    listenForEvents: false,
    debounceMs: 0,
  });
  const engineB = new SyncEngine({
    db: b,
    transport: transport(url, tokenB),
    listenForEvents: true,
    debounceMs: 0,
  });
  await engineA.syncNow();
  await engineB.syncNow();
  // Both devices finish indexing what they pulled, so the round trips measure sync alone.
  await Promise.all([drainSearchQueue(a), drainSearchQueue(b)]);
  engineB.start();
  await new Promise((r) => setTimeout(r, 500));
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const host = await createRecord('hosts', { name: `往返测试${i}` }, a);
    await engineA.syncNow();
    for (;;) {
      if (await b.hosts.get(host.id)) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    times.push(performance.now() - start);
  }
  await engineB.stop();
  await engineA.stop();
  await a.delete();
  await b.delete();
  return times;
}

Object.assign(window, { bench: { ceiling, freshPull, offlinePush, roundTrip } });
document.title = 'ready';
