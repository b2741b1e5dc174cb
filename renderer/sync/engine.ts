import { drainSearchQueue } from '../data/searchQueue';
import type { AppDatabase } from '../db/database';
import { backoffDelay } from './backoff';
import { type CycleResult, runSyncCycle } from './cycle';
import { isRetryable, problemOf, type SyncProblem } from './errors';
import { browserOnlineSignal, type OnlineSignal, realTimers, sleep, type Timers } from './signals';
import type { SyncTransport } from './transport';

export type { OnlineSignal, Timers } from './signals';
export { browserOnlineSignal } from './signals';

/**
 * Runs sync cycles on its own: after local changes (debounced), when the network comes back, on a
 * timer, and when the server announces new changes.
 *
 * Invariants:
 *  - single flight: never two cycles at once; triggers during a cycle collapse into ONE follow-up;
 *  - after a failure the next automatic attempt waits an exponentially growing, jittered delay (reset
 *    by a success); "sign in again" and "update the app" failures stop automatic attempts altogether;
 *  - the engine keeps no sync state in memory (cursors, outbox, quarantine are in the database), so it
 *    can be stopped and started, or the app killed, at any point.
 */
export type SyncTrigger = 'start' | 'change' | 'online' | 'timer' | 'event' | 'retry' | 'manual';

export type EngineStatus = {
  started: boolean;
  syncing: boolean;
  /** The device has a network and the server answered the last request. */
  online: boolean;
  lastSyncAt: number | null;
  lastError: SyncProblem | null;
  lastErrorDetail: string | null;
  /** When the next automatic attempt after a failure is due. */
  nextRetryAt: number | null;
  clockDrift: boolean;
};

export type SyncEngineOptions = {
  db: AppDatabase;
  transport: SyncTransport;
  now?: () => number;
  timers?: Timers;
  random?: () => number;
  online?: OnlineSignal;
  /** Local edits within this window become one sync. */
  debounceMs?: number;
  /** A quiet device still syncs this often. */
  intervalMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  pullLimit?: number;
  pushBatchSize?: number;
  /** Listen to the server's event stream (if the transport has one). */
  listenForEvents?: boolean;
  onStatus?: (status: EngineStatus) => void;
  /** The server no longer accepts the token (401): the app should ask the user to sign in again. */
  onUnauthorized?: () => void;
};

type Waiter = { resolve: (result: CycleResult) => void; reject: (error: unknown) => void };

export class SyncEngine {
  private readonly db: AppDatabase;
  private readonly transport: SyncTransport;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly online: OnlineSignal;
  private started = false;
  private running: Promise<void> | null = null;
  private followUp = false;
  private waiters: Waiter[] = [];
  private debounceTimer: unknown = null;
  private intervalTimer: unknown = null;
  private retryTimer: unknown = null;
  private failures = 0;
  /** A failure only the user can fix (sign in again, update the app): no automatic attempts. */
  private blocked = false;
  private stopListening: (() => void)[] = [];
  private events: AbortController | null = null;
  private status: EngineStatus;
  private indexing: Promise<number> | null = null;
  private cycleListeners = new Set<(result: CycleResult) => void>();

  constructor(private readonly options: SyncEngineOptions) {
    this.db = options.db;
    this.transport = options.transport;
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? Math.random;
    this.online = options.online ?? browserOnlineSignal();
    this.status = {
      started: false,
      syncing: false,
      online: this.online.isOnline(),
      lastSyncAt: null,
      lastError: null,
      lastErrorDetail: null,
      nextRetryAt: null,
      clockDrift: false,
    };
  }

  get state(): EngineStatus {
    return this.status;
  }

  /** How many failures in a row the current backoff is based on. */
  get failureCount(): number {
    return this.failures;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.blocked = false;
    const onCreating = (
      _key: unknown,
      _entry: unknown,
      tx: { on(event: 'complete', fn: () => void): void },
    ) => {
      // After commit, so the push is sure to see the entry.
      tx.on('complete', () => this.debounce('change'));
    };
    this.db.outbox.hook('creating', onCreating);
    this.stopListening.push(() => this.db.outbox.hook('creating').unsubscribe(onCreating));
    this.stopListening.push(
      this.online.subscribe((isOnline) => {
        this.setStatus({ online: isOnline });
        if (isOnline) this.request('online');
      }),
    );
    if (this.options.listenForEvents !== false && this.transport.events) this.listen();
    this.setStatus({ started: true });
    this.request('start');
  }

  /** Stops triggers and timers and waits for a cycle in progress to end. The engine can start again. */
  async stop(): Promise<void> {
    this.started = false;
    for (const off of this.stopListening.splice(0)) off();
    this.events?.abort();
    this.events = null;
    for (const timer of ['debounceTimer', 'intervalTimer', 'retryTimer'] as const) this.clear(timer);
    this.followUp = false;
    await this.running;
    await this.indexing;
    this.setStatus({ started: false, syncing: false, nextRetryAt: null });
  }

