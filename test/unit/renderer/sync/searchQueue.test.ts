import { describe, expect, it, vi } from 'vitest';
import { getClock } from '../../../../renderer/data/clock';
import { searchRecords } from '../../../../renderer/data/searchIndex';
import { drainSearchQueue, queuedSearchCount } from '../../../../renderer/data/searchQueue';
import { applyPulledPage } from '../../../../renderer/sync/applyPull';
import { formatHlc } from '../../../../shared/hlc';
import { newId } from '../../../../shared/ids';
import type { PullResponse } from '../../../../shared/sync/protocol';
import { freshDevice } from './helpers';

function directoryPage(count: number): PullResponse {
  const stamp = formatHlc({ wall: Date.now() - 1000, counter: 0, node: 'server' });
  return {
    changes: Array.from({ length: count }, (_, i) => {
      const id = newId();
      const data = {
        id,
        name: i === 7 ? '眉山金属材料热处理有限公司' : `第${i}号有限公司`,
        creditCode: '',
        kind: 'enterprise',
        _deleted: false,
      };
      return {
        seq: i + 1,
        table: 'hosts',
        recordId: id,
        scope: 'directory',
        data,
        stamps: Object.fromEntries(Object.keys(data).map((k) => [k, stamp])),
      };
    }),
    cursors: { directory: count },
    scopes: ['directory'],
    hasMore: false,
    serverTime: Date.now(),
  };
}

describe('deferred search indexing of large pulls', () => {
  it('a large page stores the records at once and queues their search rows; draining makes them findable', async () => {
    const db = freshDevice();
    await applyPulledPage(db, directoryPage(450), await getClock(db));
    expect(await db.hosts.count()).toBe(450);
    expect(await queuedSearchCount(db)).toBe(450);
    expect(await searchRecords(db, '热处理')).toEqual([]);
    expect(await drainSearchQueue(db)).toBe(450);
    expect(await db.searchQueue.count()).toBe(0);
    expect((await searchRecords(db, '热处理')).map((h) => h.title)).toEqual(['眉山金属材料热处理有限公司']);
  });

  it('a small page indexes inline', async () => {
    const db = freshDevice();
    await applyPulledPage(db, directoryPage(20), await getClock(db));
    expect(await db.searchQueue.count()).toBe(0);
    expect(await db.search.count()).toBe(20);
  });

  it('a drain that fails half-way keeps what is left queued, and the next drain finishes', async () => {
    const db = freshDevice();
    await applyPulledPage(db, directoryPage(1200), await getClock(db));
    const put = db.search.bulkPut.bind(db.search);
    let calls = 0;
    const spy = vi.spyOn(db.search, 'bulkPut').mockImplementation((rows) => {
      calls++;
      if (calls === 1) throw new Error('disk full');
      return put(rows as never);
    });
    await expect(drainSearchQueue(db)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await queuedSearchCount(db)).toBe(1200);
    expect(await db.search.count()).toBe(0);
    await drainSearchQueue(db);
    expect(await db.searchQueue.count()).toBe(0);
    expect(await db.search.count()).toBe(1200);
  });
});
