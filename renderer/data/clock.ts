import { DEFAULT_MAX_DRIFT_MS, HybridClock, parseHlc } from '../../shared/hlc';
import { newNodeId } from '../../shared/ids';
import type { AppDatabase } from '../db/database';

/**
 * The device's hybrid logical clock. The node id is made once per database; the last stamp is saved
 * with every write (in the write's own transaction) and fed back on start, so stamps keep increasing
 * even when the laptop's clock is set back between runs.
 */
const clocks = new WeakMap<AppDatabase, Promise<HybridClock>>();

export function getClock(db: AppDatabase): Promise<HybridClock> {
  let clock = clocks.get(db);
  if (!clock) {
    clock = db.transaction('rw', db.meta, async () => {
      let node = (await db.meta.get('nodeId'))?.value;
      if (typeof node !== 'string') {
        node = newNodeId();
        await db.meta.put({ key: 'nodeId', value: node });
      }
      const c = new HybridClock(node as string);
      const last = (await db.meta.get('lastHlc'))?.value;
      // Our own last stamp keeps stamps increasing when the clock was set back. But a stamp far in the
      // future means the clock WAS wrong and has been corrected: the server refused those writes
      // (clock drift), so adopting it would keep every new write refused until real time catches up.
      if (typeof last === 'string' && parseHlc(last).wall - Date.now() <= DEFAULT_MAX_DRIFT_MS) {
        c.receiveTrusted(last);
      }
      return c;
    });
    clocks.set(db, clock);
  }
  return clock;
}
