// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { SyncPage } from '../../../renderer/features/sync/SyncPage';
import { setPlatformForTesting } from '../../../renderer/platform';
import { stopSync } from '../../../renderer/sync/runtime';
import { normaliseServerUrl } from '../../../renderer/sync/session';
import { readServerUrl, readUser } from '../../../renderer/sync/syncMeta';
import { FakeSyncServer } from '../../unit/renderer/sync/fakeServer';
import { freshSyncTest, memoryPlatform, stubLayout } from './fixtures';

const user = { id: 'u1', username: 'lisi', displayName: '李四', role: 'expert' as const };

/** An HTTP face for the in-process fake server: login, push and pull; no event stream. */
function fakeHttp(server: FakeSyncServer, password = 'secret') {
  const calls: string[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(url.pathname);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const json = (value: unknown, status = 200) =>
      new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
    switch (url.pathname) {
      case '/auth/login':
        return body.password === password
          ? json({ token: 'token-1', user })
          : json({ code: 'invalid_credentials', message: 'Wrong user name or password' }, 401);
      case '/sync/push':
        return json(await server.push(body));
      case '/sync/pull':
        return json(await server.pull(body));
      default:
        return json({ code: 'not_found', message: 'Not found' }, 404);
    }
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

let db: AppDatabase;
let restoreLayout: () => void;
beforeEach(() => {
  db = freshSyncTest();
  restoreLayout = stubLayout();
});
afterEach(async () => {
  cleanup();
  await stopSync();
  vi.unstubAllGlobals();
  setPlatformForTesting(undefined);
  restoreLayout();
});

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/sync']}>
      <Routes>
        <Route path="/sync" element={<SyncPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const field = (name: RegExp) => screen.getByLabelText(name);

describe('sign-in form', () => {
  it('explains a bad server address next to the field and sends nothing', async () => {
    const calls = fakeHttp(new FakeSyncServer());
    renderPage();
    fireEvent.change(await screen.findByLabelText(/服务器地址/), { target: { value: 'sync server' } });
    fireEvent.change(field(/用户名/), { target: { value: 'lisi' } });
    fireEvent.click(screen.getByRole('button', { name: '登录并同步' }));
    const input = field(/服务器地址/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('请输入完整的服务器地址，例如 https://sync.example.cn');
    expect(field(/^密码/)).toHaveAccessibleDescription('此项必填');
    expect(field(/用户名/)).toHaveValue('lisi');
    expect(calls).toEqual([]);
  });

  it('says when the password is wrong and keeps what was typed', async () => {
    memoryPlatform();
    fakeHttp(new FakeSyncServer());
    renderPage();
    fireEvent.change(await screen.findByLabelText(/服务器地址/), { target: { value: 'sync.example.cn/' } });
    fireEvent.change(field(/用户名/), { target: { value: 'lisi' } });
    fireEvent.change(field(/^密码/), { target: { value: 'wrong' } });
    fireEvent.submit(field(/^密码/));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确');
    expect(field(/服务器地址/)).toHaveValue('sync.example.cn/');
    expect(field(/^密码/)).toHaveValue('wrong');
    expect(await readUser(db)).toBeNull();
  });

  it('signs in, keeps the token with the platform, and uploads what was recorded offline', async () => {
    const { tokens } = memoryPlatform();
    const server = new FakeSyncServer();
    fakeHttp(server);
    await createRecord('trips', {
      title: '离线时创建的活动',
      region: '璧山',
      startDate: '2025-06-23',
      endDate: '2025-06-25',
    });
    renderPage();
    expect(await screen.findByText('本机有 1 条更改尚未上传，登录后会自动上传。')).toBeInTheDocument();
    fireEvent.change(field(/服务器地址/), { target: { value: 'https://sync.example.cn/' } });
    fireEvent.change(field(/用户名/), { target: { value: 'lisi' } });
    fireEvent.change(field(/^密码/), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: '登录并同步' }));
    expect(await screen.findByText('李四')).toBeInTheDocument();
    expect(screen.getByText('(lisi)')).toBeInTheDocument();
    expect(screen.getByText('https://sync.example.cn')).toBeInTheDocument();
    expect(await readServerUrl(db)).toBe('https://sync.example.cn');
    expect([...tokens.values()]).toEqual(['token-1']);
    await waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(server.records.size).toBe(1);
    // No token in the database.
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('token-1');
  });
});

describe('server address', () => {
  it('is normalised, or refused when it cannot be a server', () => {
    expect(normaliseServerUrl(' sync.example.cn/ ')).toBe('https://sync.example.cn');
    expect(normaliseServerUrl('http://127.0.0.1:8787/api/')).toBe('http://127.0.0.1:8787/api');
    expect(normaliseServerUrl('localhost:8787')).toBe('https://localhost:8787');
    expect(normaliseServerUrl('http://syncserver')).toBe('http://syncserver');
    for (const bad of [
      '',
      'sync server',
      'ftp://example.cn',
      'syncserver',
      'https://u:p@example.cn',
      'https://x.cn/?a=1',
    ])
      expect(normaliseServerUrl(bad), bad).toBeNull();
  });
});
