import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTripBackup } from '../../renderer/backup/exportBackup';
import { AppDatabase, setDb } from '../../renderer/db/database';
import { loadDemoTrip } from '../../renderer/features/demo/loadDemoTrip';
import { serializeBackup } from '../../shared/backup/format';
import { recordTables } from '../../shared/schemas';
import { launchBrowser, screenshot, serveDist, watchErrors } from './harness';

/**
 * Restoring a trip on a new device, in real Chromium against the built renderer: the backup of the demo
 * trip (made here in Node, as another device would have exported it) is picked on the empty trips list,
 * previewed, imported, and opened; a damaged copy is refused with nothing changed. Exercises Web Crypto
 * (the checksum) and the file input of the real browser.
 */
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let page: Page;
let errors: string[];
let folder: string;
let goodFile: string;
let damagedFile: string;
let tripId: string;
let records: number;

beforeAll(async () => {
  const source = new AppDatabase(`e2e-backup-${Date.now()}`);
  setDb(source);
  tripId = await loadDemoTrip();
  const backup = await createTripBackup(source, tripId, '2025-06-26T12:00:00.000Z');
  records = recordTables.reduce((n, t) => n + backup.counts[t], 0);
  const text = serializeBackup(backup);
  folder = await mkdtemp(join(tmpdir(), 'backup-e2e-'));
  goodFile = join(folder, '璧山专家行-备份.json');
  damagedFile = join(folder, '璧山专家行-备份-副本.json');
  await writeFile(goodFile, text);
  const at = text.indexOf('"peopleTrained": ') + '"peopleTrained": '.length;
  await writeFile(damagedFile, `${text.slice(0, at)}9${text.slice(at)}`);

  server = await serveDist();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const fileInput = () => page.getByTestId('backup-file-input');

describe('restoring a trip from its backup', () => {
  it('refuses a damaged copy and changes nothing', async () => {
    await expect.poll(() => page.getByText('还没有任何活动').isVisible()).toBe(true);
    // A new device: restoring from a backup is offered right on the empty list.
    expect(await page.getByRole('button', { name: '从备份导入…' }).isVisible()).toBe(true);
    await screenshot(page, 'backup-trips-empty');
    await fileInput().setInputFiles(damagedFile);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('文件已损坏或被改动');
    await screenshot(page, 'backup-refused');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByText('还没有任何活动').isVisible()).toBe(true);
  });

  it('previews the backup, imports it and opens the trip', async () => {
    await fileInput().setInputFiles(goodFile);
    const drawer = page.getByRole('dialog', { name: '从备份导入活动' });
    await expect.poll(() => drawer.getByText(`共 ${records} 条记录`).isVisible()).toBe(true);
    expect(await drawer.getByText('本机还没有这个活动', { exact: false }).isVisible()).toBe(true);
    await screenshot(page, 'backup-preview');

    await drawer.getByRole('button', { name: '导入' }).click();
    await expect
      .poll(() => drawer.getByText(`已导入：新增 ${records} 条，更新 0 条，未变化 0 条`).isVisible())
      .toBe(true);
    await screenshot(page, 'backup-result');

    await drawer.getByRole('link', { name: '打开活动' }).click();
    await expect.poll(() => page.url()).toContain(`#/trips/${tripId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain('璧山');

    // Back on the list, the trip is there and the import stays at hand in the header.
    await page.locator('a.nav-item[href="#/trips"]').click();
    await expect.poll(() => page.getByText('共 1 个活动').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '从备份导入…' }).isVisible()).toBe(true);
    await screenshot(page, 'backup-trips-list');
    expect(errors).toEqual([]);
  });
});
