import { SyncError } from '../../../../renderer/sync/errors';
import type { SyncTransport } from '../../../../renderer/sync/transport';
import { DEFAULT_MAX_DRIFT_MS, parseHlc } from '../../../../shared/hlc';
import { type RecordTable, recordSchemas } from '../../../../shared/schemas';
import { mergeWrite } from '../../../../shared/sync/merge';
import {
  type Change,
  DEFAULT_PULL_LIMIT,
  MIN_PROTOCOL_VERSION,
  mutationSchema,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type Refusal,
} from '../../../../shared/sync/protocol';

/**
 * TEST DOUBLE — an in-process stand-in for the sync server, NOT the server. It implements the
 * behaviour of shared/sync/protocol.ts that the device relies on, with the shared merge:
 *  - push: each mutation is checked (shape, scope permission, locked scope, clock drift), merged per
 *    field with `mergeWrite`, the merged record validated with the shared zod schema; the verdict is
 *    remembered by mutation id, so a repeated mutation gets the same answer and changes nothing;
 *  - pull: one row per record carrying its whole merged state; a change bumps the record's sequence
 *    number; per-scope cursors; `hasMore` when the limit cut the page;
 *  - faults on demand: lose the answer after committing, fail the next call, hold a call at a gate.
 * The real server is tested against the same engine in test/integration/.
 */
type ServerRecord = {
  table: RecordTable;
  recordId: string;
  scope: string;
  data: Record<string, unknown>;
  stamps: Record<string, string>;
  seq: number;
};

type Verdict = { applied: true } | { applied: false; refusal: Refusal };

export class FakeSyncServer {
  now: () => number = Date.now;
  /** Scopes that may be written; undefined = all. */
  writable: Set<string> | undefined;
  /** Scopes that may be read; undefined = every scope that has records. */
  readable: Set<string> | undefined;
  readonly locked = new Set<string>();
  readonly records = new Map<string, ServerRecord>();
  readonly verdicts = new Map<string, Verdict>();
  seq = 0;
  calls = { push: 0, pull: 0 };
  private failures: { op: 'push' | 'pull'; error: Error }[] = [];
  private loseNextPushAnswer = false;
  private gate: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  /** A transport for one device, speaking to this server in-process; with `events`, also notifications. */
  transport(options: { events?: boolean } = {}): SyncTransport {
    const transport: SyncTransport = {
      push: (request) => this.push(request),
      pull: (request) => this.pull(request),
    };
    if (options.events) {
      transport.events = (handlers, signal) =>
        new Promise<void>((resolve) => {
          this.connections += 1;
          const off = this.onChange(handlers.onChange);
          handlers.onOpen();
          signal.addEventListener('abort', () => {
            off();
            this.connections -= 1;
            resolve();
          });
        });
    }
    return transport;
  }

  /** Open notification streams. */
  connections = 0;

  /** The next call of `op` fails with `error` before doing anything. */
  failNext(op: 'push' | 'pull', error: Error = new SyncError('network', 'unreachable')): void {
    this.failures.push({ op, error });
  }

  /** The next push is committed, but its answer never reaches the device. */
  loseNextPushResponse(): void {
    this.loseNextPushAnswer = true;
  }

