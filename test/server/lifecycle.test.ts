import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminCommand } from '../../server/cli/createAdmin';
import { ConfigError, loadConfig } from '../../server/config';
import type { StoreOptions } from '../../server/db/index';
import { listMigrations, migrate } from '../../server/db/migrate';
import { DataDirInUseError, openPglite } from '../../server/db/pglite';
import {
  Api,
  createTestDatabase,
  expertRecord,
  makeUser,
  openEvents,
  PASSWORD,
  STORE,
  sleep,
  startServer,
  type TestDatabase,
  TestDevice,
  tempDir,
} from './helpers';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'olga', 'organiser');
});

afterAll(async () => {
  await t?.close();
});

describe('migrations', () => {
  it('are applied once, recorded, and a restart finds the data and applies nothing again', async () => {
    const folder = tempDir();
    const persistent = async (): Promise<StoreOptions> =>
      STORE === 'pglite' ? { dataDir: folder.dir } : t.store();
    try {
      let server = await startServer(await persistent());
      if (STORE === 'pglite') {
        // A fresh folder: create a user there through the same code the CLI uses.
        const out = { log: () => {}, error: () => {} };
        await server.close();
        expect(
          await createAdminCommand(['--username', 'root', '--password', PASSWORD], {}, out, {
            dataDir: folder.dir,
          }),
        ).toBe(0);
        server = await startServer(await persistent());
      }
      const user = STORE === 'pglite' ? 'root' : 'olga';
      const api = await new Api(server.url).login(user, PASSWORD);
      const device = new TestDevice(api);
      const expert = device.create('experts', expertRecord({ name: '持久' }));
      await device.push();
      expect((await api.get('/ready')).status).toBe(200);
      await server.close();

      const again = await startServer(await persistent());
      const api2 = await new Api(again.url).login(user, PASSWORD);
      const reader = new TestDevice(api2);
      await reader.pull();
      expect(reader.get('experts', expert.recordId)).toMatchObject({ name: '持久' });
      expect((await api2.get('/ready')).body).toEqual({ status: 'ready' });
      await again.close();

      expect(await migrate(t.db)).toEqual([]);
      const rows = await t.db.query<{ version: string }>(
        'select version from schema_migrations order by version',
      );
      expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    } finally {
      folder.remove();
    }
  });

  it('two instances starting at once on a fresh database apply each migration once', async () => {
    const fresh = await createTestDatabase();
    try {
      // createTestDatabase migrated it; start from scratch to race two servers.
      await fresh.db.exec('drop schema public cascade; create schema public;');
      const [s1, s2] = await Promise.all([startServer(fresh.store()), startServer(fresh.store())]);
      const rows = await fresh.db.query('select version from schema_migrations');
      expect(rows).toHaveLength(listMigrations().length);
      expect((await new Api(s1.url).get('/ready')).status).toBe(200);
      expect((await new Api(s2.url).get('/ready')).status).toBe(200);
      await s1.close();
      await s2.close();
    } finally {
      await fresh.close();
    }
  });

  it('/ready answers 503 while migrations are missing; /health only says the process is up', async () => {
    const server = await startServer(t.store());
    try {
      await t.db.query(`delete from schema_migrations where version = '001'`);
      const api = new Api(server.url);
      expect((await api.get('/health')).body).toEqual({ status: 'ok' });
      const ready = await api.get('/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.message).toMatch(/001_init\.sql/);
      await t.db.query(`insert into schema_migrations (version, name) values ('001', '001_init.sql')`);
      expect((await api.get('/ready')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight push, ends event streams, then stops', async () => {
    let arrive = () => {};
    let release = () => {};
    const reached = new Promise<void>((r) => {
      arrive = r;
    });
    const released = new Promise<void>((r) => {
      release = r;
    });
    const server = await startServer(t.store(), {
      push: {
        beforeCommit: async () => {
          arrive();
          await released;
        },
      },
    });
    const api = await new Api(server.url).login('olga', PASSWORD);
    const stream = await openEvents(`${server.url}/sync/events?token=${api.token}`);
    await stream.next((e) => e.event === 'ready');
    const device = new TestDevice(api);
    const m = device.create('experts', expertRecord({ name: '关机' }));
    const pushing = api.push(device.deviceId, [m]);
    await reached;

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await stream.next((e) => e.event === 'end');
    await sleep(100);
    expect(closed).toBe(false);
    release();
    const res = await pushing;
    expect(res.status).toBe(200);
    expect(res.body.applied).toEqual([m.mutationId]);
    expect(res.headers.get('connection')).toBe('close');
    await closing;
    const stored = await t.db.query('select 1 from records where id = $1', [m.recordId]);
    expect(stored).toHaveLength(1);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

describe('shutdown with idle connections', () => {
  it('is not held up by a connection that never sends a request', async () => {
    const server = await startServer(t.store());
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const started = Date.now();
    await server.close();
    // Held up, it would wait for Node's headers timeout (60 s); the bound is far from both that and from
    // the few milliseconds it takes, so a busy machine cannot flip it.
    expect(Date.now() - started).toBeLessThan(10_000);
    socket.destroy();
  });
});

describe('CORS', () => {
  it('answers preflights for the app and local web origins, and refuses others', async () => {
    const server = await startServer(t.store());
    try {
      for (const origin of ['app://bundle', 'http://localhost:5173', 'http://127.0.0.1:4173']) {
        const res = await fetch(`${server.url}/sync/push`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type, x-expert-trips-protocol',
          },
        });
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
        expect(res.headers.get('access-control-allow-headers')).toMatch(/x-expert-trips-protocol/);
        expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
      }
      const evil = await fetch(`${server.url}/sync/push`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(evil.status).toBe(403);
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();
      const simple = await fetch(`${server.url}/health`, { headers: { origin: 'http://localhost:3000' } });
      expect(simple.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      const notLocal = await fetch(`${server.url}/health`, {
        headers: { origin: 'http://localhost.evil.example' },
      });
      expect(notLocal.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
    }
  });
});

describe('create-admin command', () => {
  const out = () => {
    const lines: string[] = [];
    return { lines, log: (l: string) => lines.push(l), error: (l: string) => lines.push(`ERR ${l}`) };
  };

  it('creates the first admin, refuses a second unless --force, and explains usage mistakes', async () => {
    const db = await createTestDatabase();
    try {
      const o1 = out();
      expect(
        await createAdminCommand(['--username', 'root'], { ADMIN_PASSWORD: PASSWORD }, o1, db.store()),
      ).toBe(0);
      expect(o1.lines.join('\n')).toMatch(/Created administrator root/);
      const o2 = out();
      expect(
        await createAdminCommand(['--username', 'root2', '--password', PASSWORD], {}, o2, db.store()),
      ).toBe(1);
      expect(o2.lines.join('\n')).toMatch(/Refused: an administrator already exists \(root\).*--force/);
      const o3 = out();
      expect(
        await createAdminCommand(
          ['--username', 'root2', '--password', PASSWORD, '--force'],
          {},
          o3,
          db.store(),
        ),
      ).toBe(0);
      const o4 = out();
      expect(await createAdminCommand(['--username', 'x'], {}, o4, db.store())).toBe(2);
      expect(o4.lines.join('\n')).toMatch(/username and a password are needed/);
      const o5 = out();
      expect(await createAdminCommand(['--username', 'x', '--password', 'short'], {}, o5, db.store())).toBe(
        2,
      );
      const o6 = out();
      expect(await createAdminCommand(['--bogus'], {}, o6, db.store())).toBe(2);
      const admins = await db.db.query(`select username from users where role = 'admin' order by username`);
      expect(admins).toEqual([{ username: 'root' }, { username: 'root2' }]);
      const server = await startServer(db.store());
      await new Api(server.url).login('root2', PASSWORD);
      await server.close();
    } finally {
      await db.close();
    }
  });

  it('runs as `npm run server:create-admin` against the configured store', () => {
    const folder = tempDir();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, ADMIN_PASSWORD: PASSWORD, DATA_DIR: folder.dir };
      if (STORE === 'postgres' && t.url) env.DATABASE_URL = t.url;
      else delete env.DATABASE_URL;
      const run = () =>
        spawnSync(
          process.execPath,
          ['--import', 'tsx', 'server/cli/createAdmin.ts', '--username', 'cli-admin'],
          {
            env,
            encoding: 'utf8',
            timeout: 60_000,
          },
        );
      const first = run();
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/Created administrator cli-admin/);
      const second = run();
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/Refused: an administrator already exists/);
    } finally {
      folder.remove();
    }
  });
});

describe('PGlite data folder', () => {
  it('refuses a folder another live process is using, with a clear message', async () => {
    const folder = tempDir();
    try {
      writeFileSync(path.join(folder.dir, 'server.lock'), String(process.ppid));
      await expect(openPglite(folder.dir)).rejects.toThrow(DataDirInUseError);
      await expect(openPglite(folder.dir)).rejects.toThrow(/in use by process .* Stop that server first/);
    } finally {
      folder.remove();
    }
  });
});

describe('configuration', () => {
  it('reads the environment with defaults and names bad variables', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: './server-data',
      databaseUrl: undefined,
    });
    expect(c.corsOrigins).toEqual(['app://bundle', 'http://localhost:*', 'http://127.0.0.1:*']);
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example', DATABASE_URL: '' }),
    ).toMatchObject({
      corsOrigins: ['https://a.example', 'https://b.example'],
      databaseUrl: undefined,
    });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
