import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serveDist, watchErrors } from './harness';

/**
 * The organiser's review of the demo trip in real Chromium: the queue with its side panel, a decision
 * with a comment, the thread in the visit form, the completeness check, the lock, and what an expert's
 * device shows of a locked trip. Screenshots go to test-artifacts/screenshots/.
 */
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
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
});

const side = () => page.getByTestId('review-side');

describe('reviewing the demo trip', () => {
  it('opens the review queue with the submitted records and goes through them by keyboard', async () => {
    await page.getByRole('button', { name: '加载演示活动' }).first().click();
    await expect.poll(() => page.getByTestId('figure-visits').textContent(), { timeout: 20_000 }).toBe('13');
    await page.getByRole('link', { name: '核对与审核' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '核对与审核' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    const submitted = Number(
      await page.getByTestId('review-count-submitted').locator('.review-count__value').textContent(),
    );
    expect(submitted).toBeGreaterThan(0);
    expect(await page.getByRole('option').count()).toBe(submitted);

    await page.keyboard.press('j');
    await expect.poll(() => side().getByTestId('visit-summary').isVisible()).toBe(true);
    await screenshot(page, '30-review-queue');
  });

  it('asks for changes with a comment; the thread shows it in the visit form', async () => {
    const title = (await side().getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    await side().getByLabel('审核意见').fill('请补充本次走访发现的问题和给出的建议，并写明培训人数。');
    await side().getByRole('button', { name: '待修改' }).click();
    await expect.poll(() => page.getByTestId('review-count-has_issues').textContent()).toContain('1');

    await page.getByTestId('review-count-has_issues').click();
    await expect.poll(() => page.getByRole('option').count()).toBe(1);
    await page.keyboard.press('j');
    await expect.poll(() => side().getByRole('heading', { name: title }).isVisible()).toBe(true);
    await side().getByRole('link', { name: '打开完整记录' }).click();
    const thread = page.getByTestId('review-panel');
    await expect
      .poll(() => thread.getByTestId('review-comment').first().textContent())
      .toContain('请补充本次走访');
    await screenshot(page, '31-visit-form-thread');
  });

  it('shows the completeness check', async () => {
    await page.getByRole('link', { name: '核对与审核' }).click();
    await page.getByRole('tab', { name: '完整性检查' }).click();
    await expect
      .poll(
        async () =>
          (await page.getByTestId('completeness-clear').count()) +
          (await page.locator('.review-complete__group').count()),
      )
      .toBeGreaterThan(0);
    await screenshot(page, '32-review-completeness');
  });

  it('locks the trip, and an expert’s device then shows the visit read-only', async () => {
    await page.getByRole('tab', { name: '审核' }).click();
    await page.getByRole('button', { name: '定稿并锁定' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '锁定' }).click();
    await expect.poll(() => page.getByTestId('lock-banner').isVisible()).toBe(true);
    await screenshot(page, '33-review-locked');

    // Sign this browser in as an expert the way the sync screen stores the account (no server needed
    // to show what the lock means on an expert's device).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('expert-trips');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').put({
              key: 'sync.user',
              value: { id: 'expert-1', username: 'chen', displayName: '陈绍成', role: 'expert' },
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.getByRole('link', { name: '走访记录' }).click();
    await expect.poll(() => page.getByTestId('lock-banner').textContent()).toContain('修改将被服务器拒绝');
    await expect.poll(() => page.getByTestId('review-issues-notice').textContent()).toContain('有 1 条记录');
    await page.getByRole('button', { name: '只看待修改' }).click();
    await expect.poll(() => page.getByTestId('vtable-row').count()).toBe(1);
    await screenshot(page, '35-visits-expert-locked');
    await page.getByTestId('vtable-row').first().click();
    await expect.poll(() => page.getByLabel('走访纪要').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);
    await screenshot(page, '34-visit-locked-expert');
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
