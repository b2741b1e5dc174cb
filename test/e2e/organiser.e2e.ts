import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../renderer/data/repository';
import { retryQuarantined } from '../../renderer/sync/quarantine';
import { playwrightReportPdfOptions } from '../../shared/report/pdf';
import type { Device, SyncWorld as World } from '../integration/syncWorld';
import { SyncWorld } from '../integration/syncWorld';
import { readDocx } from '../unit/export/readBack';
import { ARTIFACTS, launchBrowser, screenshot, serveDist, watchErrors } from './harness';
import { signIn } from './signIn';

/**
 * The organiser after a trip, in Chromium against the built app, signed in to a real sync server; an
 * expert works on their own device (the real sync engine over fake-indexeddb) and is sometimes offline.
 *
 *  1. the organiser loads the trip (the demo), shares it with the expert;
 *  2. both edit one visit's notes, the expert offline → the organiser resolves the conflict in the app;
 *  3. the expert submits a visit; the organiser sends it back with a comment → the expert has it;
 *  4. the expert entered a host twice (another spelling) with a visit → the organiser merges the
 *     duplicate; the expert, offline meanwhile, logs one more visit to the merged-away host → after sync
 *     it points to the surviving host on both devices;
 *  5. the report shows the figures; Word is exported and read back; the print layout becomes a PDF whose
 *     pages are turned into PNGs (pdftoppm) to look at;
 *  6. the organiser locks the trip: the expert's next change is refused and quarantined; after the
 *     unlock the expert retries it and it is applied.
 */
const run = promisify(execFile);
const PDF_DIR = join(ARTIFACTS, '..', 'organiser-report');

let app: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let page: Page;
let errors: string[];
let world: World;
let expert: Device;
let tripId = '';

beforeAll(async () => {
  app = await serveDist();
  browser = await launchBrowser();
  world = new SyncWorld();
  await world.start([
    { username: 'organiser', role: 'organiser' },
    { username: 'chen', role: 'expert' },
  ]);
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page = await context.newPage();
  errors = watchErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await world?.dispose();
});

/** Waits until the organiser's device has nothing left to upload: every change acknowledged by the server. */
async function organiserSynced(): Promise<void> {
  const unsent = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('expert-trips');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => {
              resolve(count.result);
              open.result.close();
            };
          };
        }),
    );
  await expect.poll(unsent, { timeout: 30_000 }).toBe(0);
}

/** A record as stored on the organiser's device (read straight from its IndexedDB). */
function organiserRecord(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    ([t, key]) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('expert-trips');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(t).objectStore(t).get(key);
          get.onsuccess = () => {
            resolve(get.result as Record<string, unknown> | undefined);
            open.result.close();
          };
        };
      }),
    [table, id] as const,
  );
}

async function openReview(tab: '审核' | '冲突' | '重复记录'): Promise<void> {
  await page.goto(`${app.url}#/trips/${tripId}/review`);
  await page.getByRole('tab', { name: tab }).click();
}

const rows = () => page.getByTestId('vtable-row');

