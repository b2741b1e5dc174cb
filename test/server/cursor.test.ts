import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../../server/app';
import type { Mutation } from '../../shared/sync/protocol';
import {
  Api,
  createTestDatabase,
  expertRecord,
  makeUser,
  PASSWORD,
  type RunningServer,
  STORE,
  sleep,
  startServer,
  type TestDatabase,
  TestDevice,
} from './helpers';

/**
 * Cursor safety: sequence numbers are drawn inside push transactions, and without care a transaction
 * that drew a smaller number can commit after one that drew a larger number. A reader that saw the
 * larger one and moved its cursor past it would then skip the smaller one forever.
 *
 * The push holds a transaction-level advisory lock before drawing a number, so this cannot happen. The
 * tests hold push transactions open and release them out of order while a reader pulls in a loop. On
 * PostgreSQL the pushes run on separate pool connections; on PGlite the single connection serialises
 * them anyway (the test still runs). The control test turns the lock off and shows that the same
 * scenario does make a reader miss a row — so the test can fail.
 */
let t: TestDatabase;

type Gate = { reached: Promise<void>; released: Promise<void>; arrive(): void; release(): void };

function gate(): Gate {
  let arrive = () => {};
  let release = () => {};
  const reached = new Promise<void>((r) => {
    arrive = r;
  });
  const released = new Promise<void>((r) => {
    release = r;
  });
  return { reached, released, arrive: () => arrive(), release: () => release() };
}

async function withServer<T>(
  extra: Partial<ServerOptions>,
  fn: (s: RunningServer, gates: Map<string, Gate>) => Promise<T>,
): Promise<T> {
  const gates = new Map<string, Gate>();
  const server = await startServer(t.store(), {
    ...extra,
    push: {
      ...extra.push,
      beforeCommit: async ({ mutationIds }) => {
        const g = gates.get(mutationIds[0] ?? '');
        if (!g) return;
        g.arrive();
        await g.released;
      },
    },
  });
  try {
    return await fn(server, gates);
  } finally {
    await server.close();
  }
}

/** Pulls in a loop like a device, remembering every record id it received, until stopped. */
function startReader(api: Api) {
  const seen = new Set<string>();
  let cursors: Record<string, number> = {};
  let stop = false;
  let pulls = 0;
  const once = async () => {
    const res = await api.pull(cursors, 3);
    if (res.status !== 200) throw new Error(`pull ${res.status}`);
    for (const c of res.body.changes) seen.add(c.recordId);
    cursors = res.body.cursors;
    pulls++;
    return res.body.hasMore as boolean;
  };
  const loop = (async () => {
    while (!stop) {
      await once();
      await sleep(5);
    }
  })();
  return {
    seen,
    get pulls() {
      return pulls;
    },
    /** Stops the loop, then drains whatever is left (as a device's next sync would). */
    async finish() {
      stop = true;
      await loop;
      while (await once());
    },
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'olga', 'organiser');
});

afterAll(async () => {
  await t?.close();
});

async function scenario(server: RunningServer, gates: Map<string, Gate>) {
  const olga = await new Api(server.url).login('olga', PASSWORD);
  const a = new TestDevice(olga);
  const b = new TestDevice(olga);
  const ma = a.create('experts', expertRecord({ name: 'A' }));
  const mb = b.create('experts', expertRecord({ name: 'B' }));
  const gA = gate();
  gates.set(ma.mutationId, gA);
  const reader = startReader(olga);

  // A draws its sequence number and is held open before commit.
  const pushA = olga.push(a.deviceId, [ma]);
  await gA.reached;
  // B starts while A is open; B must not commit with a number the reader could see before A's.
  const pushB = olga.push(b.deviceId, [mb]);
  const pullsBefore = reader.pulls;
  const bFinishedWhileAHeld = await Promise.race([pushB.then(() => true), sleep(400).then(() => false)]);
  const pullsWhileHeld = reader.pulls - pullsBefore;
  if (bFinishedWhileAHeld) {
    // Let the reader see B's commit before A commits (what a busy server does by chance).
    const deadline = Date.now() + 5000;
    while (!reader.seen.has(mb.recordId) && Date.now() < deadline) await sleep(5);
  }
  gA.release();
  const [resA, resB] = await Promise.all([pushA, pushB]);
  await reader.finish();
  return { ma, mb, resA, resB, reader, bFinishedWhileAHeld, pullsWhileHeld };
}