  /**
   * Asks for a cycle now (the "sync now" button, tests). Ignores backoff and works before start().
   * Resolves with the result of a cycle that began after this call; rejects with its error.
   */
  syncNow(): Promise<CycleResult> {
    this.clear('retryTimer');
    this.blocked = false;
    return new Promise<CycleResult>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (this.running) this.followUp = true;
      else void this.run();
    });
  }

  /**
   * Calls `listener` after every successful cycle (attachment transfers start from here). Listeners run
   * after the cycle has ended and must not block: the engine never waits on them, and one that throws
   * cannot disturb record sync. Returns the unsubscribe.
   */
  onCycle(listener: (result: CycleResult) => void): () => void {
    this.cycleListeners.add(listener);
    return () => this.cycleListeners.delete(listener);
  }

  /** Resolves once no cycle is running and no follow-up is about to start (tests, orderly shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** An automatic trigger: respects single flight, backoff, offline and blocked states. */
  request(trigger: SyncTrigger): void {
    if (!this.started || this.blocked) return;
    if (trigger === 'online') this.clear('retryTimer');
    else if (this.retryTimer !== null && trigger !== 'retry') return;
    if (!this.online.isOnline()) {
      this.setStatus({ online: false });
      return;
    }
    if (this.running) {
      this.followUp = true;
      return;
    }
    void this.run();
  }

  private debounce(trigger: SyncTrigger): void {
    if (!this.started) return;
    this.clear('debounceTimer');
    this.debounceTimer = this.timers.setTimeout(() => {
      this.debounceTimer = null;
      this.request(trigger);
    }, this.options.debounceMs ?? 400);
  }

  private async run(): Promise<void> {
    const waiters = this.waiters.splice(0);
    this.clear('intervalTimer');
    this.setStatus({ syncing: true });
    let result: CycleResult | undefined;
    let failure: unknown;
    this.running = runSyncCycle({
      db: this.db,
      transport: this.transport,
      now: this.now,
      ...(this.options.pullLimit ? { pullLimit: this.options.pullLimit } : {}),
      ...(this.options.pushBatchSize ? { pushBatchSize: this.options.pushBatchSize } : {}),
    }).then(
      (r) => {
        result = r;
      },
      (e: unknown) => {
        failure = e;
      },
    );
    await this.running;
    this.running = null;
    if (result) this.succeeded(result, waiters);
    else this.failed(failure, waiters);
    if (this.waiters.length > 0) {
      this.followUp = false;
      void this.run();
    } else if (this.followUp) {
      this.followUp = false;
      this.request('change');
    }
  }

  private succeeded(result: CycleResult, waiters: Waiter[]): void {
    this.failures = 0;
    // Search rows of a large pull are written after it, so the records are usable at once.
    if (result.pulledChanges > 0) this.indexing = drainSearchQueue(this.db).catch(() => 0);
    this.setStatus({
      syncing: false,
      online: true,
      lastSyncAt: this.now(),
      lastError: result.clockDrift ? 'clock_drift' : null,
      lastErrorDetail: null,
      nextRetryAt: null,
      clockDrift: result.clockDrift,
    });
    for (const w of waiters) w.resolve(result);
    for (const listener of this.cycleListeners) {
      try {
        listener(result);
      } catch {
        // A listener's failure (a blob transfer, say) is its own business, never record sync's.
      }
    }
    if (this.started) {
      this.intervalTimer = this.timers.setTimeout(() => {
        this.intervalTimer = null;
        this.request('timer');
      }, this.options.intervalMs ?? 30_000);
    }
  }

  private failed(error: unknown, waiters: Waiter[]): void {
    const problem = problemOf(error);
    this.setStatus({
      syncing: false,
      online: problem === 'network' ? false : this.online.isOnline(),
      lastError: problem,
      lastErrorDetail: error instanceof Error ? error.message : String(error),
    });
    for (const w of waiters) w.reject(error);
    if (!isRetryable(problem)) {
      this.blocked = true;
      this.followUp = false;
      this.setStatus({ nextRetryAt: null });
      if (problem === 'unauthorized') this.options.onUnauthorized?.();
      return;
    }
    if (!this.started) return;
    this.failures += 1;
    const delay = backoffDelay(this.failures, this.random, {
      ...(this.options.backoffBaseMs ? { baseMs: this.options.backoffBaseMs } : {}),
      ...(this.options.backoffCapMs ? { capMs: this.options.backoffCapMs } : {}),
    });
    this.clear('retryTimer');
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.request('retry');
    }, delay);
    this.setStatus({ nextRetryAt: this.now() + delay });
  }

  /** Keeps an event stream open while started; reconnects with its own backoff. */
  private listen(): void {
    const controller = new AbortController();
    this.events = controller;
    const events = this.transport.events?.bind(this.transport);
    if (!events) return;
    void (async () => {
      let attempt = 0;
      while (this.started && !controller.signal.aborted) {
        try {
          await events(
            {
              onOpen: () => {
                attempt = 0;
                // Changes made while the stream was closed were not announced.
                this.request('event');
              },
              onChange: () => this.debounce('event'),
            },
            controller.signal,
          );
        } catch (error) {
          // Sign-in and update problems are reported by the next cycle; listening cannot fix them.
          if (!isRetryable(problemOf(error))) return;
        }
        if (!this.started || controller.signal.aborted) return;
        attempt += 1;
        await sleep(this.timers, backoffDelay(attempt, this.random, { baseMs: 2_000 }), controller.signal);
      }
    })();
  }

  private clear(timer: 'debounceTimer' | 'intervalTimer' | 'retryTimer'): void {
    if (this[timer] !== null) this.timers.clearTimeout(this[timer]);
    this[timer] = null;
  }

  private setStatus(patch: Partial<EngineStatus>): void {
    this.status = { ...this.status, ...patch };
    this.options.onStatus?.(this.status);
  }
}
