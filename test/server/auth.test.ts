import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens';
import {
  Api,
  createTestDatabase,
  makeUser,
  PASSWORD,
  type RunningServer,
  startServer,
  type TestDatabase,
} from './helpers';

let t: TestDatabase;
let server: RunningServer;
let api: Api;
const logLines: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await makeUser(t.db, 'admin', 'admin');
  await makeUser(t.db, 'olga', 'organiser');
  await makeUser(t.db, 'ed', 'expert');
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  server = await startServer(t.store(), { logger: { level: 'info', stream } });
  api = new Api(server.url);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('sign-in', () => {
  it('signs in with the right password and answers the user', async () => {
    const res = await api.post('/auth/login', { username: 'olga', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.user).toMatchObject({ username: 'olga', role: 'organiser', displayName: 'olga' });
    const me = await new Api(server.url, res.body.token).get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'olga', role: 'organiser' });
  });

  it('matches usernames case-insensitively', async () => {
    const res = await api.post('/auth/login', { username: 'OLGA', password: PASSWORD });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await api.post('/auth/login', { username: 'ed', password: 'not the password' });
    const unknown = await api.post('/auth/login', { username: 'nobody', password: 'whatever1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ code: 'invalid_credentials', message: 'Wrong username or password.' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a login body of the wrong shape with 400', async () => {
    const res = await api.post('/auth/login', { username: 'ed' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.message).toMatch(/password/);
  });

  it('stores only the hash of a token', async () => {
    const res = await api.post('/auth/login', { username: 'ed', password: PASSWORD });
    const token: string = res.body.token;
    const raw = await t.db.query('select 1 from auth_tokens where token_hash = $1', [token]);
    const hashed = await t.db.query('select 1 from auth_tokens where token_hash = $1', [hashToken(token)]);
    expect(raw).toHaveLength(0);
    expect(hashed).toHaveLength(1);
  });
});

describe('login rate limit', () => {
  it('refuses after 5 failures with 429, even the right password, and says when to retry', async () => {
    await makeUser(t.db, 'limited', 'expert');
    for (let i = 0; i < 5; i++) {
      const res = await api.post('/auth/login', { username: 'limited', password: `wrong-${i}-password` });
      expect(res.status).toBe(401);
    }
    const blocked = await api.post('/auth/login', { username: 'limited', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect(blocked.body.message).toMatch(/Too many failed sign-in attempts.*Wait 15 minutes/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another user from the same address is not affected.
    expect((await api.post('/auth/login', { username: 'ed', password: PASSWORD })).status).toBe(200);
  });

  it('resets the count after a successful sign-in', async () => {
    await makeUser(t.db, 'forgetful', 'expert');
    const fail = () => api.post('/auth/login', { username: 'forgetful', password: 'nope-nope-nope' });
    for (let i = 0; i < 4; i++) expect((await fail()).status).toBe(401);
    expect((await api.post('/auth/login', { username: 'forgetful', password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await fail()).status).toBe(401);
    expect((await api.post('/auth/login', { username: 'forgetful', password: PASSWORD })).status).toBe(200);
  });
});

describe('per-address limit', () => {
  it('slows down guessing many usernames from one address with 429', async () => {
    const limited = await startServer(t.store(), { loginIpLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const anon = new Api(limited.url);
      for (let i = 0; i < 3; i++) {
        expect(
          (await anon.post('/auth/login', { username: `guess${i}`, password: 'whatever1' })).status,
        ).toBe(401);
      }
      const res = await anon.post('/auth/login', { username: 'guess9', password: 'whatever1' });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('too_many_requests');
      expect(res.body.message).toMatch(/Too many sign-in attempts from this address/);
    } finally {
      await limited.close();
    }
  });
});

describe('tokens', () => {
  it('answers 401 with a clear JSON message without a token or with a bad one', async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-real-token-at-all-xxxxxxxx' },
      { authorization: 'Basic abc' },
    ];
    for (const headers of variants) {
      const res = await new Api(server.url).request(
        'POST',
        '/sync/pull',
        { protocolVersion: 1, cursors: {} },
        headers,
      );
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
      expect(res.body.message).toMatch(/Sign in first/);
    }
    expect((await api.get('/auth/me')).status).toBe(401);
  });

  it('logout revokes the token', async () => {
    const ed = await api.login('ed', PASSWORD);
    expect((await ed.get('/auth/me')).status).toBe(200);
    const out = await ed.post('/auth/logout', {});
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    expect((await ed.get('/auth/me')).status).toBe(401);
    expect((await ed.pull()).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const ed = await api.login('ed', PASSWORD);
    await t.db.query(
      `update auth_tokens set expires_at = now() - interval '1 second' where token_hash = $1`,
      [hashToken(ed.token as string)],
    );
    expect((await ed.get('/auth/me')).status).toBe(401);
  });
});

describe('accounts', () => {
  it('lets an admin create users and list them', async () => {
    const admin = await api.login('admin', PASSWORD);
    const expertId = '0190f3a2-7c4e-7b8a-9c1d-2e3f4a5b6c7d';
    const created = await admin.post('/users', {
      username: 'new.expert',
      password: 'long enough password',
      role: 'expert',
      displayName: '李工',
      expertId,
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'new.expert',
      role: 'expert',
      displayName: '李工',
      expertId,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password/i);
    const list = await admin.get('/users');
    expect(list.status).toBe(200);
    expect(list.body.users.map((u: { username: string }) => u.username)).toContain('new.expert');
    const login = await api.post('/auth/login', { username: 'new.expert', password: 'long enough password' });
    expect(login.status).toBe(200);
  });

  it('refuses a taken username with 409 and a short password with 400', async () => {
    const admin = await api.login('admin', PASSWORD);
    const dup = await admin.post('/users', {
      username: 'ED',
      password: 'long enough password',
      role: 'expert',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('username_taken');
    const short = await admin.post('/users', { username: 'shorty', password: 'short', role: 'expert' });
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/password: at least 8 characters/);
    const role = await admin.post('/users', {
      username: 'boss',
      password: 'long enough password',
      role: 'king',
    });
    expect(role.status).toBe(400);
  });

  it('forbids non-admins to manage accounts', async () => {
    const olga = await api.login('olga', PASSWORD);
    const res = await olga.post('/users', {
      username: 'x1',
      password: 'long enough password',
      role: 'admin',
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/Only administrators/);
    expect((await olga.get('/users')).status).toBe(403);
  });
});

describe('logs', () => {
  it('are JSON and never contain tokens or passwords', async () => {
    const ed = await api.login('ed', PASSWORD);
    const token = ed.token as string;
    await ed.get('/auth/me');
    // The event stream takes the token in the URL; the log must not show it.
    const controller = new AbortController();
    const res = await fetch(`${server.url}/sync/events?token=${token}`, { signal: controller.signal });
    expect(res.status).toBe(200);
    controller.abort();
    // The stream's log line is written when the request ends, a moment after the abort.
    await expect.poll(() => logLines.join('')).toContain('token=[redacted]');
    const text = logLines.join('');
    expect(logLines.length).toBeGreaterThan(5);
    for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).toContain('token=[redacted]');
    expect(text).not.toContain(token);
    expect(text).not.toContain(PASSWORD);
  });
});
