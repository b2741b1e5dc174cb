import 'fake-indexeddb/auto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncWorld } from '../integration/syncWorld';
import { launchBrowser, screenshot, serveDist, watchErrors } from './harness';
import { createSharedTrip } from './sharedTrip';
import { signIn } from './signIn';

/**
 * Two experts on one trip, each in their own browser context (own IndexedDB), signed in to a real sync
 * server. One goes offline; both edit the same visit — one field each, and one field both — then
 * reconnect. Both end up showing the same data, and the same-field conflict is there for the organiser.
 */
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let world: SyncWorld;
let tripId = '';
let visitId = '';
const experts: { context: BrowserContext; page: Page; errors: string[] }[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  world = new SyncWorld();
  await world.start([
    { username: 'organiser', role: 'organiser' },
    { username: 'chen', role: 'expert' },
    { username: 'jiang', role: 'expert' },
  ]);
  // The organiser prepares the trip on their own device and shares it with the experts.
  ({ tripId, visitId } = await createSharedTrip(world, ['chen', 'jiang'], {
    hostName: '中核鲲硼肿瘤核医学治疗技术研究所',
    expertName: '姜伯承',
    activities: [{ type: 'technical_guidance', count: 1 }],
    notes: '初稿',
  }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await world?.dispose();
});

const visitUrl = () => `${server.url}#/trips/${tripId}/visits/${visitId}`;

/** Hash navigation only: works offline (no page load), and remounts the form with the stored values. */
async function openVisit(page: Page) {
  await page.goto(`${server.url}#/trips/${tripId}/visits`);
  await page.goto(visitUrl());
  await expect.poll(() => page.getByLabel('走访纪要').isVisible(), { timeout: 20_000 }).toBe(true);
}

async function editAndSave(page: Page, edits: Record<string, string>) {
  await openVisit(page);
  for (const [label, value] of Object.entries(edits)) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { name: '走访记录' }).isVisible()).toBe(true);
}

describe('two experts edit the same visit, one offline', () => {
  it('both sign in and receive the trip', async () => {
    for (const name of ['chen', 'jiang']) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const errors = watchErrors(page);
      experts.push({ context, page, errors });
      await signIn(page, server.url, world, name);
      await screenshot(page, `19-sync-page-${name}`);
    }
    for (const { page } of experts) {
      await expect
        .poll(
          async () => {
            await page.goto(`${server.url}#/trips/${tripId}/visits`);
            return page.getByText('中核鲲硼肿瘤核医学治疗技术研究所').first().isVisible();
          },
          { timeout: 20_000 },
        )
        .toBe(true);
    }
    await screenshot(experts[0]?.page as Page, '20-sync-signed-in-visits');
  });

  it('one goes offline; both edit one field each and one field both; after reconnecting both show the same', async () => {
    const [chen, jiang] = experts as [(typeof experts)[0], (typeof experts)[0]];
    await jiang.context.setOffline(true);
    await editAndSave(jiang.page, { 地点: '璧山高新区核医学楼', 走访纪要: '姜:加速器束流稳定性需联合攻关' });
    await screenshot(jiang.page, '21-offline-unsent');
    await editAndSave(chen.page, { 培训指导人次: '12', 走访纪要: '陈:建议引进强流加速器调试人才' });
    // chen is online: the change reaches the server on its own
    await expect
      .poll(async () => (await world.api('organiser', 'GET', `/trips/${tripId}/conflicts`)).status)
      .toBe(200);
    await jiang.context.setOffline(false);

    const read = async (page: Page) => {
      await openVisit(page);
      return {
        location: await page.getByLabel('地点').inputValue(),
        trained: await page.getByLabel('培训指导人次').inputValue(),
        notes: await page.getByLabel('走访纪要').inputValue(),
      };
    };
    await expect
      .poll(
        async () => {
          const [a, b] = [await read(chen.page), await read(jiang.page)];
          return JSON.stringify(a) === JSON.stringify(b) && a.location !== '' && a.trained === '12'
            ? a
            : null;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .not.toBeNull();
    const final = await read(chen.page);
    expect(final.location).toBe('璧山高新区核医学楼');
    expect(final.trained).toBe('12');
    expect(['姜:加速器束流稳定性需联合攻关', '陈:建议引进强流加速器调试人才']).toContain(final.notes);
    await screenshot(chen.page, '22-converged-visit');
  });

  it('the same-field conflict is kept for the organiser with both values', async () => {
    const res = await world.api('organiser', 'GET', `/trips/${tripId}/conflicts`);
    const body = (await res.json()) as {
      conflicts: { field: string; winner: { value: unknown }; loser: { value: unknown } }[];
    };
    const notes = body.conflicts.filter((c) => c.field === 'notes');
    expect(notes).toHaveLength(1);
    const values = [notes[0]?.winner.value, notes[0]?.loser.value].sort();
    expect(values).toEqual(['姜:加速器束流稳定性需联合攻关', '陈:建议引进强流加速器调试人才'].sort());
    expect(body.conflicts.filter((c) => c.field !== 'notes')).toEqual([]);
  });

  it('raised no error in either page', () => {
    for (const { errors } of experts)
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e))).toEqual([]);
  });
});
