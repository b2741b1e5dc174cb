import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildServer, type ServerOptions } from '../../server/app';
import { type AuthUser, createUser } from '../../server/auth/users';
import type { Db, StoreOptions } from '../../server/db/index';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';
import { HybridClock } from '../../shared/hlc';
import { newId } from '../../shared/ids';
import type { RecordTable } from '../../shared/schemas';
import { mergeWrite } from '../../shared/sync/merge';
import {
  type Mutation,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type PushResponse,
  pullResponseSchema,
  pushResponseSchema,
} from '../../shared/sync/protocol';
import { scopeOf } from '../../shared/sync/scope';

/**
 * Test harness: a fresh database per test file (PGlite in memory, or a uniquely named PostgreSQL
 * database created through TEST_DATABASE_URL and dropped afterwards), real servers on 127.0.0.1
 * port 0, and a small simulated device that keeps an outbox and merges pulls like the app does.
 */
export const STORE: 'pglite' | 'postgres' = process.env.STORE === 'postgres' ? 'postgres' : 'pglite';

export type TestDatabase = {
  /** Store options for one more server instance on this database. */
  store(): StoreOptions;
  /** A connection for looking at the data directly. */
  db: Db;
  /** PostgreSQL only: the database's URL (for extra raw connections). */
  url?: string;
  close(): Promise<void>;
};

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('STORE=postgres needs TEST_DATABASE_URL (a connection allowed to create databases)');
  return url;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (STORE === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return { store: () => ({ db }), db, close: () => db.close() };
  }
  const name = `et_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  return {
    store: () => ({ databaseUrl: url.toString() }),
    db,
    url: url.toString(),
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'et-server-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export type RunningServer = { app: FastifyInstance; url: string; close(): Promise<void> };

export async function startServer(
  store: StoreOptions,
  options: Omit<ServerOptions, 'store'> = {},
): Promise<RunningServer> {
  const app = await buildServer({ store, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read answers ad hoc and assert on them
export type Json = any;

export type Answer<T = Json> = { status: number; body: T; headers: Headers };

export class Api {
  constructor(
    readonly base: string,
    public token?: string,
  ) {}

  async request<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const h: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = Json>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Json>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }

  async login(username: string, password: string): Promise<Api> {
    const res = await new Api(this.base).post<{ token: string }>('/auth/login', { username, password });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return new Api(this.base, res.body.token);
  }

  push(deviceId: string, mutations: unknown[]) {
    return this.post('/sync/push', { protocolVersion: PROTOCOL_VERSION, deviceId, mutations });
  }

  pull(cursors: Record<string, number> = {}, limit?: number) {
    return this.post('/sync/pull', {
      protocolVersion: PROTOCOL_VERSION,
      cursors,
      ...(limit ? { limit } : {}),
    });
  }
}

export const PASSWORD = 'correct horse battery';

export async function makeUser(
  db: Db,
  username: string,
  role: AuthUser['role'],
  extra: { expertId?: string } = {},
): Promise<AuthUser> {
  return createUser(db, { username, password: PASSWORD, role, ...extra });
}

export async function grant(db: Db, tripId: string, userId: string, role: 'organiser' | 'member' = 'member') {
  await db.query(
    `insert into trip_access (trip_id, user_id, role) values ($1, $2, $3)
     on conflict (trip_id, user_id) do update set role = excluded.role`,
    [tripId, userId, role],
  );
}

// ---- records ------------------------------------------------------------------------------------

export function tripRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    createdAt: new Date().toISOString(),
    title: '专家行走进眉山',
    region: '眉山',
    startDate: '2023-05-10',
    endDate: '2023-05-12',
    organisers: ['省人社厅'],
    coOrganisers: [],
    focusFields: ['农业'],
    status: 'planning',
    locked: false,
    description: '',
    ...overrides,
  };
}

export function expertRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: newId(),
    createdAt: new Date().toISOString(),
    name: '张教授',
    title: '教授',
    affiliation: '四川大学',
    fields: ['农业'],
    honours: [],
    phone: '',
    email: '',
    ...overrides,
  };
}

export function visitRecord(
  tripId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: newId(),
    createdAt: new Date().toISOString(),
    tripId,
    hostId: newId(),
    needIds: [],
    date: '2023-05-11',
    expertIds: [newId()],
    activities: [{ type: 'technical_guidance', count: 1, topic: '' }],
    peopleTrained: 0,
    beneficiaries: 0,
    notes: '',
    location: '',
    reviewState: 'draft',
    ...overrides,
  };
}

// ---- a simulated device ---------------------------------------------------------------------------

type Held = { data: Record<string, unknown>; stamps: Record<string, string> };

let lastReading = 0;
/**
 * One wall clock for every simulated device in the process, each reading later than the one before. An edit
 * made later in a test is then later by time: two devices reading the same millisecond (common on a fast
 * machine) would otherwise have their stamps ordered by the random device id, and the test would flip.
 */
export function programOrderNow(): number {
  lastReading = Math.max(Date.now(), lastReading + 1);
  return lastReading;
}

/** Holds records, an outbox and cursors like the app's sync engine, in memory. */
export class TestDevice {
  readonly deviceId: string;
  readonly clock: HybridClock;
  readonly records = new Map<string, Held>();
  outbox: Mutation[] = [];
  cursors: Record<string, number> = {};
  scopes: string[] = [];

  constructor(
    public api: Api,
    now: () => number = programOrderNow,
  ) {
    this.deviceId = randomBytes(6).toString('hex');
    this.clock = new HybridClock(this.deviceId, now);
  }

  private key(table: RecordTable, id: string) {
    return `${table}:${id}`;
  }

  get(table: RecordTable, id: string): Record<string, unknown> | undefined {
    return this.records.get(this.key(table, id))?.data;
  }

  private write(table: RecordTable, id: string, changes: Record<string, unknown>): Mutation {
    const key = this.key(table, id);
    const held = this.records.get(key);
    const stamp = this.clock.tick();
    const stamps = Object.fromEntries(Object.keys(changes).map((f) => [f, stamp]));
    const baseStamps = Object.fromEntries(Object.keys(changes).map((f) => [f, held?.stamps[f] ?? null]));
    const data = { ...(held?.data ?? {}), ...changes };
    this.records.set(key, { data, stamps: { ...(held?.stamps ?? {}), ...stamps } });
    const m: Mutation = {
      mutationId: newId(),
      table,
      recordId: id,
      scope: scopeOf(table, data),
      changes,
      stamps,
      baseStamps,
    };
    this.outbox.push(m);
    return m;
  }

  create(table: RecordTable, record: Record<string, unknown>): Mutation {
    return this.write(table, String(record.id), { ...record, _deleted: false });
  }

  edit(table: RecordTable, id: string, patch: Record<string, unknown>): Mutation {
    return this.write(table, id, patch);
  }

  remove(table: RecordTable, id: string): Mutation {
    return this.write(table, id, { _deleted: true });
  }

  async push(): Promise<PushResponse> {
    const res = await this.api.push(this.deviceId, this.outbox);
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body)}`);
    const body = pushResponseSchema.parse(res.body);
    const done = new Set([...body.applied, ...body.refused.map((r) => r.mutationId)]);
    this.outbox = this.outbox.filter((m) => !done.has(m.mutationId));
    return body;
  }

  /** Pulls until the server has nothing more; returns the number of changes received. */
  async pull(limit?: number): Promise<number> {
    let received = 0;
    for (;;) {
      const answer = await this.api.pull(this.cursors, limit);
      if (answer.status !== 200)
        throw new Error(`pull failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      const res = { body: pullResponseSchema.parse(answer.body) };
      for (const change of res.body.changes) {
        const key = this.key(change.table as RecordTable, change.recordId);
        const merged = mergeWrite(this.records.get(key), { changes: change.data, stamps: change.stamps });
        this.records.set(key, merged.state);
        for (const s of Object.values(change.stamps)) this.clock.receive(s);
      }
      received += res.body.changes.length;
      this.cursors = res.body.cursors;
      this.scopes = res.body.scopes;
      if (!res.body.hasMore) return received;
    }
  }
}

// ---- server-sent events --------------------------------------------------------------------------

export type SseEvent = { event: string; data: string };

/** Opens the event stream with fetch and collects events; `next` waits for a matching one. */
export async function openEvents(url: string): Promise<{
  status: number;
  events: SseEvent[];
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters: { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  const emit = (e: SseEvent) => {
    events.push(e);
    for (const w of [...waiters]) {
      if (w.match(e)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  };
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            let event = 'message';
            const data: string[] = [];
            let any = false;
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) {
                event = line.slice(7);
                any = true;
              } else if (line.startsWith('data: ')) {
                data.push(line.slice(6));
                any = true;
              } else if (line.startsWith(':')) {
                emit({ event: 'comment', data: line.slice(1).trim() });
              }
            }
            if (any) emit({ event, data: data.join('\n') });
          }
        }
        emit({ event: 'end', data: '' });
      } catch {
        emit({ event: 'end', data: '' });
      }
    })();
  }
  return {
    status: res.status,
    events,
    // The wait ends as soon as the event arrives; the bound only stops a test that would hang.
    next(match, timeoutMs = 10_000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    close: () => controller.abort(),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