  /** Holds every call until the returned function is called. */
  hold(): () => void {
    let release: () => void = () => undefined;
    this.gate = new Promise<void>((resolve) => {
      release = () => {
        this.gate = null;
        resolve();
      };
    });
    return release;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  private async enter(op: 'push' | 'pull'): Promise<void> {
    this.calls[op] += 1;
    // A real server answers after I/O: never synchronously.
    await Promise.resolve();
    if (this.gate) await this.gate;
    const i = this.failures.findIndex((f) => f.op === op);
    if (i >= 0) {
      const [failure] = this.failures.splice(i, 1);
      if (failure) throw failure.error;
    }
  }

  async push(request: PushRequest): Promise<PushResponse> {
    await this.enter('push');
    if (request.protocolVersion < MIN_PROTOCOL_VERSION)
      throw new SyncError('outdated', 'Please update the app', 426, 'protocol_too_old');
    const applied: string[] = [];
    const refused: Refusal[] = [];
    let changed = false;
    for (const raw of request.mutations as unknown[]) {
      const parsed = mutationSchema.safeParse(raw);
      const id = (raw as { mutationId?: unknown })?.mutationId;
      if (!parsed.success) {
        refused.push({ mutationId: String(id ?? ''), reason: 'malformed', message: parsed.error.message });
        continue;
      }
      const m = parsed.data;
      const previous = this.verdicts.get(m.mutationId);
      const verdict = previous ?? this.apply(m);
      if (!previous) this.verdicts.set(m.mutationId, verdict);
      if (verdict.applied) applied.push(m.mutationId);
      else refused.push(verdict.refusal);
      changed ||= !previous && verdict.applied;
    }
    if (changed) this.notify();
    if (this.loseNextPushAnswer) {
      this.loseNextPushAnswer = false;
      throw new SyncError('network', 'connection reset after the server committed');
    }
    return { applied, refused, serverTime: this.now() };
  }

  private apply(m: ReturnType<typeof mutationSchema.parse>): Verdict {
    const refuse = (reason: Refusal['reason'], message: string, issues?: Refusal['issues']): Verdict => ({
      applied: false,
      refusal: { mutationId: m.mutationId, reason, message, ...(issues ? { issues } : {}) },
    });
    if (this.writable && !this.writable.has(m.scope))
      return refuse('permission', 'Not a member of this trip');
    if (this.locked.has(m.scope)) return refuse('locked', 'The trip is locked');
    const limit = this.now() + DEFAULT_MAX_DRIFT_MS;
    if (Object.values(m.stamps).some((s) => parseHlc(s).wall > limit))
      return refuse('clock_drift', 'The device clock is ahead of the server');
    const table = m.table as RecordTable;
    const key = `${table}:${m.recordId}`;
    const current = this.records.get(key);
    const merged = mergeWrite(current, m);
    if (merged.state.data._deleted !== true) {
      // Like the real server: the merged data must be a whole record, id included (a creation sends it).
      const check = recordSchemas[table].safeParse(merged.state.data);
      if (!check.success) {
        const issues = check.error.issues.map((i) => ({
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: i.message,
        }));
        return refuse('validation', 'The record is not valid', issues);
      }
    }
    if (merged.changed.length > 0 || !current) {
      this.seq += 1;
      this.records.set(key, {
        table,
        recordId: m.recordId,
        scope: current?.scope ?? m.scope,
        data: merged.state.data,
        stamps: merged.state.stamps,
        seq: this.seq,
      });
    }
    return { applied: true };
  }

  async pull(request: PullRequest): Promise<PullResponse> {
    await this.enter('pull');
    const limit = request.limit ?? DEFAULT_PULL_LIMIT;
    const scopes = this.readableScopes();
    const candidates = [...this.records.values()]
      .filter((r) => scopes.includes(r.scope) && r.seq > (request.cursors[r.scope] ?? 0))
      .sort((a, b) => a.seq - b.seq);
    const page = candidates.slice(0, limit);
    const cursors: Record<string, number> = {};
    for (const scope of scopes) cursors[scope] = request.cursors[scope] ?? 0;
    for (const r of page) cursors[r.scope] = r.seq;
    const changes: Change[] = page.map((r) => ({
      seq: r.seq,
      table: r.table,
      recordId: r.recordId,
      scope: r.scope,
      data: structuredClone(r.data),
      stamps: { ...r.stamps },
    }));
    return { changes, cursors, scopes, hasMore: candidates.length > limit, serverTime: this.now() };
  }

  private readableScopes(): string[] {
    if (this.readable) return [...this.readable];
    return [...new Set([...this.records.values()].map((r) => r.scope))].sort();
  }

  /** The server's state of one record as a device would store it (for comparisons in tests). */
  state(table: RecordTable, id: string): ServerRecord | undefined {
    return this.records.get(`${table}:${id}`);
  }
}
