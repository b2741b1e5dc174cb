/**
 * npm run bench:sync — sync figures on this machine, in one run, against a real server:
 *  1. a fresh device pulling N records (default 100,000), as a ratio to Dexie bulkPut of the same
 *     records in the same Chromium (the device's own ceiling; target: within 1.5×);
 *  2. pushing M records (default 10,000) made offline;
 *  3. one-change round trip from device A to device B over the server's event stream (p50, p99).
 * Sizes: BENCH_RECORDS, BENCH_PUSH, BENCH_ROUND_TRIPS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { build } from 'vite';
import { buildServer } from '../server/app';
import { createUser } from '../server/auth/users';
import type { StoreOptions } from '../server/db/index';
import { migrate } from '../server/db/migrate';
import { openPglite } from '../server/db/pglite';
import { openPostgres } from '../server/db/postgres';
import { formatHlc } from '../shared/hlc';
import { newId } from '../shared/ids';
import { launchBrowser, serveDist } from '../test/e2e/harness';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const PUSH = Number(process.env.BENCH_PUSH ?? 10_000);
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 40);
const districts = ['璧山区', '青神县', '东坡区', '彭山区', '仁寿县', '洪雅县'];
const industries = ['医药制造', '装备制造', '新材料', '农业', '新能源汽车', '电子信息'];

function hostRow(i: number, stamp: string) {
  const id = newId();
  const data = {
    id,
    createdAt: '2025-06-23T08:00:00.000Z',
    name: `${districts[i % districts.length]}第${i}号${industries[i % industries.length]}有限公司`,
    creditCode: '',
    kind: 'enterprise',
    district: districts[i % districts.length],
    industry: industries[i % industries.length],
    contactName: '',
    contactPhone: '',
    address: '',
    _deleted: false,
  };
  const stamps = Object.fromEntries(Object.keys(data).map((k) => [k, stamp]));
  return { id, data, stamps };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
};

function printProfile(profile: Profile): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame;
    const name = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').pop() ?? ''}:${frame?.lineNumber ?? 0}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  console.log(`  profile: ${profile.nodes.length} nodes, ${profile.samples?.length ?? 0} samples`);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
  for (const [name, ms] of top) console.log(`  profile ${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'et-bench-'));
  console.log(`bench:sync — ${RECORDS} records to pull, ${PUSH} to push, ${ROUND_TRIPS} round trips`);
  // BENCH_DATABASE_URL (a connection allowed to create databases): run the server on PostgreSQL, in a
  // database made for this run and dropped after; otherwise the embedded PGlite in a temp folder.
  const adminUrl = process.env.BENCH_DATABASE_URL;
  const dbName = `et_bench_${newId().slice(-12).replace(/-/g, '')}`;
  let store: StoreOptions = { dataDir: dir };
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    store = { databaseUrl: url.toString() };
  }
  console.log(`server store: ${adminUrl ? 'PostgreSQL' : 'PGlite (embedded)'}`);
  const db = 'databaseUrl' in store ? await openPostgres(store.databaseUrl) : await openPglite(dir);
  await migrate(db);
  const passwords: Record<string, string> = {};
  for (const username of ['bench-a', 'bench-b']) {
    passwords[username] = `pw-${newId()}`;
    await createUser(db, {
      username,
      role: 'organiser',
      password: passwords[username] ?? '',
      displayName: username,
    });
  }
  const seedStart = performance.now();
  const stamp = formatHlc({ wall: Date.now() - 60_000, counter: 0, node: 'seed' });
  for (let i = 0; i < RECORDS; i += 5000) {
    const rows = Array.from({ length: Math.min(5000, RECORDS - i) }, (_, k) => hostRow(i + k, stamp));
    await db.query(
      `insert into records (tbl, id, scope, data, stamps, seq)
       select 'hosts', x->>'id', 'directory', x->'data', x->'stamps', nextval('change_seq')
         from jsonb_array_elements($1::jsonb) x`,
      [JSON.stringify(rows)],
    );
  }
  console.log(`seeded the server in ${fmt(performance.now() - seedStart)}`);
  await db.close();

  const app = await buildServer({ store, loginIpLimit: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const tokens: Record<string, string> = {};
  for (const username of ['bench-a', 'bench-b']) {
    const res = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: passwords[username] }),
    });
    tokens[username] = ((await res.json()) as { token: string }).token;
  }

  console.log('server up; building the bench page');
  await build({ configFile: 'bench/vite.config.ts' });
  console.log('bench page built');
  const site = await serveDist(path.resolve('dist/bench'));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('crash', () => console.error('page crashed'));
    page.setDefaultTimeout(0);
    await page.goto(site.url);
    await page.waitForFunction(() => document.title === 'ready');
    console.log('page ready');
    type Bench = Record<string, (...args: unknown[]) => Promise<unknown>>;
    const call = <T>(name: string, ...args: unknown[]) =>
      page.evaluate(
        ([n, a]) =>
          (
            (window as unknown as { bench: Bench }).bench[n as string] as (
              ...x: unknown[]
            ) => Promise<unknown>
          )(...(a as unknown[])).catch((e: Error) => {
            throw new Error(`${n}: ${e.name}: ${e.message}\n${e.stack ?? ''}`);
          }),
        [name, args] as const,
      ) as Promise<T>;

    // Each figure is printed as soon as it is measured.
    console.log('');
    const ceiling = await call<{ ms: number; records: number; fetchMs: number }>(
      'ceiling',
      url,
      tokens['bench-a'],
    );
    console.log(`ceiling  Dexie bulkPut of ${ceiling.records} records ........ ${fmt(ceiling.ms)}`);
    console.log(
      `network  the same pages fetched from the server (no local writes) .. ${fmt(ceiling.fetchMs)}`,
    );
    // BENCH_PROFILE=1: a CPU profile of the page during the fresh pull, top functions by self time.
    const cdp = process.env.BENCH_PROFILE === '1' ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const pull = await call<{ ms: number; records: number; pages: number }>(
      'freshPull',
      url,
      tokens['bench-a'],
    );
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile as Profile);
    const ratio = pull.ms / ceiling.ms;
    console.log(
      `pull     fresh device, ${pull.records} records, ${pull.pages} pages .. ${fmt(pull.ms)}  = ${ratio.toFixed(2)}× the ceiling (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'})`,
    );
    const push = await call<{ ms: number; makeMs: number; pushed: number; left: number }>(
      'offlinePush',
      url,
      tokens['bench-a'],
      PUSH,
    );
    console.log(
      `push     ${push.pushed} offline records (made in ${fmt(push.makeMs)}) .. ${fmt(push.ms)}  (${Math.round(push.pushed / (push.ms / 1000))} records/s; ${push.left} left in outbox)`,
    );
    const trips = await call<number[]>('roundTrip', url, tokens['bench-a'], tokens['bench-b'], ROUND_TRIPS);
    console.log(
      `round trip one change A → server → B (SSE), n=${trips.length} .. p50 ${fmt(pct(trips, 50))}, p99 ${fmt(pct(trips, 99))}`,
    );
  } finally {
    await browser.close();
    await site.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
