import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../../../renderer/data/searchIndex';
import { AppDatabase } from '../../../../renderer/db/database';
import { LATEST_VERSION, schemaVersions } from '../../../../renderer/db/schemaVersions';
import { newId } from '../../../../shared/ids';

/** Opens a database exactly as an older app version declared it. */
function openAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const v of schemaVersions.filter((s) => s.version <= version)) db.version(v.version).stores(v.stores);
  return db;
}

describe('local schema upgrades', () => {
  it('versions are declared in increasing order', () => {
    const numbers = schemaVersions.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(LATEST_VERSION).toBe(numbers[numbers.length - 1]);
  });

  for (const from of schemaVersions.slice(0, -1)) {
    it(`upgrades in place from version ${from.version}, keeping every record and outbox entry`, async () => {
      const name = `upgrade-${from.version}-${newId()}`;
      const old = openAtVersion(name, from.version);
      const hostId = newId();
      const tripId = newId();
      const stamp = '000001700000000-0000-node1';
      await old.table('hosts').add({
        id: hostId,
        name: '眉山金属材料热处理有限公司',
        creditCode: '',
        kind: 'enterprise',
        _stamps: { name: stamp },
        _deleted: 0,
        _updated: stamp,
      });
      await old.table('trips').add({
        id: tripId,
        title: '走进眉山',
        region: '眉山',
        startDate: '2023-09-20',
        endDate: '2023-09-21',
        _stamps: {},
        _deleted: 0,
        _updated: stamp,
      });
      await old.table('outbox').add({
        mutationId: newId(),
        table: 'hosts',
        recordId: hostId,
        scope: '',
        changes: { name: 'x' },
        stamps: { name: stamp },
        createdAt: '',
      });
      old.close();

      const db = new AppDatabase(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      expect(await db.hosts.get(hostId)).toMatchObject({ name: '眉山金属材料热处理有限公司' });
      expect(await db.trips.count()).toBe(1);
      expect(await db.outbox.count()).toBe(1);
      // From before the search index existed, the upgrade builds it from the records on the device.
      const hadIndex = schemaVersions.some((v) => v.version <= from.version && 'search' in v.stores);
      if (!hadIndex) {
        const hits = await searchRecords(db, '热处理');
        expect(hits.map((h) => h.id)).toEqual([hostId]);
      }
      db.close();
    });
  }
});
