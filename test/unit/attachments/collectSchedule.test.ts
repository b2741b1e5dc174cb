import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLLECT_INTERVAL_MS, collectIfDue } from '../../../renderer/attachments/collectSchedule';
import { AppDatabase } from '../../../renderer/db/database';

const H = (c: string) => c.repeat(64);
const DAY = 24 * 3600 * 1000;

afterEach(() => vi.restoreAllMocks());

describe('when unused files are freed', () => {
  it('frees an old unnamed blob, then not again within the hour, and again after it', async () => {
    const db = new AppDatabase(`test-${crypto.randomUUID()}`);
    const now = 10 * DAY;
    const old = { type: 'image/jpeg' as const, size: 3, createdAt: now - 2 * DAY, lastUsed: now - 2 * DAY };
    await db.blobs.put({ hash: H('a'), blob: new Blob(['abc']), ...old });
    expect(await collectIfDue(db, { now })).toMatchObject({ freed: 1, freedBytes: 3 });
    expect(await db.blobs.count()).toBe(0);

    await db.blobs.put({ hash: H('b'), blob: new Blob(['abc']), ...old });
    expect(await collectIfDue(db, { now: now + COLLECT_INTERVAL_MS - 1 })).toBeNull();
    expect(await db.blobs.count()).toBe(1);
    expect(await collectIfDue(db, { now: now + COLLECT_INTERVAL_MS })).toMatchObject({ freed: 1 });
  });

  it('logs a failure instead of throwing, and tries again after the interval', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = new AppDatabase(`test-${crypto.randomUUID()}`);
    vi.spyOn(broken, 'transaction').mockRejectedValue(new Error('disk gone') as never);
    expect(await collectIfDue(broken, { now: 1 })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    vi.mocked(broken.transaction).mockRestore();
    expect(await collectIfDue(broken, { now: 1 + COLLECT_INTERVAL_MS })).toMatchObject({ freed: 0 });
  });
});
