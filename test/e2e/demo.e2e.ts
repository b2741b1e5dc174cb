import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serveDist, watchErrors } from './harness';

/**
 * The demo trip (2025 成渝专家团"走进璧山", seed 003) loaded from the empty state: the trip home must
 * show exactly the figures the article reports, and every main screen renders with real data.
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

const figure = (id: string) => page.getByTestId(`figure-${id}`).textContent();

describe('the demo trip', () => {
  it('loads from the empty state and shows the figures of the article', async () => {
    await page.getByRole('button', { name: '加载演示活动' }).first().click();
    await expect.poll(() => figure('visits'), { timeout: 20_000 }).toBe('13');
    expect(await figure('activity-technical_guidance')).toBe('5');
    expect(await figure('activity-lecture')).toBe('8');
    expect(await figure('activity-seminar')).toBe('13');
    expect(await figure('problems-solved-hard')).toBe('12');
    expect(await figure('problems-solved-other')).toBe('47');
    expect(await figure('recommendations')).toBe('37');
    expect(await figure('people-trained')).toBe('201');
    expect(await figure('beneficiaries')).toBe('1645');
    expect(await figure('agreement-cooperation')).toBe('12');
    expect(await figure('appointed-experts')).toBe('14');
    const sentence = await page.getByTestId('report-sentence').textContent();
    expect(sentence).toContain('技术指导5次、学术讲座8场、座谈交流13次');
    await screenshot(page, '10-demo-trip-home');
  });

  it('renders every main screen with the demo data', async () => {
    for (const [link, name, text] of [
      ['走访记录', '11-demo-visits', '重庆东嶅药业有限公司'],
      ['专家团队', '12-demo-team', '丁显平'],
      ['服务单位与需求', '13-demo-hosts-needs', '需求清单'],
      ['问题诊断', '14-demo-problems', '疑难杂症'],
      ['签约协议', '15-demo-agreements', '中药饮片炮制工艺标准化技术服务合作协议'],
      ['跟踪服务', '16-demo-follow-ups', '已逾期'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await expect.poll(() => page.getByRole('main').getByText(text).first().isVisible()).toBe(true);
      await screenshot(page, name);
    }
  });

  it('a list with the whole trip stays virtualised (only visible rows in the DOM)', async () => {
    await page.getByRole('link', { name: '问题诊断' }).click();
    await expect.poll(() => page.getByTestId('vtable-row').count()).toBeGreaterThan(5);
    const rendered = await page.getByTestId('vtable-row').count();
    expect(rendered).toBeLessThan(61); // 61 problems in the demo; the window shows fewer
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