describe('an organiser reconciles a trip and reports it', () => {
  it('loads the trip, signs in and shares it with an expert', async () => {
    await signIn(page, app.url, world, 'organiser');
    await page.goto(`${app.url}#/trips`);
    await page.getByRole('button', { name: '加载演示活动' }).first().click();
    await expect.poll(() => page.getByTestId('figure-visits').textContent(), { timeout: 30_000 }).toBe('13');
    tripId = /#\/trips\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(tripId).not.toBe('');
    await organiserSynced();
    const granted = await world.api('organiser', 'POST', `/trips/${tripId}/members`, {
      userId: world.accounts.get('chen')?.id,
      role: 'member',
    });
    expect(granted.status).toBeLessThan(300);
    expert = world.addDevice('chen', 'chen');
    await expert.engine.syncNow();
    expect(await expert.db.visits.where('tripId').equals(tripId).count()).toBe(13);
  });

  it('resolves a conflict between its own edit and the expert’s offline edit', async () => {
    const visit = (await expert.db.visits.where('tripId').equals(tripId).sortBy('date'))[0];
    if (!visit) throw new Error('no visit');
    // The expert, offline, rewrites the notes first …
    await updateRecord('visits', visit.id, { notes: '陈：现场发现灭菌记录不完整，需补齐' }, expert.db);
    // … then the organiser, online, rewrites them too.
    await page.goto(`${app.url}#/trips/${tripId}/visits/${visit.id}`);
    await page.getByLabel('走访纪要').fill('组织方：整理后的走访纪要');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await organiserSynced();
    await expert.engine.syncNow();

    await openReview('冲突');
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, '40-organiser-conflicts');
    await rows().first().click();
    const drawer = page.getByRole('dialog', { name: '处理冲突' });
    await expect
      .poll(() => drawer.getByRole('region', { name: '另一值' }).textContent())
      .toContain('灭菌记录');
    await screenshot(page, '41-organiser-conflict-drawer');
    await drawer.getByRole('button', { name: '改用另一值' }).click();
    await expect.poll(() => rows().count()).toBe(0);
    await organiserSynced();
    await expert.engine.syncNow();
    expect((await expert.db.visits.get(visit.id))?.notes).toBe('陈：现场发现灭菌记录不完整，需补齐');
  });

  it('sends a submitted visit back with a comment the expert then sees', async () => {
    const visit = (await expert.db.visits.where('tripId').equals(tripId).sortBy('date'))[1];
    if (!visit) throw new Error('no visit');
    await updateRecord('visits', visit.id, { reviewState: 'submitted' }, expert.db);
    await expert.engine.syncNow();

    await openReview('审核');
    const host = (await expert.db.hosts.get(visit.hostId))?.name ?? '';
    await expect
      .poll(async () => (await page.getByRole('option').allTextContents()).some((t) => t.includes(host)), {
        timeout: 30_000,
      })
      .toBe(true);
    await page.getByRole('option').filter({ hasText: host }).first().click();
    const side = page.getByTestId('review-side');
    await side.getByLabel('审核意见').fill('请补充发现的问题和给出的建议。');
    await side.getByRole('button', { name: '待修改' }).click();
    await expect.poll(() => page.getByTestId('review-count-has_issues').textContent()).toContain('1');
    await screenshot(page, '42-organiser-review-sent-back');
    await organiserSynced();
    await expert.engine.syncNow();
    expect((await expert.db.visits.get(visit.id))?.reviewState).toBe('has_issues');
    const comments = await expert.db.comments
      .where('[recordTable+recordId]')
      .equals(['visits', visit.id])
      .toArray();
    expect(comments.map((c) => [c.reviewState, c.body])).toContainEqual([
      'has_issues',
      '请补充发现的问题和给出的建议。',
    ]);
  });

  it('merges a host entered twice; the expert’s offline visit follows the merge', async () => {
    const original = (await expert.db.hosts.toArray()).find((h) => h.name === '重庆医科大学附属璧山医院');
    const anyVisit = (await expert.db.visits.where('tripId').equals(tripId).toArray())[0];
    if (!original || !anyVisit) throw new Error('demo data missing');
    const duplicate = await createRecord('hosts', { name: '重庆市 重庆医科大学附属璧山医院' }, expert.db);
    const visitInput = {
      tripId,
      hostId: duplicate.id,
      date: '2025-06-25',
      expertIds: anyVisit.expertIds,
      activities: [{ type: 'outpatient' as const, count: 2 }],
      beneficiaries: 30,
      notes: '义诊',
    };
    await createRecord('visits', visitInput, expert.db);
    await expert.engine.syncNow();

    await openReview('重复记录');
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, '43-organiser-duplicates');
    await rows().filter({ hasText: '服务单位' }).first().click();
    const drawer = page.getByRole('dialog', { name: '合并服务单位' });
    await drawer.getByRole('radio', { name: `保留“${original.name}”` }).check();
    await drawer.getByRole('button', { name: '合并…' }).click();
    await screenshot(page, '44-organiser-merge-confirm');
    await drawer
      .getByRole('alertdialog', { name: '确认合并' })
      .getByRole('button', { name: '确认合并' })
      .click();
    await expect.poll(() => page.getByText(/已将 1 条记录合并到/).isVisible()).toBe(true);

    // Meanwhile the expert, still offline, logs one more visit to the host that is being merged away.
    const late = await createRecord('visits', { ...visitInput, notes: '复诊' }, expert.db);
    await organiserSynced();
    await expert.engine.syncNow();
    await expert.engine.syncNow();
    expect((await expert.db.visits.get(late.id))?.hostId).toBe(original.id);
    expect((await expert.db.hosts.get(duplicate.id))?._deleted).toBe(1);
    await expect
      .poll(async () => (await organiserRecord('visits', late.id))?.hostId, { timeout: 30_000 })
      .toBe(original.id);
    await page.goto(`${app.url}#/trips/${tripId}/visits`);
    await expect.poll(() => rows().filter({ hasText: original.name }).count()).toBeGreaterThan(0);
    await screenshot(page, '44b-organiser-visits-after-merge');
  });

  it('reports the trip: figures on screen, Word read back, PDF pages rendered', async () => {
    await page.goto(`${app.url}#/trips/${tripId}/report`);
    // 13 demo visits + the expert's two at the merged hospital.
    await expect
      .poll(() => page.getByTestId('report-sentence').textContent(), { timeout: 30_000 })
      .toContain('开展走访15次');
    await screenshot(page, '45-organiser-report');

    await page.getByTestId('export-open').click();
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('export-docx').click();
    const file = await downloaded;
    const doc = await readDocx(new Uint8Array(await readFile(await file.path())));
    expect(doc.text).toContain('开展走访15次');
    expect(doc.text).toContain('技术指导5次、学术讲座8场、座谈交流13次');

    const print = await page.context().newPage();
    await print.goto(`${app.url}#/trips/${tripId}/report/print`);
    await expect
      .poll(() => print.evaluate(() => document.body.dataset.reportReady), { timeout: 30_000 })
      .toBe('1');
    const title = (await print.title()) || '工作总结';
    const pdf = await print.pdf(playwrightReportPdfOptions({ title, lang: 'zh-CN' }));
    await print.close();
    await rm(PDF_DIR, { recursive: true, force: true });
    await mkdir(PDF_DIR, { recursive: true });
    await writeFile(join(PDF_DIR, 'report.pdf'), pdf);
    await run('pdftoppm', ['-png', '-r', '60', join(PDF_DIR, 'report.pdf'), join(PDF_DIR, 'page')]);
    const pages = (await readdir(PDF_DIR)).filter((f) => f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const { stdout } = await run('pdftotext', [join(PDF_DIR, 'report.pdf'), '-']);
    expect(stdout).toContain('第 1 页');
    expect(stdout).toContain('开展走访15次');
  });

  it('locks the trip: the expert’s change is refused and quarantined, and applied after the unlock', async () => {
    await page.goto(`${app.url}#/trips/${tripId}/review`);
    await page.getByRole('button', { name: '定稿并锁定' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '锁定' }).click();
    await expect.poll(() => page.getByTestId('lock-banner').isVisible()).toBe(true);
    await organiserSynced();
    await expert.engine.syncNow();

    const visit = (await expert.db.visits.where('tripId').equals(tripId).sortBy('date'))[2];
    if (!visit) throw new Error('no visit');
    await updateRecord('visits', visit.id, { peopleTrained: 99 }, expert.db);
    await expert.engine.syncNow();
    const refused = await expert.db.quarantine.toArray();
    expect(refused.map((q) => [q.recordId, q.reason])).toEqual([[visit.id, 'locked']]);

    await page.getByRole('button', { name: '解除锁定' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '解除锁定' }).click();
    await expect.poll(() => page.getByTestId('lock-banner').count()).toBe(0);
    await organiserSynced();
    await expert.engine.syncNow();
    expect(await retryQuarantined(expert.db, 'visits', visit.id)).toBe('queued');
    await expert.engine.syncNow();
    expect(await expert.db.quarantine.count()).toBe(0);
    await expect
      .poll(async () => (await organiserRecord('visits', visit.id))?.peopleTrained, { timeout: 30_000 })
      .toBe(99);
  });

  it('raised no error in the page', () => {
    expect(errors.filter((e) => !/Failed to fetch|net::/.test(e))).toEqual([]);
  });
});
