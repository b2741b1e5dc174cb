import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCreditCode } from '../../shared/creditCode';
import { launchBrowser, screenshot, serveDist, watchErrors } from './harness';

/**
 * A new user's first trip, end to end in real Chromium against the built renderer: create a trip, add an
 * expert and a host, log a visit with two activities, a problem, a recommendation and an agreement;
 * reload; everything is still there and the trip home shows the right figures; switch to English.
 */
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let page: Page;
let errors: string[];
const creditCode = completeCreditCode('91500120MA5U4K2D9');

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

const byTestId = (id: string) => page.getByTestId(id);

describe('a new user records a trip', () => {
  it('starts on an empty trips list that offers to create a trip or load the demo', async () => {
    await expect.poll(() => page.getByText('还没有任何活动').isVisible()).toBe(true);
    await screenshot(page, '01-trips-empty');
  });

  it('creates a trip', async () => {
    await page.getByRole('link', { name: '新建活动' }).first().click();
    await page.getByLabel('活动名称').fill('2025年专家团走进璧山');
    await page.getByLabel('地区（市、区县）').fill('重庆市璧山区');
    await page.getByLabel('开始日期').fill('2025-06-23');
    await page.getByLabel('结束日期').fill('2025-06-25');
    await page.getByRole('button', { name: '创建活动' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: '2025年专家团走进璧山' }).isVisible())
      .toBe(true);
  });

  it('adds an expert to the directory and to the trip', async () => {
    await page.getByRole('link', { name: '专家团队' }).click();
    await page.getByRole('button', { name: '新增专家' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('姓名').fill('陈绍成');
    await drawer.getByLabel('职称').fill('二级教授');
    await drawer.getByLabel('工作单位').fill('重庆第二师范学院');
    await drawer.getByRole('button', { name: '保存到专家库' }).click();
    await drawer.getByRole('button', { name: '加入专家团' }).click();
    await expect.poll(() => drawer.getByText('已作为').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await screenshot(page, '02-team');
  });

  it('adds a host with a valid credit code, after a mistyped one is refused', async () => {
    await page.getByRole('link', { name: '服务单位与需求' }).click();
    await page.getByRole('tab', { name: '服务单位库' }).click();
    await page.getByRole('button', { name: '新建单位' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('单位名称').fill('重庆东嶅药业有限公司');
    const wrong = `${creditCode.slice(0, 17)}${creditCode.endsWith('0') ? '1' : '0'}`;
    await drawer.getByLabel('统一社会信用代码').fill(wrong);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => drawer.getByText('校验位不符').first().isVisible()).toBe(true);
    await drawer.getByLabel('统一社会信用代码').fill(creditCode);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByText('重庆东嶅药业有限公司').first().isVisible()).toBe(true);
  });

  it('logs a visit with two activities, a problem and a recommendation', async () => {
    await page.getByRole('link', { name: '走访记录' }).click();
    await page.getByRole('link', { name: '记录走访' }).first().click();
    const host = page.getByLabel('服务单位');
    await host.fill('东嶅');
    await page.getByRole('option', { name: /重庆东嶅药业有限公司/ }).click();
    await page.getByLabel('走访日期').fill('2025-06-24');
    await page.getByLabel('陈绍成').check();
    // first activity: technical guidance ×2, then a lecture
    const rows = page.getByTestId('activity-row');
    await rows.nth(0).getByLabel('活动类型').selectOption('technical_guidance');
    await rows.nth(0).getByLabel('次数/场数').fill('2');
    await page.getByRole('button', { name: '+ 添加活动' }).click();
    await rows.nth(1).getByLabel('活动类型').selectOption('lecture');
    await rows.nth(1).getByLabel('主题（可选）').fill('中药饮片炮制技术');
    await page.getByLabel('培训指导人次').fill('26');
    await page.getByLabel('惠及群众人数').fill('120');
    await page.getByLabel('走访纪要').fill('调研中药饮片炮制技术,对生产流程提出优化建议。');
    await page.getByRole('button', { name: '+ 添加问题' }).click();
    const problem = page.getByTestId('problem-row');
    await problem.getByLabel('问题 1').fill('酒炙饮片炮制火候难以稳定控制');
    await problem.getByLabel('类别').selectOption('hard');
    await problem.getByLabel('状态').selectOption('solved');
    await page.getByRole('button', { name: '+ 添加建议' }).click();
    await page
      .getByTestId('recommendation-row')
      .getByLabel('建议内容 1')
      .fill('引入在线温度监测并建立火候标准曲线');
    await screenshot(page, '03-visit-form');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: '走访记录' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('vtable-row').count()).toBe(1);
    await screenshot(page, '04-visit-list');
  });

  it('records an agreement from the visit', async () => {
    await page.getByTestId('vtable-row').first().click();
    await page.getByRole('button', { name: '+ 记录签约' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('协议名称').fill('中药饮片炮制工艺标准化技术服务合作协议');
    await drawer.getByLabel('状态').selectOption('signed');
    await drawer.getByLabel('签约日期').fill('2025-06-25');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('visit-agreement').count()).toBe(1);
  });

  it('after a reload everything is still there and the trip home shows the right figures', async () => {
    await page.reload();
    await page.getByRole('link', { name: '活动概览' }).click();
    await expect.poll(() => byTestId('figure-visits').textContent()).toBe('1');
    expect(await byTestId('figure-activity-technical_guidance').textContent()).toBe('2');
    expect(await byTestId('figure-activity-lecture').textContent()).toBe('1');
    expect(await byTestId('figure-problems-solved-hard').textContent()).toBe('1');
    expect(await byTestId('figure-problems-solved-other').textContent()).toBe('0');
    expect(await byTestId('figure-recommendations').textContent()).toBe('1');
    expect(await byTestId('figure-people-trained').textContent()).toBe('26');
    expect(await byTestId('figure-beneficiaries').textContent()).toBe('120');
    expect(await byTestId('figure-agreements').textContent()).toBe('1');
    expect(await byTestId('figure-hosts-served').textContent()).toBe('1');
    expect(await byTestId('figure-experts-active').textContent()).toBe('1');
    const sentence = await byTestId('report-sentence').textContent();
    expect(sentence).toContain('技术指导2次');
    expect(sentence).toContain('直接培训指导26人次');
    await screenshot(page, '05-trip-home');

    await page.getByRole('link', { name: '问题诊断' }).click();
    await expect.poll(() => page.getByText('酒炙饮片炮制火候难以稳定控制').isVisible()).toBe(true);
    await page.getByRole('link', { name: '签约协议' }).click();
    await expect.poll(() => page.getByText('中药饮片炮制工艺标准化技术服务合作协议').isVisible()).toBe(true);
    await screenshot(page, '06-agreements');
  });

  it('finds records by Chinese text without spaces', async () => {
    await page.getByRole('search').getByRole('searchbox').fill('炮制火候');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('酒炙饮片炮制火候难以稳定控制').isVisible()).toBe(true);
    await screenshot(page, '07-search');
  });

  it('switches to English, and the choice survives a reload', async () => {
    await page.getByRole('button', { name: '语言' }).click();
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => page.getByText('Visit log').first().isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: 'Team' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, '08-trip-home-en');
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
