import { AppDatabase } from '../../../../renderer/db/database';
import type { OnlineSignal, Timers } from '../../../../renderer/sync/engine';
import { newId } from '../../../../shared/ids';

/** A fresh device database (its own name, so its own HLC node id). */
export function freshDevice(label = 'device'): AppDatabase {
  return new AppDatabase(`${label}-${newId()}`);
}

/** Timers the test moves by hand: nothing fires until `advance` passes its due time. */
export class ManualTimers implements Timers {
  now = 0;
  private nextId = 1;
  private readonly tasks = new Map<number, { at: number; ms: number; callback: () => void }>();

  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.tasks.set(id, { at: this.now + ms, ms, callback });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.tasks.delete(handle as number);
  };

  /** Delays of the timers waiting now, in the order they were set. */
  pendingDelays(): number[] {
    return [...this.tasks.values()].map((t) => t.ms);
  }

  /** Runs every timer due within `ms`, in time order. */
  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.tasks)
        if (entry[1].at <= target && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.tasks.delete(next[0]);
      this.now = next[1].at;
      next[1].callback();
    }
    this.now = target;
  }
}

/** A network switch the test flips. */
export class ManualOnline implements OnlineSignal {
  private listeners = new Set<(online: boolean) => void>();
  constructor(private online = true) {}
  isOnline = () => this.online;
  subscribe = (listener: (online: boolean) => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
  set(online: boolean): void {
    this.online = online;
    for (const l of this.listeners) l(online);
  }
}

/** Lets pending promise callbacks and IndexedDB requests run. */
export const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

export const tripInput = (title = '2025年成渝地区双城经济圈专家团走进璧山') => ({
  title,
  region: '重庆市璧山区',
  startDate: '2025-06-23',
  endDate: '2025-06-25',
});
