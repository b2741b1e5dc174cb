import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppDatabase } from '../../renderer/db/database';
import { SyncEngine } from '../../renderer/sync/engine';
import { createHttpTransport } from '../../renderer/sync/transport';
import type { BlobOptions } from '../../server/blobs/options';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import { newId } from '../../shared/ids';
import { makeUser, PASSWORD, type RunningServer, startServer } from '../server/helpers';
import { FaultProxy, seededRandom } from './faultProxy';

/**
 * A small world for sync integration tests: the real server on PGlite in a temp folder (restartable,
 * reopening the folder like a new process would), a fault-injecting proxy in front of it, and devices,
 * each with its own IndexedDB (fake-indexeddb) and the real sync engine over HTTP.
 */
export type Account = { id: string; username: string; password: string; token: string };
export type Device = { name: string; db: AppDatabase; engine: SyncEngine; account: Account; online: boolean };

const never = { isOnline: () => true, subscribe: () => () => undefined };

export class SyncWorld {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'et-sync-'));
  readonly proxy: FaultProxy;
  server: RunningServer | null = null;
  proxyUrl = '';
  readonly accounts = new Map<string, Account>();
  readonly devices: Device[] = [];
  restarts = 0;

  constructor(
    readonly random: () => number = seededRandom(1),
    /** Attachment settings beyond the defaults, e.g. a small size limit; the files stay in the world's folder. */
    readonly blobSettings?: Omit<BlobOptions, 'dir'>,
  ) {
    this.proxy = new FaultProxy(random);
  }

  /** Creates the accounts directly in the database (as `npm run server:create-admin` would), then starts. */
  async start(users: { username: string; role: 'admin' | 'organiser' | 'expert' }[]): Promise<void> {
    const db = await openPglite(this.dir);
    await migrate(db);
    for (const u of users) {
      const user = await makeUser(db, u.username, u.role);
      this.accounts.set(u.username, { id: user.id, username: u.username, password: PASSWORD, token: '' });
    }
    await db.close();
    await this.startServer();
    this.proxyUrl = await this.proxy.start();
    for (const account of this.accounts.values()) {
      const auth = createHttpTransport({ baseUrl: this.proxyUrl, getToken: () => null });
      account.token = (await auth.login(account.username, account.password)).token;
    }
  }

  async startServer(): Promise<void> {
    this.server = await startServer(
      { dataDir: this.dir },
      {
        loginIpLimit: false,
        ...(this.blobSettings ? { blobs: { dir: path.join(this.dir, 'blobs'), ...this.blobSettings } } : {}),
      },
    );
    this.proxy.setTarget(this.server.url);
  }

  /** Stops the server (graceful: in-flight pushes finish) and starts a new one on the same data. */
  async restartServer(): Promise<void> {
    this.restarts++;
    this.proxy.down = true;
    await this.server?.close();
    await this.startServer();
    this.proxy.down = false;
  }

  addDevice(name: string, username: string): Device {
    const account = this.accounts.get(username);
    if (!account) throw new Error(`no account ${username}`);
    const db = new AppDatabase(`device-${name}-${newId()}`);
    const transport = createHttpTransport({
      baseUrl: this.proxyUrl,
      getToken: () => account.token,
      timeoutMs: 10_000,
    });
    const engine = new SyncEngine({ db, transport, listenForEvents: false, online: never });
    const device = { name, db, engine, account, online: true };
    this.devices.push(device);
    return device;
  }

  /** An authenticated JSON request straight to the server (not through the proxy). */
  async api(username: string, method: string, url: string, body?: unknown): Promise<Response> {
    const account = this.accounts.get(username);
    return fetch(`${this.server?.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${account?.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Closes everything and returns a direct connection to the server's data for the final checks. */
  async stopAndOpenData() {
    for (const d of this.devices) await d.engine.stop();
    await this.server?.close();
    this.server = null;
    await this.proxy.stop();
    return openPglite(this.dir);
  }

  async dispose(): Promise<void> {
    for (const d of this.devices) {
      await d.engine.stop().catch(() => undefined);
      d.db.close();
    }
    await this.server?.close().catch(() => undefined);
    await this.proxy.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