describe('cursor safety', () => {
  it('a reader never misses a row while pushes are held open and finish out of order', async () => {
    await withServer({}, async (server, gates) => {
      const { ma, mb, resA, resB, reader, bFinishedWhileAHeld, pullsWhileHeld } = await scenario(
        server,
        gates,
      );
      expect(resA.body.applied).toEqual([ma.mutationId]);
      expect(resB.body.applied).toEqual([mb.mutationId]);
      // B waited for A: it could not commit while A was open.
      expect(bFinishedWhileAHeld).toBe(false);
      // On PostgreSQL readers are not blocked by the push lock (PGlite has one connection for all).
      if (STORE === 'postgres') expect(pullsWhileHeld).toBeGreaterThan(0);
      expect(reader.seen.has(ma.recordId)).toBe(true);
      expect(reader.seen.has(mb.recordId)).toBe(true);
      const seqs = await t.db.query<{ id: string; seq: number }>(
        'select id, seq from records where id in ($1, $2)',
        [ma.recordId, mb.recordId],
      );
      const seqOf = (id: string) => Number(seqs.find((r) => r.id === id)?.seq);
      expect(seqOf(ma.recordId)).toBeLessThan(seqOf(mb.recordId));
    });
  });

  it('many concurrent pushes with random hold times: every row reaches a continuously pulling reader', async () => {
    const holds = new Map<string, number>();
    const server = await startServer(t.store(), {
      push: {
        beforeCommit: async ({ mutationIds }) => {
          await sleep(holds.get(mutationIds[0] ?? '') ?? 0);
        },
      },
    });
    try {
      const olga = await new Api(server.url).login('olga', PASSWORD);
      const reader = startReader(olga);
      const all: Mutation[] = [];
      const pushes = Array.from({ length: 24 }, (_, i) => {
        const device = new TestDevice(olga);
        const batch = [
          device.create('experts', expertRecord({ name: `E${i}` })),
          device.create('experts', expertRecord()),
        ];
        all.push(...batch);
        holds.set(batch[0]?.mutationId ?? '', Math.floor(Math.random() * 25));
        return sleep(Math.floor(Math.random() * 20)).then(() => olga.push(device.deviceId, batch));
      });
      const results = await Promise.all(pushes);
      for (const r of results) expect(r.body.refused).toEqual([]);
      await reader.finish();
      const missing = all.filter((m) => !reader.seen.has(m.recordId));
      expect(missing).toEqual([]);
      expect(reader.pulls).toBeGreaterThan(3);
    } finally {
      await server.close();
    }
  });

  it.skipIf(STORE !== 'postgres')(
    'control: without the lock the same scenario makes the reader miss a row (PostgreSQL only)',
    async () => {
      await withServer({ push: { serialise: false } }, async (server, gates) => {
        const { ma, mb, resA, resB, reader, bFinishedWhileAHeld } = await scenario(server, gates);
        expect(resA.body.applied).toHaveLength(1);
        expect(resB.body.applied).toHaveLength(1);
        // B committed while A was still open, with a larger sequence number than A's...
        expect(bFinishedWhileAHeld).toBe(true);
        // ...and the reader, having moved past B's number, never saw A.
        expect(reader.seen.has(mb.recordId)).toBe(true);
        expect(reader.seen.has(ma.recordId)).toBe(false);
      });
    },
  );
});
